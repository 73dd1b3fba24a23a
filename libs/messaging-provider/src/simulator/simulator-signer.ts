import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header the simulator signs its webhooks in, lower-cased as the HTTP layer hands it over. */
export const SIMULATOR_SIGNATURE_HEADER = 'x-simulator-signature';

/**
 * Signs and checks the simulator's webhooks like Twilio does (the full URL, then each parameter
 * name and value in sorted name order) but with HMAC-SHA256, so a simulator signature can never
 * pass for a Twilio one or the other way round.
 */
export class SimulatorSigner {
  private readonly secret: Buffer;

  /** Without a secret, a random one: only this process's simulator can sign. */
  constructor(secret?: string) {
    this.secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  sign(url: string, params: Record<string, unknown>): string {
    return createHmac('sha256', this.secret).update(signedString(url, params), 'utf8').digest('base64');
  }

  verify(signature: string, url: string, params: Record<string, unknown>): boolean {
    const expected = Buffer.from(this.sign(url, params), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    // timingSafeEqual needs equal lengths; a length mismatch reveals nothing about the secret.
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

function signedString(url: string, params: Record<string, unknown>): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    // A repeated form field arrives as an array: sign each value, in a fixed order.
    const values = Array.isArray(value) ? [...new Set(value.map(String))].sort() : [String(value)];
    for (const item of values) data += name + item;
  }
  return data;
}
