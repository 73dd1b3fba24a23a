import type { ProviderFailureKind } from '../messaging-provider.interface';

/** A send the simulated carrier refused or lost; it knows what kind of failure it is. */
export class SimulatedSendError extends Error {
  constructor(
    readonly kind: ProviderFailureKind,
    /** A Twilio-like code ("21610", "20429") or network name ("ETIMEDOUT"), for realistic training. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimulatedSendError';
  }
}

const FAILURES: Record<ProviderFailureKind, { code: string; message: string }> = {
  transient: {
    code: '20429',
    message: 'The simulated carrier is busy (20429): it did not take the text; retry later.',
  },
  unknown: {
    code: 'ETIMEDOUT',
    message: 'The simulated carrier took the text but did not answer in time (ETIMEDOUT).',
  },
  permanent: {
    code: '21211',
    message: "The simulated carrier refused the text (21211): the 'To' number is not a valid phone number.",
  },
  opted_out: {
    code: '21610',
    message: 'The client texted STOP to this number (21610): they must text START to it before it can text them again.',
  },
};

export function simulatedSendError(kind: ProviderFailureKind): SimulatedSendError {
  const { code, message } = FAILURES[kind];
  return new SimulatedSendError(kind, code, message);
}
