import { useCallback, useEffect, useMemo, useState } from 'react';
import { useGetManyReference } from 'react-admin';
import { retryOnce } from '../common/query-options';
import { useLiveRefresh } from '../live/useLiveRefresh';
import { useSubscribe } from '../live/useSubscribe';
import type { Message } from '../providers/api-types';
import { messagesTopic } from '../providers/realtime-topics';
import { mergeLiveMessages } from './live-messages';

/** The API's largest page: the thread shows the latest 200 texts; the Comm Log copy has them all. */
export const THREAD_PAGE = 200;

/** A conversation's texts, oldest first, with the ones that arrive or change status live. */
export function useThreadMessages(conversationId: number) {
  const fetched = useGetManyReference<Message>('messages', {
    target: 'conversationId',
    id: conversationId,
    // Newest first from the API, so a long conversation still shows its latest texts.
    pagination: { page: 1, perPage: THREAD_PAGE },
    sort: { field: 'id', order: 'DESC' },
    filter: {},
  }, { retry: retryOnce });
  const [live, setLive] = useState<ReadonlyMap<number, Message>>(new Map());
  useEffect(() => setLive(new Map()), [conversationId]);

  /** A text sent from here shows at once, before the socket echoes it. */
  const add = useCallback((message: Message) => {
    setLive((current) => new Map(current).set(message.id, message));
  }, []);
  useSubscribe<Message>(messagesTopic(conversationId), (event) => {
    if (event.payload.data.conversationId === conversationId) add(event.payload.data);
  });

  const { refetch } = fetched;
  const resync = useCallback(() => {
    setLive(new Map());
    return refetch();
  }, [refetch]);
  useLiveRefresh(resync);

  const oldestFirst = useMemo(() => [...(fetched.data ?? [])].reverse(), [fetched.data]);
  const messages = useMemo(() => mergeLiveMessages(oldestFirst, live), [oldestFirst, live]);
  const truncated = (fetched.total ?? 0) > THREAD_PAGE;
  return { messages, isPending: fetched.isPending, error: fetched.error, refetch: resync, add, truncated };
}
