import type { ProviderDeliveryStatus } from './messaging-provider.interface';

/**
 * Twilio's message statuses (TWILIO.md §3.2) and what each means to us. The simulator speaks
 * the same words, so one table serves both plugins. Null: the word is known but does not move
 * our delivery state (read receipts, inbound states, the deprecated `partially_delivered`).
 */
export const CARRIER_MESSAGE_STATUSES: Readonly<Record<string, ProviderDeliveryStatus | null>> = {
  // Everything before the handset answers is "the provider accepted it" for us.
  accepted: 'sent',
  scheduled: 'sent',
  queued: 'sent',
  sending: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'canceled',
  read: null,
  receiving: null,
  received: null,
  partially_delivered: null,
};

export function isCarrierMessageStatus(word: string): boolean {
  return Object.prototype.hasOwnProperty.call(CARRIER_MESSAGE_STATUSES, word);
}

/** Our status for a carrier status word; null when it means nothing to us or is unknown. */
export function toDeliveryStatus(word: string | null | undefined): ProviderDeliveryStatus | null {
  if (!word || !isCarrierMessageStatus(word)) return null;
  return CARRIER_MESSAGE_STATUSES[word];
}
