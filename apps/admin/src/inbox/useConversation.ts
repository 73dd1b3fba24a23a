import { useCallback, useEffect, useState } from 'react';
import { useGetOne } from 'react-admin';
import { retryOnce } from '../common/query-options';
import { useLiveRefresh } from '../live/useLiveRefresh';
import { useSubscribe } from '../live/useSubscribe';
import type { Conversation } from '../providers/api-types';
import { conversationTopic } from '../providers/realtime-topics';

/**
 * The open conversation, kept live: `resource/conversations/<id>` events carry it whole, so they
 * replace the fetched one until the next resync asks the API again.
 */
export function useConversation(id: number) {
  const fetched = useGetOne<Conversation>('conversations', { id }, { retry: retryOnce });
  const [live, setLive] = useState<Conversation | null>(null);
  useEffect(() => setLive(null), [id]);

  useSubscribe<Conversation>(conversationTopic(id), (event) => {
    if (event.type === 'updated') setLive(event.payload.data);
  });

  const { refetch } = fetched;
  const resync = useCallback(() => {
    setLive(null);
    return refetch();
  }, [refetch]);
  useLiveRefresh(resync);

  const conversation = live?.id === id ? live : fetched.data;
  return { conversation, isPending: fetched.isPending, error: fetched.error, refetch: resync, apply: setLive };
}
