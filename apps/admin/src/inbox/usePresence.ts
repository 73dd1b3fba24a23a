import { useEffect, useState } from 'react';
import { useLatest } from '../common/useLatest';
import { useDataProvider, useGetIdentity } from 'react-admin';
import { useSubscribe } from '../live/useSubscribe';
import type { IvmDataProvider } from '../providers/dataProvider';
import type { Person } from '../providers/realtime-contract';
import type { Message } from '../providers/api-types';
import { conversationTopic, messagesTopic } from '../providers/realtime-topics';

/** "Kim is typing…" fades this long after Kim's last keystroke signal. */
export const TYPING_SHOWN_MS = 5000;

/**
 * Who else is looking at the conversation and who is typing in it. Also tells the others that
 * this tab is viewing it, and that it no longer is when it closes.
 */
export function usePresence(conversationId: number) {
  const dataProvider = useDataProvider<IvmDataProvider>();
  const { identity } = useGetIdentity();
  const me = identity?.username as string | undefined;
  const [viewers, setViewers] = useState<Person[]>([]);
  const [typing, setTyping] = useState<Record<string, { person: Person; until: number }>>({});
  const provider = useLatest(dataProvider);

  useEffect(() => {
    const target = provider.current;
    setViewers([]);
    setTyping({});
    void target.viewing(conversationId);
    return () => {
      void target.viewing(null);
    };
  }, [conversationId, provider]);

  useSubscribe<{ viewers?: Person[]; user?: Person }>(conversationTopic(conversationId), (event) => {
    if (event.type === 'presence') setViewers(event.payload.data.viewers ?? []);
    if (event.type === 'typing' && event.payload.data.user) {
      const person = event.payload.data.user;
      setTyping((current) => ({ ...current, [person.username]: { person, until: Date.now() + TYPING_SHOWN_MS } }));
    }
  });

  // Whoever just sent a text has stopped typing it.
  useSubscribe<Message>(messagesTopic(conversationId), (event) => {
    const sender = event.type === 'created' ? event.payload.data.sender?.username : undefined;
    if (sender) {
      setTyping((current) => {
        if (!current[sender]) return current;
        const { [sender]: _sent, ...rest } = current;
        return rest;
      });
    }
  });

  // Forget typists whose signal stopped.
  const typingCount = Object.keys(typing).length;
  useEffect(() => {
    if (typingCount === 0) return;
    const timer = setInterval(() => {
      setTyping((current) => {
        const now = Date.now();
        const kept = Object.fromEntries(Object.entries(current).filter(([, entry]) => entry.until > now));
        return Object.keys(kept).length === Object.keys(current).length ? current : kept;
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [typingCount]);

  const others = (people: Person[]) => people.filter((person) => person.username !== me);
  return {
    viewers: others(viewers),
    typing: others(Object.values(typing).map((entry) => entry.person)),
  };
}
