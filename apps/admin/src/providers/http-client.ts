import { fetchUtils, HttpError } from 'react-admin';

// `json: any` is react-admin's own fetchJson contract (simple-rest is typed against it); callers cast it to the DTO.
export type HttpClient = (url: string, options?: fetchUtils.Options) => Promise<{ status: number; headers: Headers; body: string; json: any }>;

export interface HttpClientOptions {
  getToken: () => string | null;
  /** No request waits forever: past this, the call fails and says so. */
  timeoutMs?: number;
}

export const UNREACHABLE_MESSAGE = 'IVM could not be reached. Check the network connection, then try again.';

/**
 * fetch with the staff session's Bearer token, for simple-rest and the custom methods alike.
 * Errors are react-admin HttpErrors carrying the API's own `message` (written for people) and its
 * body (`code`, `field`); a network failure or a timeout becomes one with status 0.
 */
export function createHttpClient({ getToken, timeoutMs = 15000 }: HttpClientOptions): HttpClient {
  return async (url, options = {}) => {
    const headers = new Headers(options.headers);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    const token = getToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    // Our timeout, and react-query's cancellation (a list no longer on screen) when it gives one.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const callerSignal = options.signal;
    if (callerSignal?.aborted) controller.abort(callerSignal.reason);
    else callerSignal?.addEventListener('abort', () => controller.abort(callerSignal.reason), { once: true });
    try {
      return await fetchUtils.fetchJson(url, { ...options, headers, signal: controller.signal });
    } catch (error) {
      if (error instanceof HttpError) throw error;
      if (callerSignal?.aborted) throw error; // cancelled on purpose: nobody waits for an answer
      if (controller.signal.aborted) {
        throw new HttpError(`IVM did not answer within ${Math.round(timeoutMs / 1000)} seconds. Try again; if it keeps happening, tell IT.`, 0);
      }
      throw new HttpError(UNREACHABLE_MESSAGE, 0);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** What to show a person for a failed call: the API's message, or a plain fallback. */
export function errorMessage(error: unknown, fallback = 'Something went wrong. Try again.'): string {
  if (error && typeof error === 'object') {
    const body = (error as { body?: { message?: unknown } }).body;
    if (body && typeof body.message === 'string' && body.message) return body.message;
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message && !message.startsWith('ra.')) return message;
  }
  return fallback;
}

export function errorStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
