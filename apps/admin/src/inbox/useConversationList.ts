import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useInfiniteGetList } from 'react-admin';
import { retryOnce } from '../common/query-options';
import { useLatest } from '../common/useLatest';
import { useLiveRefresh } from '../live/useLiveRefresh';
import { useSubscribe } from '../live/useSubscribe';
import type { Conversation, Message } from '../providers/api-types';
import { CONVERSATIONS_TOPIC, type RealtimeEvent } from '../providers/realtime-topics';
import { mergeLiveConversations, type ListFilter } from './live-conversations';

const PAGE_SIZE = 50;

export interface ConversationListOptions extends ListFilter {
  /** Told about each client text that arrives live (for the screen-reader announcement). */
  onIncomingText?: (conversation: Conversation, message: Message) => void;
}

/**
 * The conversation list of a queue, kept live: events change the rows at once, and a refetch
 * shortly after settles what only the API knows (search matches, totals).
 */
export function useConversationList({ queue, archived, q, onIncomingText }: ConversationListOptions) {
  const filter = useMemo(() => ({ queue, archived, ...(q ? { q } : {}) }), [queue, archived, q]);
  const list = useInfiniteGetList<Conversation>(
    'conversations',
    { filter, pagination: { page: 1, perPage: PAGE_SIZE }, sort: { field: 'lastMessageAt', order: 'DESC' } },
    { enabled: Boolean(queue), retry: retryOnce },
  );
  const [live, setLive] = useState<ReadonlyMap<number, Conversation>>(new Map());
  const filterKey = JSON.stringify(filter);
  useEffect(() => setLive(new Map()), [filterKey]);

  const { refetch } = list;
  const settleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const settleSoon = useCallback(() => {
    if (settleTimer.current) clearTimeout(settleTimer.current);
    settleTimer.current = setTimeout(() => void refetch(), 1500);
  }, [refetch]);
  useEffect(() => () => {
    if (settleTimer.current) clearTimeout(settleTimer.current);
  }, []);

  /** A change made here (read, archived, moved) shows in the list without waiting for the socket. */
  const upsert = useCallback((conversation: Conversation) => {
    setLive((current) => new Map(current).set(conversation.id, conversation));
  }, []);

  const latestOnIncoming = useLatest(onIncomingText);
  useSubscribe<Conversation>(queue ? CONVERSATIONS_TOPIC : null, (event: RealtimeEvent<Conversation>) => {
    const conversation = event.payload.data;
    upsert(conversation);
    if (q) settleSoon();
    const message = event.payload.message as Message | undefined;
    if (event.type === 'created' && message?.direction === 'inbound') {
      latestOnIncoming.current?.(conversation, message);
    }
  });

  // After a reconnect, the API's answer replaces whatever the events said.
  const resync = useCallback(() => {
    setLive(new Map());
    return refetch();
  }, [refetch]);
  useLiveRefresh(resync, Boolean(queue));

  const fetched = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const conversations = useMemo(
    () => mergeLiveConversations(fetched, live, { queue, archived, q }),
    [fetched, live, queue, archived, q],
  );
  const total = list.data?.pages[0]?.total;

  return {
    conversations,
    total,
    isPending: list.isPending,
    error: list.error,
    refetch: resync,
    hasNextPage: list.hasNextPage,
    fetchNextPage: list.fetchNextPage,
    isFetchingNextPage: list.isFetchingNextPage,
    upsert,
  };
}
