/**
 * The contract between IVM and an SMS provider (Twilio in production, the simulator in the
 * embedded mode). A new provider is one folder implementing this interface and passing the
 * shared contract suite in `testing/`.
 */

/** Our own delivery states as far as the provider is concerned (DESIGN.md "SMS contracts"). */
export type ProviderDeliveryStatus = 'sent' | 'delivered' | 'undelivered' | 'failed' | 'canceled';

/** One text to send, built from an outbox row. */
export interface OutboundText {
  /** The outbox row's id: stable across retries, so a look-up can find an earlier attempt. */
  reference: string;
  /** The hospital number (E.164) the text leaves from: the number the client texted. */
  from: string;
  /** The client's phone (E.164). */
  to: string;
  body: string;
  mediaUrls?: string[];
  /** Where the provider reports delivery: PUBLIC_BASE_URL/webhooks/<provider>/status. */
  statusCallbackUrl: string;
}

/** What the provider said when it accepted a text. */
export interface SentText {
  providerMessageId: string;
  status: ProviderDeliveryStatus;
  /** Segments the provider counted, when it says. */
  segments?: number;
}

/** A webhook request as the HTTP layer received it. */
export interface WebhookRequest {
  /** The full public URL the provider called: PUBLIC_BASE_URL + path + query string. */
  url: string;
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>;
  /** Every form parameter that was sent, empty ones included (they are signed too). */
  params: Record<string, unknown>;
}

export interface InboundMedia {
  url: string;
  contentType: string | null;
}

/** An inbound text parsed from a webhook. Phone numbers are as the provider sent them. */
export interface InboundText {
  providerMessageId: string;
  from: string;
  to: string;
  /** May be empty when the text carries media only. */
  body: string;
  media: InboundMedia[];
}

/** A delivery receipt parsed from a status webhook. */
export interface StatusUpdate {
  providerMessageId: string;
  /** Null when the provider's status means nothing to us (e.g. `read`). */
  status: ProviderDeliveryStatus | null;
  /** The provider's error code, as a string, when it gave one (e.g. "30003", "21610"). */
  errorCode: string | null;
  errorMessage: string | null;
}

/**
 * How a failed send should be treated:
 * - `transient`: the provider did not take the text (5xx, 429, refused connection): retry later.
 * - `unknown`: the request may have reached the provider (a timeout after it left): look the
 *   text up with `findSent` before any retry, so it is never sent twice.
 * - `permanent`: the provider refused the text for good (e.g. 21211): fail it visibly.
 * - `opted_out`: the carrier blocks this (phone, sender) pair (Twilio 21610).
 */
export type ProviderFailureKind = 'transient' | 'unknown' | 'permanent' | 'opted_out';

export interface ProviderFailure {
  kind: ProviderFailureKind;
  /** The provider's code when it gave one ("21211", "20429"), else a short name ("ECONNREFUSED"). */
  code: string | null;
  /** A sentence a person can read. */
  message: string;
}

export interface MessagingProvider {
  /** The plugin name, also the webhook path segment: `/webhooks/<name>/sms`. */
  readonly name: string;

  /** Hand a text to the provider. Throws on failure; `classifyError` says what the error means. */
  send(text: OutboundText): Promise<SentText>;

  /**
   * Look for a text an earlier attempt may have sent (same from, to and body, created at or after
   * `since`). Used to reconcile an `unknown` failure. Null when the provider has no such text.
   * `alreadyRecorded` holds provider ids IVM has already matched to other texts (the same words sent
   * twice in a minute): those are never the one looked for.
   */
  findSent(text: OutboundText, since: Date, alreadyRecorded?: ReadonlySet<string>): Promise<SentText | null>;

  /** True when the webhook request carries a valid signature from this provider. */
  verifyWebhook(request: WebhookRequest): boolean;

  /** Parse an inbound-text webhook. Throws `InvalidWebhookPayloadError` naming the bad field. */
  parseInbound(params: Record<string, unknown>): InboundText;

  /** Parse a delivery-status webhook. Throws `InvalidWebhookPayloadError` naming the bad field. */
  parseStatus(params: Record<string, unknown>): StatusUpdate;

  /** Map an error thrown by `send` or `findSent` onto our failure kinds. */
  classifyError(error: unknown): ProviderFailure;
}
