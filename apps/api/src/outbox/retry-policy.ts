import type { ProviderFailure } from '@ivm/messaging-provider';

export interface RetrySettings {
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxAttempts: number;
}

/**
 * What the outbox does after a failed attempt:
 * - `retry`: try again after `delayMs` (transient failures, with exponential backoff and jitter);
 * - `reconcile`: look the text up at the provider before any retry (the request may have left);
 * - `fail`: final, with the provider's code (permanent failures, carrier blocks, too many attempts).
 */
export type RetryDecision =
  | { action: 'retry'; delayMs: number }
  | { action: 'reconcile'; delayMs: number }
  | { action: 'fail'; code: string | null; carrierBlocked: boolean };

export function decideRetry(
  failure: ProviderFailure,
  attempts: number,
  settings: RetrySettings,
  random: () => number = Math.random,
): RetryDecision {
  switch (failure.kind) {
    case 'permanent':
      return { action: 'fail', code: failure.code, carrierBlocked: false };
    case 'opted_out':
      return { action: 'fail', code: failure.code ?? '21610', carrierBlocked: true };
    case 'transient':
    case 'unknown':
      if (attempts >= settings.maxAttempts) return { action: 'fail', code: 'retries_exhausted', carrierBlocked: false };
      return { action: failure.kind === 'transient' ? 'retry' : 'reconcile', delayMs: backoffDelay(attempts, settings, random) };
  }
}

/** "Full jitter" backoff: a random delay up to base × 2^(attempt-1), capped, never below a tenth of base. */
export function backoffDelay(attempts: number, settings: RetrySettings, random: () => number = Math.random): number {
  const ceiling = Math.min(settings.retryMaxDelayMs, settings.retryBaseDelayMs * 2 ** Math.max(0, attempts - 1));
  const floor = Math.min(ceiling, Math.ceil(settings.retryBaseDelayMs / 10));
  return Math.round(floor + random() * (ceiling - floor));
}
