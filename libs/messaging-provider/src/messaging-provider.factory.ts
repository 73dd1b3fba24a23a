import type { MessagingProvider } from './messaging-provider.interface';
import type { MessagingProviderModuleOptions, TwilioPluginOptions } from './messaging-provider.options';
import { MESSAGING_PROVIDER_NAMES } from './messaging-provider.constants';
import { SimulatedCarrier } from './simulator/simulated-carrier';
import { SimulatorProvider } from './simulator/simulator.provider';
import { TwilioProvider } from './twilio/twilio.provider';

/** The simulator's carrier when the simulator is the provider; null otherwise. */
export function createSimulatedCarrier(options: MessagingProviderModuleOptions): SimulatedCarrier | null {
  assertKnownProvider(options);
  if (options.provider !== 'simulator') return null;
  assertAbsoluteUrl(options.publicBaseUrl);
  return new SimulatedCarrier({ ...options.simulator, publicBaseUrl: options.publicBaseUrl });
}

/** A new plugin for this configuration; nothing is shared between configurations. */
export function createMessagingProvider(
  options: MessagingProviderModuleOptions,
  carrier: SimulatedCarrier | null,
): MessagingProvider {
  assertKnownProvider(options);
  switch (options.provider) {
    case 'simulator':
      if (!carrier) throw new Error('MessagingProviderModule: the simulator provider needs its simulated carrier.');
      return new SimulatorProvider(carrier);
    case 'twilio':
      return new TwilioProvider(requireTwilioOptions(options.twilio));
  }
}

function assertKnownProvider(options: MessagingProviderModuleOptions): void {
  if (!MESSAGING_PROVIDER_NAMES.includes(options.provider)) {
    throw new Error(
      `MessagingProviderModule: unknown provider "${String(options.provider)}"; use one of ${MESSAGING_PROVIDER_NAMES.join(', ')}.`,
    );
  }
}

function requireTwilioOptions(twilio: TwilioPluginOptions | undefined): TwilioPluginOptions {
  if (!twilio?.accountSid || !twilio.authToken) {
    throw new Error('MessagingProviderModule: the twilio provider needs twilio.accountSid and twilio.authToken (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN).');
  }
  if (!/^AC[0-9a-fA-F]{32}$/.test(twilio.accountSid)) {
    throw new Error('MessagingProviderModule: twilio.accountSid must be AC followed by 32 hex characters (TWILIO_ACCOUNT_SID).');
  }
  if (twilio.apiBaseUrl) assertAbsoluteUrl(twilio.apiBaseUrl, 'twilio.apiBaseUrl (TWILIO_API_BASE_URL)');
  return twilio;
}

function assertAbsoluteUrl(value: string, name = 'publicBaseUrl (PUBLIC_BASE_URL)'): void {
  let protocol: string | null = null;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = null;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new Error(`MessagingProviderModule: ${name} must be an absolute http(s) URL, got "${value}".`);
  }
}
