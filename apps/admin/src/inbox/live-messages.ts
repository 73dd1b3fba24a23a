import type { Message, MessageStatus } from '../providers/api-types';

// Statuses only move forward (the API keeps the first final one); a late event must not undo one.
const STATUS_RANK: Record<MessageStatus, number> = {
  received: 0, note: 0, queued: 1, sending: 2, sent: 3, delivered: 4, undelivered: 4, failed: 4, canceled: 4,
};

function newer(a: Message, b: Message): Message {
  return STATUS_RANK[b.status] >= STATUS_RANK[a.status] ? b : a;
}

/** The thread oldest first: the fetched texts and those that arrived live (sent, received, status changes). */
export function mergeLiveMessages(fetched: Message[], live: ReadonlyMap<number, Message>): Message[] {
  if (live.size === 0) return fetched;
  const byId = new Map<number, Message>();
  for (const message of fetched) byId.set(message.id, message);
  for (const message of live.values()) {
    const known = byId.get(message.id);
    byId.set(message.id, known ? newer(known, message) : message);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
