import { errorStatus } from '../providers/http-client';

/**
 * Ask once more after a failure (a blip heals), but not for answers that will not change (401,
 * 403, 404): with the 15-second request timeout, nobody waits more than half a minute to be told.
 */
export function retryOnce(failureCount: number, error: unknown): boolean {
  const status = errorStatus(error);
  return failureCount < 1 && status !== 401 && status !== 403 && status !== 404;
}
