import { useEffect } from 'react';
import { useLatest } from '../common/useLatest';
import { CONNECTION_TOPIC } from '../providers/realtime-topics';
import { useConnectionState } from './useConnectionState';
import { useSubscribe } from './useSubscribe';

/** While the socket is down, what a screen shows is refreshed this often, so it is never silently stale. */
export const POLL_WHILE_DISCONNECTED_MS = 15000;

/**
 * Refetches when the socket (re)connects (it may have missed events) and, while it is down, every
 * 15 seconds. Give it whatever refetches the data on screen.
 */
export function useLiveRefresh(refetch: () => unknown, enabled = true): void {
  const latest = useLatest(refetch);
  useSubscribe(enabled ? CONNECTION_TOPIC : null, (event) => {
    if (event.type === 'resync') latest.current();
  });
  const state = useConnectionState();
  useEffect(() => {
    if (!enabled || state === 'connected') return;
    const timer = setInterval(() => latest.current(), POLL_WHILE_DISCONNECTED_MS);
    return () => clearInterval(timer);
  }, [enabled, state, latest]);
}
