import { randomBytes } from 'node:crypto';

/** A message the fake Twilio took, as the fake stores it. */
export interface FakeTwilioMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  body: string;
  mediaUrls: string[];
  statusCallback: string | null;
  status: string;
  dateCreated: Date;
  numSegments: number;
  errorCode: number | null;
}

/** A REST error in Twilio's classic four-field shape (TWILIO.md §4.4). */
export interface TwilioErrorBody {
  code: number | null;
  message: string;
  more_info: string;
  status: number;
}

const API_VERSION = '2010-04-01';

const ERROR_MESSAGES: Record<number, string> = {
  20003: 'Authenticate',
  20404: 'The requested resource was not found',
  20429: 'Too Many Requests',
  20500: 'An internal server error has occurred',
  20503: 'Service unavailable',
  21211: "The 'To' number is not a valid phone number.",
  21602: 'Message body is required.',
  21603: "A 'From' phone number is required.",
  21604: "A 'To' phone number is required.",
  21610: 'Attempt to send to unsubscribed recipient',
};

// What Twilio puts in `code` when a status has no more specific one.
const DEFAULT_CODES: Record<number, number> = { 401: 20003, 404: 20404, 429: 20429, 500: 20500, 503: 20503 };

export function newSid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

export function errorBody(status: number, code?: number, message?: string): TwilioErrorBody {
  const resolvedCode = code ?? DEFAULT_CODES[status] ?? null;
  return {
    code: resolvedCode,
    message: message ?? (resolvedCode !== null ? ERROR_MESSAGES[resolvedCode] : undefined) ?? `HTTP ${status}`,
    more_info: `https://www.twilio.com/docs/errors/${resolvedCode ?? status}`,
    status,
  };
}

export function messagesUri(accountSid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/Messages.json`;
}

/** The Message resource JSON of TWILIO.md §4.3. */
export function messageJson(message: FakeTwilioMessage): Record<string, unknown> {
  const date = rfc2822(message.dateCreated);
  const uri = `/${API_VERSION}/Accounts/${message.accountSid}/Messages/${message.sid}`;
  return {
    account_sid: message.accountSid,
    api_version: API_VERSION,
    body: message.body,
    date_created: date,
    date_sent: date,
    date_updated: date,
    direction: 'outbound-api',
    error_code: message.errorCode,
    error_message: null,
    from: message.from,
    messaging_service_sid: null,
    num_media: String(message.mediaUrls.length),
    num_segments: String(message.numSegments),
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: message.status,
    subresource_uris: { media: `${uri}/Media.json` },
    to: message.to,
    uri: `${uri}.json`,
  };
}

/** Twilio's paging envelope; every key but `messages` is one the SDK's Page treats as meta. */
export function messagePageJson(messages: FakeTwilioMessage[], pageSize: number, uri: string): Record<string, unknown> {
  return {
    messages: messages.map(messageJson),
    end: Math.max(messages.length - 1, 0),
    first_page_uri: uri,
    next_page_uri: null,
    page: 0,
    page_size: pageSize,
    previous_page_uri: null,
    start: 0,
    uri,
  };
}

// Twilio writes RFC 2822 dates with "+0000", to the second; the SDK parses exactly that shape.
function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}
