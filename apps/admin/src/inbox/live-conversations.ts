import type { Conversation } from '../providers/api-types';

export interface ListFilter {
  queue: string;
  archived: boolean;
  q: string;
}

/** Whether a conversation belongs in the list as filtered (search aside: only the API knows it). */
export function belongsInList(conversation: Conversation, filter: ListFilter): boolean {
  if (conversation.queue !== filter.queue) return false;
  if ((conversation.status === 'archived') !== filter.archived) return false;
  // Blocked clients never appear in the open list; their archived conversations do.
  return filter.archived || !conversation.contact.blocked;
}

/** Newest activity first; equal times keep a stable order. */
export function byNewestActivity(a: Conversation, b: Conversation): number {
  return b.lastMessageAt.localeCompare(a.lastMessageAt) || b.id - a.id;
}

/**
 * The list as it is now: the rows the API gave, with the conversations that live events changed
 * since (the events are newer than any fetch they followed). A changed conversation moves to its
 * place by its last activity, leaves when it no longer matches (archived, moved, blocked) and
 * joins when it newly matches — except while searching, when only the API can tell.
 */
export function mergeLiveConversations(rows: Conversation[], live: ReadonlyMap<number, Conversation>, filter: ListFilter): Conversation[] {
  if (live.size === 0) return rows;
  const seen = new Set<number>();
  const merged: Conversation[] = [];
  for (const row of rows) {
    seen.add(row.id);
    const latest = live.get(row.id) ?? row;
    if (belongsInList(latest, filter)) merged.push(latest);
  }
  if (!filter.q) {
    for (const conversation of live.values()) {
      if (!seen.has(conversation.id) && belongsInList(conversation, filter)) merged.push(conversation);
    }
  }
  return merged.sort(byNewestActivity);
}
