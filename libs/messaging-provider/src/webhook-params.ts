import { InvalidWebhookPayloadError } from './messaging-provider.errors';
import type { InboundMedia, InboundText, StatusUpdate } from './messaging-provider.interface';
import { CARRIER_MESSAGE_STATUSES, isCarrierMessageStatus } from './message-status';

/*
 * Field checks for Twilio-style webhook parameters (MessageSid, From, To, Body, NumMedia,
 * MediaUrl{N}, MessageStatus, ErrorCode). Both plugins speak this vocabulary, so the rules live
 * here once and a message a person can act on names the exact field that broke.
 */

const MESSAGE_SID = /^(SM|MM)[0-9a-fA-F]{32}$/;
const MAX_MEDIA = 10;
const MAX_ECHO = 40;

type Params = Record<string, unknown>;

export function parseInboundParams(params: Params): InboundText {
  const providerMessageId = readMessageSid(params);
  const from = readRequiredText(params, 'From', 'the sender phone number');
  const to = readRequiredText(params, 'To', 'the hospital number that was texted');
  const mediaCount = readMediaCount(params);
  const body = readBody(params, mediaCount);
  const media = readMedia(params, mediaCount);
  return { providerMessageId, from, to, body, media };
}

export function parseStatusParams(params: Params): StatusUpdate {
  const providerMessageId = readMessageSid(params);
  const word = readRequiredText(params, 'MessageStatus', 'the delivery status');
  if (!isCarrierMessageStatus(word)) {
    throw new InvalidWebhookPayloadError(
      'MessageStatus',
      `MessageStatus "${echo(word)}" is not a known message status; expected one of ` +
        `${Object.keys(CARRIER_MESSAGE_STATUSES).join(', ')}.`,
    );
  }
  return {
    providerMessageId,
    status: CARRIER_MESSAGE_STATUSES[word],
    errorCode: readErrorCode(params),
    errorMessage: readOptionalText(params, 'ErrorMessage'),
  };
}

/** The one value of a header, or null when it is missing, empty or sent more than once. */
export function readSingleHeader(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function readMessageSid(params: Params): string {
  const sid = readRequiredText(params, 'MessageSid', "the provider's message id");
  if (!MESSAGE_SID.test(sid)) {
    throw new InvalidWebhookPayloadError(
      'MessageSid',
      `MessageSid "${echo(sid)}" is not a message id: expected SM or MM followed by 32 hex characters.`,
    );
  }
  return sid;
}

function readRequiredText(params: Params, field: string, meaning: string): string {
  const value = params[field];
  if (value === undefined || value === null) {
    throw new InvalidWebhookPayloadError(field, `${field} is missing: the webhook must carry ${meaning}.`);
  }
  if (typeof value !== 'string') {
    throw new InvalidWebhookPayloadError(field, `${field} must be a single text value, got ${describe(value)}.`);
  }
  if (value.trim().length === 0) {
    throw new InvalidWebhookPayloadError(field, `${field} is empty: the webhook must carry ${meaning}.`);
  }
  return value;
}

function readOptionalText(params: Params, field: string): string | null {
  const value = params[field];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') {
    throw new InvalidWebhookPayloadError(field, `${field} must be a single text value, got ${describe(value)}.`);
  }
  return value;
}

function readMediaCount(params: Params): number {
  const value = params.NumMedia;
  if (value === undefined || value === null || value === '') return 0;
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,2}$/.test(text) || Number(text) > MAX_MEDIA) {
    throw new InvalidWebhookPayloadError(
      'NumMedia',
      `NumMedia must be a whole number from 0 to ${MAX_MEDIA}, got ${describe(value)}.`,
    );
  }
  return Number(text);
}

function readBody(params: Params, mediaCount: number): string {
  const body = params.Body;
  if (body === undefined || body === null) {
    throw new InvalidWebhookPayloadError('Body', 'Body is missing: send it, empty if the text carries media only.');
  }
  if (typeof body !== 'string') {
    throw new InvalidWebhookPayloadError('Body', `Body must be a single text value, got ${describe(body)}.`);
  }
  if (body.length === 0 && mediaCount === 0) {
    throw new InvalidWebhookPayloadError('Body', 'Body is empty and the text has no media (NumMedia is 0): nothing was sent.');
  }
  return body;
}

function readMedia(params: Params, mediaCount: number): InboundMedia[] {
  const media: InboundMedia[] = [];
  for (let index = 0; index < mediaCount; index += 1) {
    const urlField = `MediaUrl${index}`;
    const url = readRequiredText(params, urlField, `media ${index + 1} of the ${mediaCount} that NumMedia announces`);
    if (!isAbsoluteHttpUrl(url)) {
      throw new InvalidWebhookPayloadError(urlField, `${urlField} "${echo(url)}" is not an http(s) URL.`);
    }
    media.push({ url, contentType: readOptionalText(params, `MediaContentType${index}`) });
  }
  return media;
}

function readErrorCode(params: Params): string | null {
  const value = params.ErrorCode;
  if (value === undefined || value === null || value === '') return null;
  const code = typeof value === 'number' ? String(value) : value;
  if (typeof code !== 'string' || !/^\d+$/.test(code)) {
    throw new InvalidWebhookPayloadError('ErrorCode', `ErrorCode must be a numeric error code such as 30003, got ${describe(value)}.`);
  }
  return code;
}

/** Webhooks are signed over the full public URL; anything else cannot be the one the provider called. */
export function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${echo(value)}"`;
  if (Array.isArray(value)) return 'several values (the field was sent more than once)';
  return typeof value;
}

// Echo enough of a bad value to recognise it without copying a whole payload into logs.
function echo(value: string): string {
  return value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value;
}
