import { randomBytes } from 'node:crypto';
import type { WebhookVocabulary } from './messaging-provider.contract';

/**
 * Twilio's webhook parameter names and status words, which the simulator speaks too. The status
 * table is written out from TWILIO.md §3.2 and DESIGN.md "SMS contracts", not copied from the
 * code under test, so the suite checks the mapping instead of repeating it.
 */
export const twilioStyleWebhookVocabulary: WebhookVocabulary = {
  newMessageId: (kind = 'sms') => (kind === 'mms' ? 'MM' : 'SM') + randomBytes(16).toString('hex'),
  inboundParams: ({ messageId, from, to, body, media = [] }) => {
    const params: Record<string, string> = { MessageSid: messageId, From: from, To: to, Body: body, NumMedia: String(media.length) };
    media.forEach((item, index) => {
      params[`MediaUrl${index}`] = item.url;
      if (item.contentType) params[`MediaContentType${index}`] = item.contentType;
    });
    return params;
  },
  statusParams: ({ messageId, status, errorCode }) => ({
    MessageSid: messageId,
    MessageStatus: status,
    From: '+18444073300',
    To: '+15558675310',
    ...(errorCode ? { ErrorCode: errorCode } : {}),
  }),
  fields: {
    messageId: 'MessageSid',
    from: 'From',
    to: 'To',
    body: 'Body',
    mediaCount: 'NumMedia',
    mediaUrl: (index) => `MediaUrl${index}`,
    status: 'MessageStatus',
    errorCode: 'ErrorCode',
  },
  statuses: {
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
  },
};
