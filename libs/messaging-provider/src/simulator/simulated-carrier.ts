import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { OutboundText, ProviderDeliveryStatus, ProviderFailureKind } from '../messaging-provider.interface';
import type { SimulatorPluginOptions } from '../messaging-provider.options';
import { carrierKeyword } from './carrier-keywords';
import { SignedFormPoster } from './signed-form.poster';
import { SimulatorSigner } from './simulator-signer';
import { simulatedSendError } from './simulator.errors';

const DEFAULT_RECEIPT_DELAY_MS = 300;
const INBOUND_PATH = '/webhooks/simulator/sms';

/** A text the simulated carrier took from IVM. */
export interface SimulatedText {
  providerMessageId: string;
  reference: string;
  from: string;
  to: string;
  body: string;
  mediaUrls: string[];
  statusCallbackUrl: string;
  sentAt: Date;
  status: ProviderDeliveryStatus;
}

/** A text a simulated phone sends to a hospital number. */
export interface PhoneText {
  from: string;
  to: string;
  body: string;
  mediaUrls?: string[];
}

export interface SimulatedCarrierOptions extends SimulatorPluginOptions {
  /** Where IVM takes webhooks: inbound texts go to `${publicBaseUrl}/webhooks/simulator/sms`. */
  publicBaseUrl: string;
  /** Where failed webhook deliveries are reported; Nest's Logger by default. */
  logger?: Pick<Logger, 'warn'>;
}

/**
 * An in-memory carrier with phones attached: it takes IVM's texts, reports their delivery to the
 * status callback, forwards what phones text, and enforces carrier opt-out blocks per
 * (phone, hospital number) the way a toll-free carrier does.
 */
export class SimulatedCarrier {
  readonly signer: SimulatorSigner;
  private readonly poster: SignedFormPoster;
  private readonly publicBaseUrl: string;
  private readonly receiptDelayMs: number;
  private readonly logger: Pick<Logger, 'warn'>;
  private readonly texts: SimulatedText[] = [];
  private readonly blockedPairs = new Set<string>();
  private readonly scriptedFailures: ProviderFailureKind[] = [];
  private readonly pendingReceipts = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(options: SimulatedCarrierOptions) {
    this.signer = new SimulatorSigner(options.signingSecret);
    this.poster = new SignedFormPoster(this.signer);
    this.publicBaseUrl = options.publicBaseUrl.replace(/\/+$/, '');
    this.receiptDelayMs = options.receiptDelayMs ?? DEFAULT_RECEIPT_DELAY_MS;
    this.logger = options.logger ?? new Logger(SimulatedCarrier.name);
  }

  /** Takes a text from IVM, or throws a `SimulatedSendError` as a real carrier would refuse it. */
  accept(text: OutboundText): SimulatedText {
    const failure = this.scriptedFailures.shift();
    if (failure && failure !== 'unknown') throw simulatedSendError(failure);
    if (this.blockedPairs.has(pairKey(text.to, text.from))) throw simulatedSendError('opted_out');
    const taken = this.record(text);
    this.scheduleReceipt(taken);
    // The carrier has the text; only the answer is lost, which is what reconciliation is for.
    if (failure === 'unknown') throw simulatedSendError('unknown');
    return copyText(taken);
  }

  /** The text an earlier attempt left with the carrier, if any. */
  findAccepted(text: OutboundText, since: Date): SimulatedText | null {
    const found = this.texts.find(
      (taken) =>
        taken.reference === text.reference &&
        taken.from === text.from &&
        taken.to === text.to &&
        taken.body === text.body &&
        taken.sentAt.getTime() >= since.getTime(),
    );
    return found ? copyText(found) : null;
  }

  sentTexts(): SimulatedText[] {
    return this.texts.map(copyText);
  }

  failNextSend(kind: ProviderFailureKind): void {
    this.scriptedFailures.push(kind);
  }

