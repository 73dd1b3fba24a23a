import { useState } from 'react';
import type { ConnectionState } from '../providers/realtime';
import { CONNECTION_TOPIC } from '../providers/realtime-topics';
import { useSubscribe } from './useSubscribe';

/** connected | reconnecting | offline, as the socket is now. */
export function useConnectionState(): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connected');
  useSubscribe<{ state: ConnectionState }>(CONNECTION_TOPIC, (event) => {
    if (event.type === 'state') setState(event.payload.data.state);
  });
  return state;
}
