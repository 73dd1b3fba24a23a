import type { ProviderFailure, ProviderFailureKind } from '@ivm/messaging-provider';
import { backoffDelay, decideRetry } from './retry-policy';

const settings = { retryBaseDelayMs: 1000, retryMaxDelayMs: 60_000, maxAttempts: 5 };
const failure = (kind: ProviderFailureKind, code: string | null = null): ProviderFailure => ({ kind, code, message: 'x' });

describe(decideRetry.name, () => {
  it('should retry a transient failure with backoff when attempts remain', () => {
    expect(decideRetry(failure('transient', '20429'), 1, settings, () => 1)).toEqual({ action: 'retry', delayMs: 1000 });
    expect(decideRetry(failure('transient'), 3, settings, () => 1)).toEqual({ action: 'retry', delayMs: 4000 });
  });

  it('should reconcile before retrying when the request may have reached the provider', () => {
    expect(decideRetry(failure('unknown', 'ETIMEDOUT'), 2, settings, () => 1)).toEqual({ action: 'reconcile', delayMs: 2000 });
  });

  it('should fail a permanent failure at once with its code', () => {
    expect(decideRetry(failure('permanent', '21211'), 1, settings)).toEqual({ action: 'fail', code: '21211', carrierBlocked: false });
  });

  it('should fail and mark the carrier block when the carrier refuses the pair', () => {
    expect(decideRetry(failure('opted_out', '21610'), 1, settings)).toEqual({ action: 'fail', code: '21610', carrierBlocked: true });
  });

  it('should give up when the last attempt failed transiently', () => {
    expect(decideRetry(failure('transient', '500'), 5, settings)).toEqual({ action: 'fail', code: 'retries_exhausted', carrierBlocked: false });
    expect(decideRetry(failure('unknown'), 5, settings)).toEqual({ action: 'fail', code: 'retries_exhausted', carrierBlocked: false });
  });
});

describe(backoffDelay.name, () => {
  it('should double the ceiling each attempt up to the maximum', () => {
    expect([1, 2, 3, 4, 10].map((attempt) => backoffDelay(attempt, settings, () => 1))).toEqual([1000, 2000, 4000, 8000, 60_000]);
  });

  it('should spread delays between a floor and the ceiling', () => {
    expect(backoffDelay(3, settings, () => 0)).toBe(100);
    expect(backoffDelay(3, settings, () => 0.5)).toBe(2050);
  });
});
