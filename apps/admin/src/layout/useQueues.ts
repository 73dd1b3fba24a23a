import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useGetList } from 'react-admin';
import { retryOnce } from '../common/query-options';
import { useLatest } from '../common/useLatest';
import { useLiveRefresh } from '../live/useLiveRefresh';
import { useSubscribe } from '../live/useSubscribe';
import type { Queue } from '../providers/api-types';
import { CONVERSATIONS_TOPIC } from '../providers/realtime-topics';

const QUEUE_PARAMS = { pagination: { page: 1, perPage: 50 }, sort: { field: 'code', order: 'ASC' as const } };

/** The queues the user may work, with their unread counts (shared by every caller through react-admin's cache). */
export function useQueues() {
  const { data, isPending, error, refetch } = useGetList<Queue>('queues', QUEUE_PARAMS, { staleTime: 5000, retry: retryOnce });
  const queues = useMemo(() => data ?? [], [data]);
  const totalUnread = queues.reduce((sum, queue) => sum + queue.unreadConversations, 0);
  return { queues, isPending, error, refetch, totalUnread };
}

/**
 * Keeps the unread counts live: every conversation event may change them, so the queues are
 * refetched, at most about twice a second however busy the clinic is. Mount once (the blue bar).
 */
export function useLiveQueueCounts(refetch: () => unknown): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useLatest(refetch);
  const schedule = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, 400);
  }, [latest]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  useSubscribe(CONVERSATIONS_TOPIC, schedule);
  useLiveRefresh(refetch);
}