  /** A phone texts a hospital number: the carrier applies its keywords, then forwards it to IVM. */
  async textFromPhone(input: PhoneText): Promise<{ httpStatus: number; providerMessageId: string }> {
    const keyword = carrierKeyword(input.body);
    if (keyword === 'opt_out') this.blockedPairs.add(pairKey(input.from, input.to));
    if (keyword === 'opt_in') this.blockedPairs.delete(pairKey(input.from, input.to));
    const mediaUrls = input.mediaUrls ?? [];
    const providerMessageId = newMessageSid(mediaUrls.length > 0 ? 'MM' : 'SM');
    const params: Record<string, string> = {
      MessageSid: providerMessageId,
      SmsSid: providerMessageId,
      From: input.from,
      To: input.to,
      Body: input.body,
      NumMedia: String(mediaUrls.length),
      NumSegments: '1',
    };
    mediaUrls.forEach((url, index) => (params[`MediaUrl${index}`] = url));
    const httpStatus = await this.poster.post(`${this.publicBaseUrl}${INBOUND_PATH}`, params);
    return { httpStatus, providerMessageId };
  }

  /** Reports a delivery status now, replacing the automatic `delivered` receipt. */
  async reportStatus(providerMessageId: string, status: ProviderDeliveryStatus, errorCode?: string): Promise<number> {
    const text = this.texts.find((taken) => taken.providerMessageId === providerMessageId);
    if (!text) throw new Error(`The simulated carrier never took a text with id ${providerMessageId}.`);
    this.cancelReceipt(providerMessageId);
    text.status = status;
    return this.poster.post(text.statusCallbackUrl, receiptParams(text, errorCode));
  }

  /** Stops pending receipts and in-flight webhooks; the carrier takes nothing more afterwards. */
  close(): void {
    this.closed = true;
    for (const timer of this.pendingReceipts.values()) clearTimeout(timer);
    this.pendingReceipts.clear();
    this.poster.abortAll();
  }

  onModuleDestroy(): void {
    this.close();
  }

  private record(text: OutboundText): SimulatedText {
    const taken: SimulatedText = {
      providerMessageId: newMessageSid('SM'),
      reference: text.reference,
      from: text.from,
      to: text.to,
      body: text.body,
      mediaUrls: [...(text.mediaUrls ?? [])],
      statusCallbackUrl: text.statusCallbackUrl,
      sentAt: new Date(),
      status: 'sent',
    };
    this.texts.push(taken);
    return taken;
  }

  private scheduleReceipt(text: SimulatedText): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.pendingReceipts.delete(text.providerMessageId);
      text.status = 'delivered';
      this.poster.post(text.statusCallbackUrl, receiptParams(text)).catch((error: unknown) => {
        // A receipt IVM missed is IVM's problem to notice, as with a real carrier; never crash here.
        if (!this.closed) this.logger.warn(`Delivery receipt for ${text.providerMessageId} to ${text.statusCallbackUrl} failed: ${describe(error)}`);
      });
    }, this.receiptDelayMs);
    this.pendingReceipts.set(text.providerMessageId, timer);
  }

  private cancelReceipt(providerMessageId: string): void {
    clearTimeout(this.pendingReceipts.get(providerMessageId));
    this.pendingReceipts.delete(providerMessageId);
  }
}

function receiptParams(text: SimulatedText, errorCode?: string): Record<string, string> {
  const params: Record<string, string> = {
    MessageSid: text.providerMessageId,
    SmsSid: text.providerMessageId,
    MessageStatus: text.status,
    From: text.from,
    To: text.to,
  };
  if (errorCode) params.ErrorCode = errorCode;
  return params;
}

function pairKey(phone: string, hospitalNumber: string): string {
  return `${phone}|${hospitalNumber}`;
}

function newMessageSid(prefix: 'SM' | 'MM'): string {
  return prefix + randomBytes(16).toString('hex');
}

function copyText(text: SimulatedText): SimulatedText {
  return { ...text, mediaUrls: [...text.mediaUrls], sentAt: new Date(text.sentAt) };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch reports "fetch failed" and keeps the reason (ECONNREFUSED, …) in `cause`.
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
