import twilio from 'twilio';
import type { ProviderFailure } from '../messaging-provider.interface';

const OPTED_OUT = 21610;

// The connection never carried the request: Twilio cannot have taken the text.
const NOT_SENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// The request may have left before the connection failed: Twilio may have taken the text.
const MAYBE_SENT_NETWORK_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE']);

interface TwilioRestError {
  status: number;
  code?: number;
  message?: string;
}

/** What an error thrown by the twilio SDK means for the outbox (see `ProviderFailureKind`). */
export function classifyTwilioError(error: unknown): ProviderFailure {
  if (isTwilioRestError(error)) return classifyRestError(error);
  const networkCode = readNetworkCode(error);
  if (networkCode && NOT_SENT_NETWORK_CODES.has(networkCode)) {
    return {
      kind: 'transient',
      code: networkCode,
      message: `Could not reach Twilio (${networkCode}); the text was not sent and will be retried.`,
    };
  }
  const code = networkCode && MAYBE_SENT_NETWORK_CODES.has(networkCode) ? networkCode : lostAnswerCode(error);
  if (code) {
    return {
      kind: 'unknown',
      code,
      message: `The connection to Twilio failed after the request left (${code}); Twilio may have taken the text, so it is looked up before any retry.`,
    };
  }
  return {
    kind: 'unknown',
    code: networkCode,
    message: `Sending through Twilio failed in an unexpected way (${errorText(error)}); the text is looked up before any retry.`,
  };
}

function classifyRestError(error: TwilioRestError): ProviderFailure {
  const code = error.code !== undefined ? String(error.code) : `HTTP_${error.status}`;
  const twilioSays = error.message ? `: ${error.message}` : '';
  if (error.code === OPTED_OUT) {
    return {
      kind: 'opted_out',
      code,
      message: 'The client has opted out of texts from this number (Twilio 21610); they must text START to it before it can text them again.',
    };
  }
  if (error.status === 429 || error.status >= 500) {
    return { kind: 'transient', code, message: `Twilio is busy or failing (HTTP ${error.status}, ${code})${twilioSays}; the text will be retried.` };
  }
  if (error.status === 401 || error.status === 403) {
    // A wrong or rotated token is fixed by an operator; failing the text for good would lose it.
    return {
      kind: 'transient',
      code,
      message: `Twilio rejected IVM's credentials (HTTP ${error.status}, ${code}); check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN. The text stays queued and is retried.`,
    };
  }
  if (error.status >= 400) {
    return { kind: 'permanent', code, message: `Twilio refused the text (${code})${twilioSays}.` };
  }
  return { kind: 'unknown', code, message: `Twilio answered HTTP ${error.status}${twilioSays}; the text is looked up before any retry.` };
}

function isTwilioRestError(error: unknown): error is TwilioRestError {
  if (error instanceof twilio.RestException) return true;
  // TwilioServiceException (RFC 9457 bodies) and copies from another SDK instance carry the same numbers.
  return isObject(error) && typeof error.status === 'number' && typeof error.code === 'number';
}

function readNetworkCode(error: unknown): string | null {
  if (!isObject(error)) return null;
  if (typeof error.code === 'string') return error.code;
  // Node may wrap the socket error (e.g. an AggregateError from happy-eyeballs) in `cause`.
  const cause = error.cause;
  return isObject(cause) && typeof cause.code === 'string' ? cause.code : null;
}

// Errors without a code that still say the connection died after the request left.
function lostAnswerCode(error: unknown): string | null {
  const text = errorText(error).toLowerCase();
  if (text.includes('socket hang up')) return 'ECONNRESET';
  if (/timeout of \d+ms exceeded/.test(text) || text.includes('timed out')) return 'ETIMEDOUT';
  return null;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'no message';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
