import type { MessagingProviderName } from './messaging-provider.constants';

export interface TwilioPluginOptions {
  accountSid: string;
  authToken: string;
  /** Where the SDK sends REST calls instead of https://*.twilio.com (a loopback fake in tests). */
  apiBaseUrl?: string;
  /** How long one REST call may take before it counts as a timeout. Default 15000 ms. */
  requestTimeoutMs?: number;
}

export interface SimulatorPluginOptions {
  /** Signs the simulator's webhooks; a random one per process when absent. */
  signingSecret?: string;
  /** How long after "sending" the simulated carrier reports delivery. Default 300 ms. */
  receiptDelayMs?: number;
}

export interface MessagingProviderModuleOptions {
  provider: MessagingProviderName;
  /** The URL the provider reaches IVM at: webhooks are signed over it. */
  publicBaseUrl: string;
  twilio?: TwilioPluginOptions;
  simulator?: SimulatorPluginOptions;
}
