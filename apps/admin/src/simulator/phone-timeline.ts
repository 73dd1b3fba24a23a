import type { SimulatedText } from '../providers/api-types';

export interface PhoneText {
  id: string;
  fromClient: boolean;
  body: string;
  at: string;
  mediaUrls: string[];
}

/** What the client's phone shows for one hospital number: their texts and IVM's, oldest first. */
export function phoneTimeline(sentByClient: PhoneText[], sentByIvm: SimulatedText[], clientPhone: string, hospitalNumber: string): PhoneText[] {
  const replies: PhoneText[] = sentByIvm
    .filter((text) => text.to === clientPhone && text.from === hospitalNumber)
    .map((text) => ({ id: text.providerMessageId, fromClient: false, body: text.body, at: text.sentAt, mediaUrls: text.mediaUrls ?? [] }));
  return [...sentByClient, ...replies].sort((a, b) => a.at.localeCompare(b.at));
}
