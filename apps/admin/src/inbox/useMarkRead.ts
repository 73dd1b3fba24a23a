import { useEffect, useRef } from 'react';
import { useDataProvider } from 'react-admin';
import type { Conversation } from '../providers/api-types';
import { useLatest } from '../common/useLatest';
import type { IvmDataProvider } from '../providers/dataProvider';

/**
 * Opening a conversation with unread texts marks it read (for the whole queue: unread counts are
 * shared). While it stays open and the tab is in view, texts arriving in it are read too.
 */
export function useMarkRead(conversation: Conversation | undefined, onRead: (conversation: Conversation) => void): void {
  const dataProvider = useDataProvider<IvmDataProvider>();
  const pending = useRef<string | null>(null);
  const latestOnRead = useLatest(onRead);
  const unread = conversation?.unreadCount ?? 0;
  const id = conversation?.id;
  const lastAt = conversation?.lastMessageAt;

  useEffect(() => {
    if (id === undefined || unread === 0) return;
    const mark = () => {
      const key = `${id}:${lastAt}`;
      if (document.visibilityState === 'hidden' || pending.current === key) return;
      pending.current = key;
      dataProvider.markRead(id).then(
        ({ data }) => latestOnRead.current(data),
        () => {
          pending.current = null; // try again on the next change; the list still shows it unread
        },
      );
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [dataProvider, id, unread, lastAt, latestOnRead]);
}
