import type { ProviderDeliveryStatus, ProviderFailureKind } from '../messaging-provider.interface';
import type { PhoneText, SimulatedCarrier, SimulatedText } from './simulated-carrier';

/** The simulator's phones and carrier, for the embedded mode's UI, training and tests. */
export interface SimulatorControls {
  /** Text IVM as a client: POSTs a signed inbound webhook to `${publicBaseUrl}/webhooks/simulator/sms`. */
  textFromPhone(input: PhoneText): Promise<{ httpStatus: number; providerMessageId: string }>;
  /** Texts the simulated carrier took from IVM, oldest first. */
  sentTexts(): SimulatedText[];
  /**
   * Make the next send fail as the given kind (training and tests). 'unknown' records the text as
   * taken and then throws a timeout, so findSent finds it. Calls queue up, one per send.
   */
  failNextSend(kind: ProviderFailureKind): void;
  /** Send a delivery receipt now (e.g. 'undelivered' with '30003'); resolves with IVM's HTTP status. */
  reportStatus(providerMessageId: string, status: ProviderDeliveryStatus, errorCode?: string): Promise<number>;
}

/** The controls of one carrier, without its internals (accepting texts, shutting down). */
export function createSimulatorControls(carrier: SimulatedCarrier): SimulatorControls {
  return {
    textFromPhone: (input) => carrier.textFromPhone(input),
    sentTexts: () => carrier.sentTexts(),
    failNextSend: (kind) => carrier.failNextSend(kind),
    reportStatus: (providerMessageId, status, errorCode) => carrier.reportStatus(providerMessageId, status, errorCode),
  };
}
