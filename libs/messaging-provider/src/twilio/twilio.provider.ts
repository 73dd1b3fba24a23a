import twilio from 'twilio';
import type { MessageInstance } from 'twilio/lib/rest/api/v2010/account/message';
import type {
  InboundText,
  MessagingProvider,
  OutboundText,
  ProviderFailure,
  SentText,
  StatusUpdate,
  WebhookRequest,
} from '../messaging-provider.interface';
import type { TwilioPluginOptions } from '../messaging-provider.options';
import { toDeliveryStatus } from '../message-status';
import { isAbsoluteHttpUrl, parseInboundParams, parseStatusParams, readSingleHeader } from '../webhook-params';
import { LocalRequestClient } from './local-request-client';
import { classifyTwilioError } from './twilio-error.classifier';

const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
// Twilio stamps dateCreated with its own clock, to the second: allow for both.
const CLOCK_SKEW_MS = 60_000;
// Reconciliation looks at the pair's recent history only; an older twin is not this attempt.
const FIND_SENT_LIMIT = 50;
const SIGNATURE_HEADER = 'x-twilio-signature';

/** Sends and receives through Twilio Programmable Messaging with the official SDK. */
export class TwilioProvider implements MessagingProvider {
  readonly name = 'twilio';
  private readonly client: twilio.Twilio;

  constructor(private readonly options: TwilioPluginOptions) {
    this.client = twilio(options.accountSid, options.authToken, {
      httpClient: createRequestClient(options),
      // Retries belong to the outbox, which knows whether a text may already have left.
      autoRetry: false,
    });
  }

  async send(text: OutboundText): Promise<SentText> {
    const message = await this.client.messages.create({
      to: text.to,
      from: text.from,
      body: text.body,
      mediaUrl: text.mediaUrls?.length ? text.mediaUrls : undefined,
      statusCallback: text.statusCallbackUrl,
    });
    return toSentText(message);
  }

  async findSent(text: OutboundText, since: Date, alreadyRecorded: ReadonlySet<string> = new Set()): Promise<SentText | null> {
    const messages = await this.client.messages.list({ to: text.to, from: text.from, limit: FIND_SENT_LIMIT });
    const earliest = since.getTime() - CLOCK_SKEW_MS;
    const match = messages.find(
      (message) =>
        message.body === text.body &&
        !alreadyRecorded.has(message.sid) &&
        message.dateCreated instanceof Date &&
        message.dateCreated.getTime() >= earliest,
    );
    return match ? toSentText(match) : null;
  }

  verifyWebhook(request: WebhookRequest): boolean {
    const signature = readSingleHeader(request.headers, SIGNATURE_HEADER);
    // validateRequest matches a relative URL signed as such, and throws on some others: neither is
    // the public URL Twilio signs, so refuse them here.
    if (!signature || !isAbsoluteHttpUrl(request.url)) return false;
    try {
      return twilio.validateRequest(this.options.authToken, signature, request.url, request.params);
    } catch {
      return false;
    }
  }

  parseInbound(params: Record<string, unknown>): InboundText {
    return parseInboundParams(params);
  }

  parseStatus(params: Record<string, unknown>): StatusUpdate {
    return parseStatusParams(params);
  }

  classifyError(error: unknown): ProviderFailure {
    return classifyTwilioError(error);
  }
}

function createRequestClient(options: TwilioPluginOptions): InstanceType<typeof twilio.RequestClient> {
  const timeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return options.apiBaseUrl
    ? new LocalRequestClient(options.apiBaseUrl, { timeout })
    : new twilio.RequestClient({ timeout });
}

function toSentText(message: MessageInstance): SentText {
  return {
    providerMessageId: message.sid,
    // Whatever Twilio calls its pre-delivery states (queued, accepted, …) is `sent` to us.
    status: toDeliveryStatus(message.status) ?? 'sent',
    segments: Number(message.numSegments) || undefined,
  };
}
