/** DI token for the active `MessagingProvider`. */
export const MESSAGING_PROVIDER = Symbol('MESSAGING_PROVIDER');

/** DI token for the simulator's controls (its phone and carrier); null when another provider runs. */
export const SIMULATOR_CONTROLS = Symbol('SIMULATOR_CONTROLS');

export const MESSAGING_PROVIDER_NAMES = ['simulator', 'twilio'] as const;
export type MessagingProviderName = (typeof MESSAGING_PROVIDER_NAMES)[number];
