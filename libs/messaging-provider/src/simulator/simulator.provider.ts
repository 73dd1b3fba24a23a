import type {
  InboundText,
  MessagingProvider,
  OutboundText,
  ProviderFailure,
  SentText,
  StatusUpdate,
  WebhookRequest,
} from '../messaging-provider.interface';
import { countSmsSegments } from '../sms-segments';
import { isAbsoluteHttpUrl, parseInboundParams, parseStatusParams, readSingleHeader } from '../webhook-params';
import type { SimulatedCarrier, SimulatedText } from './simulated-carrier';
import { SIMULATOR_SIGNATURE_HEADER } from './simulator-signer';
import { SimulatedSendError } from './simulator.errors';

/** Sends and receives through an in-memory carrier: the embedded mode, training and tests. */
export class SimulatorProvider implements MessagingProvider {
  readonly name = 'simulator';

  constructor(private readonly carrier: SimulatedCarrier) {}

  async send(text: OutboundText): Promise<SentText> {
    return toSentText(this.carrier.accept(text));
  }

  async findSent(text: OutboundText, since: Date): Promise<SentText | null> {
    const found = this.carrier.findAccepted(text, since);
    return found ? toSentText(found) : null;
  }

  verifyWebhook(request: WebhookRequest): boolean {
    const signature = readSingleHeader(request.headers, SIMULATOR_SIGNATURE_HEADER);
    // Like Twilio's check, only the full public URL counts: a relative one means a misbuilt request.
    return signature !== null && isAbsoluteHttpUrl(request.url) && this.carrier.signer.verify(signature, request.url, request.params);
  }

  parseInbound(params: Record<string, unknown>): InboundText {
    return parseInboundParams(params);
  }

  parseStatus(params: Record<string, unknown>): StatusUpdate {
    return parseStatusParams(params);
  }

  classifyError(error: unknown): ProviderFailure {
    if (error instanceof SimulatedSendError) {
      return { kind: error.kind, code: error.code, message: error.message };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'unknown', code: null, message: `The simulator failed in an unexpected way (${detail}); the text is looked up before any retry.` };
  }
}

function toSentText(text: SimulatedText): SentText {
  return { providerMessageId: text.providerMessageId, status: text.status, segments: countSmsSegments(text.body) };
}
