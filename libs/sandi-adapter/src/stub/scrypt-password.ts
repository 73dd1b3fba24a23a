import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Stub passwords are kept as `scrypt$<N>$<saltBase64>$<hashBase64>` (r = 8, p = 1; the key is as
 * long as the stored hash). `scripts/hash-password.js` writes the same format.
 */
export const SCRYPT_HASH_FORMAT = 'scrypt$<N>$<saltBase64>$<hashBase64>';

/** Bounds that keep a hand-edited fixture from being trivially weak or from exhausting memory. */
const MIN_COST = 2 ** 10;
const DEFAULT_COST = 2 ** 14;
const MAX_COST = 2 ** 17;
const MIN_SALT_BYTES = 8;
const MIN_HASH_BYTES = 16;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;

export interface ScryptHash {
  /** scrypt's N. */
  cost: number;
  salt: Buffer;
  hash: Buffer;
}

export type ScryptHashParseResult = { ok: true; value: ScryptHash } | { ok: false; problem: string };

export function parseScryptHash(text: string): ScryptHashParseResult {
  const parts = text.split('$');
  if (parts.length !== 4 || parts[0] !== 'scrypt') {
    return { ok: false, problem: `is not in the form ${SCRYPT_HASH_FORMAT}` };
  }
  const [, costText, saltText, hashText] = parts;
  const cost = /^\d+$/.test(costText) ? Number(costText) : NaN;
  if (!Number.isSafeInteger(cost) || cost < MIN_COST || cost > MAX_COST || (cost & (cost - 1)) !== 0) {
    return {
      ok: false,
      problem: `has cost N = "${costText}": it must be a power of two from ${MIN_COST} to ${MAX_COST}`,
    };
  }
  const salt = decodeBase64(saltText);
  if (!salt || salt.length < MIN_SALT_BYTES) {
    return { ok: false, problem: `has a salt that is not base64 of at least ${MIN_SALT_BYTES} bytes` };
  }
  const hash = decodeBase64(hashText);
  if (!hash || hash.length < MIN_HASH_BYTES) {
    return { ok: false, problem: `has a hash that is not base64 of at least ${MIN_HASH_BYTES} bytes` };
  }
  return { ok: true, value: { cost, salt, hash } };
}

/**
 * Hash a password in the stored format, for fixtures built in code (tests pass a low `cost` to
 * stay fast). Synchronous because it runs while fixtures are built, never per request.
 */
export function hashPassword(password: string, cost: number = DEFAULT_COST): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, { N: cost, r: BLOCK_SIZE, p: PARALLELISM, maxmem: maxmemFor(cost) });
  return `scrypt$${cost}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** True when `password` hashes to `stored`; compares in constant time. */
export async function verifyPassword(password: string, stored: ScryptHash): Promise<boolean> {
  const derived = await deriveKey(password, stored.salt, stored.cost, stored.hash.length);
  return timingSafeEqual(derived, stored.hash);
}

/**
 * A hash no password matches, with the same cost and length as the real ones: checking an
 * unknown username against it takes as long as checking a known one.
 */
export function createDummyHash(cost: number, hashBytes: number): ScryptHash {
  return { cost, salt: randomBytes(16), hash: randomBytes(hashBytes) };
}

function deriveKey(password: string, salt: Buffer, cost: number, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const maxmem = maxmemFor(cost);
    scrypt(password, salt, keyLength, { N: cost, r: BLOCK_SIZE, p: PARALLELISM, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** scrypt needs about 128 * N * r bytes; Node's default 32 MiB ceiling is too low past N = 2^14. */
function maxmemFor(cost: number): number {
  return 256 * cost * BLOCK_SIZE;
}

/** Node's base64 decoder skips bad characters silently; insist on the canonical spelling. */
function decodeBase64(text: string): Buffer | null {
  const buffer = Buffer.from(text, 'base64');
  return buffer.length > 0 && buffer.toString('base64') === text ? buffer : null;
}
