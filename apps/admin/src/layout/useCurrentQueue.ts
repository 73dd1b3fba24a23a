import { useCallback } from 'react';
import { useLocation, useNavigate, useStore } from 'react-admin';
import type { Queue } from '../providers/api-types';
import { useQueues } from './useQueues';

/**
 * The queue on screen: `?queue=SAC` in the address (so a link or a reload keeps it), else the one
 * last chosen on this computer, else the user's first queue.
 */
export function useCurrentQueue(): ReturnType<typeof useQueues> & { queue: Queue | undefined; selectQueue: (code: string) => void } {
  const queueList = useQueues();
  const { queues } = queueList;
  const location = useLocation();
  const navigate = useNavigate();
  const [lastQueue, setLastQueue] = useStore<string | undefined>('ivm.lastQueue');
  const wanted = new URLSearchParams(location.search).get('queue') ?? lastQueue;
  const queue = queues.find((q) => q.code === wanted) ?? queues[0];

  const selectQueue = useCallback((code: string) => {
    setLastQueue(code);
    navigate(`/inbox?queue=${encodeURIComponent(code)}`);
  }, [navigate, setLastQueue]);

  return { ...queueList, queue, selectQueue };
}
