/**
 * A text's status. Inbound texts are `received`; staff notes are `note` (never sent). Outbound ones move
 * `queued` (in our outbox) → `sending` (claimed) → `sent` (the provider accepted it) →
 * one final status from the provider's receipts; the first final status stays.
 */
export const MESSAGE_STATUSES = [
  'received', 'note', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'canceled',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const FINAL_STATUSES: readonly MessageStatus[] = ['delivered', 'undelivered', 'failed', 'canceled'];

const RANK: Record<MessageStatus, number> = {
  received: 0,
  note: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  canceled: 4,
};

export function isFinalStatus(status: MessageStatus): boolean {
  return RANK[status] === 4;
}

/** True when a receipt saying `next` may replace `current`: statuses only move forward, and a final one stays. */
export function canAdvance(current: MessageStatus, next: MessageStatus): boolean {
  if (RANK[current] === 0 || RANK[next] === 0) return false;
  return RANK[next] > RANK[current];
}

/** The statuses a text may be in for `next` to replace it (for a race-free conditional update). */
export function statusesBelow(next: MessageStatus): MessageStatus[] {
  return MESSAGE_STATUSES.filter((status) => canAdvance(status, next));
}

