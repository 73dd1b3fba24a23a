import { SEEDED_QUEUES } from '../apps/api/src/database/migrations/seed-queues';
import { ConfigError, loadConfig } from '../apps/api/src/config/app-config';
import type { FakeTwilioServer } from '@ivm/messaging-provider/testing';
import { TestApp } from '../apps/api/test/support/test-app';
import type { SignedWebhook, TimedResult } from './load-protocol';

export const HOSPITAL_NUMBERS: string[] = SEEDED_QUEUES.map((queue) => queue.phoneNumber);

/** Distinct, valid US client phones: +1 <area> 555 <4 digits>, 100,000 of them. */
export class PhoneBook {
  private static readonly AREAS = ['217', '309', '312', '618', '630', '708', '773', '815', '847', '872'];
  private used = 0;

  next(): string {
    const n = this.used++;
    const area = PhoneBook.AREAS[Math.floor(n / 10_000)];
    if (!area) throw new Error('The benchmark ran out of phone numbers.');
    return `+1${area}555${String(n % 10_000).padStart(4, '0')}`;
  }

  take(count: number): string[] {
    return Array.from({ length: count }, () => this.next());
  }
}

/** The app's own defaults for what the benchmark could otherwise inherit from the test helper. */
export function productionOutboxEnv(): Record<string, string> {
  const defaults = loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    JWT_SECRET: 'only-to-read-the-defaults',
    MESSAGING_PROVIDER: 'twilio',
    TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 'only-to-read-the-defaults',
  });
  return {
    OUTBOX_SEGMENTS_PER_SECOND: String(defaults.outbox.segmentsPerSecond),
    OUTBOX_POLL_INTERVAL_MS: String(defaults.outbox.pollIntervalMs),
    OUTBOX_RETRY_BASE_DELAY_MS: String(defaults.outbox.retryBaseDelayMs),
    OUTBOX_RETRY_MAX_DELAY_MS: String(defaults.outbox.retryMaxDelayMs),
    OUTBOX_MAX_ATTEMPTS: String(defaults.outbox.maxAttempts),
    OUTBOX_CLAIM_LEASE_MS: String(defaults.outbox.claimLeaseMs),
    TWILIO_REQUEST_TIMEOUT_MS: String(defaults.twilio!.requestTimeoutMs),
  };
}

/** The highest OUTBOX_SEGMENTS_PER_SECOND the configuration accepts, trying `wanted` first. */
export function highestAcceptedRate(wanted: number): { rate: number; note: string | null } {
  const base = { DATABASE_URL: 'sqlite::memory:', JWT_SECRET: 'x' };
  try {
    loadConfig({ ...base, OUTBOX_SEGMENTS_PER_SECOND: String(wanted) });
    return { rate: wanted, note: null };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const candidate of [10_000, 1000, 100]) {
      try {
        loadConfig({ ...base, OUTBOX_SEGMENTS_PER_SECOND: String(candidate) });
        return { rate: candidate, note: `OUTBOX_SEGMENTS_PER_SECOND=${wanted} is refused by the configuration (${error.problems.join(' ')}); ${candidate} was used.` };
      } catch { /* try lower */ }
    }
    throw error;
  }
}

export async function startApp(env: Record<string, string>): Promise<TestApp> {
  return TestApp.start({ provider: 'twilio', env });
}

export function webhookUrl(sut: TestApp): string {
  return `${sut.url}/webhooks/twilio/sms`;
}

/** A Twilio inbound webhook exactly as the fake Twilio builds and signs it. */
export function signedWebhook(fake: FakeTwilioServer, url: string, input: { from: string; to: string; body: string; messageSid?: string }): SignedWebhook {
  const params = fake.inboundParams(input);
  return { sid: params.MessageSid, body: new URLSearchParams(params).toString(), signature: fake.signInbound(url, params) };
}

/** Nearest-rank percentile of unsorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function latencySummary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || 1);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN, mean };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every few milliseconds until it is true; false at the deadline. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 5): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
}

export interface StorageCheck {
  sent: number;
  ok: number;
  notOk: number;
  /** Answered 200 but not stored. */
  lost: string[];
  /** Stored more than once (impossible with the unique index, checked anyway). */
  duplicated: string[];
  /** Not answered 200, yet stored. */
  storedDespiteError: number;
  /** Every inbound MessageSid in the messages table. */
  storedSids: Set<string>;
  problems: string[];
}

/**
 * Every webhook answered 200 must be stored exactly once; nothing may be stored that was not sent.
 * `expectedExtra`: sids sent outside `results` (a warm-up) that may also be in the table.
 */
export async function checkStored(sut: TestApp, results: TimedResult[], expectedExtra: Set<string> = new Set()): Promise<StorageCheck> {
  const rows = await sut.query<{ sid: string; n: number | string }>(
    "SELECT provider_message_id AS sid, COUNT(*) AS n FROM messages WHERE direction = 'inbound' GROUP BY provider_message_id");
  const stored = new Map(rows.map((row) => [row.sid, Number(row.n)]));
  const check: StorageCheck = { sent: 0, ok: 0, notOk: 0, lost: [], duplicated: [], storedDespiteError: 0, storedSids: new Set(stored.keys()), problems: [] };
  const sent = new Set<string>();
  for (const result of results) {
    result.sids.forEach((sid, index) => {
      check.sent += 1;
      sent.add(sid);
      const status = result.statuses[index];
      const copies = stored.get(sid) ?? 0;
      if (status === 200) {
        check.ok += 1;
        if (copies === 0) check.lost.push(sid);
      } else {
        check.notOk += 1;
        if (copies > 0) check.storedDespiteError += 1;
      }
      if (copies > 1) check.duplicated.push(sid);
    });
  }
  const unexpected = [...stored.keys()].filter((sid) => !sent.has(sid) && !expectedExtra.has(sid));
  if (check.notOk > 0) {
    check.problems.push(`${check.notOk} of ${check.sent} webhooks were not answered 200 (${check.storedDespiteError} of those were stored anyway)`);
  }
  if (check.lost.length > 0) check.problems.push(`${check.lost.length} texts answered 200 were not stored (e.g. ${check.lost.slice(0, 3).join(', ')})`);
  if (check.duplicated.length > 0) check.problems.push(`${check.duplicated.length} texts were stored more than once`);
  if (unexpected.length > 0) check.problems.push(`${unexpected.length} stored inbound texts were never sent by the benchmark`);
  return check;
}

/** How many automatic replies of a kind each phone got in the database. */
export async function repliesPerPhone(sut: TestApp, kind: string): Promise<Map<string, number>> {
  const rows = await sut.query<{ phone: string; n: number | string }>(
    'SELECT to_number AS phone, COUNT(*) AS n FROM messages WHERE kind = ? GROUP BY to_number', [kind]);
  return new Map(rows.map((row) => [row.phone, Number(row.n)]));
}

/** How many texts with this body the fake Twilio took for each phone. */
export function createsPerPhone(fake: FakeTwilioServer, body: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of fake.created) if (message.body === body) counts.set(message.to, (counts.get(message.to) ?? 0) + 1);
  return counts;
}

export function describeFailures(result: TimedResult): string {
  const parts = result.failures.map((failure) => `${failure.count}× ${failure.what}`);
  if (result.errorCount > 0) parts.push(`${result.errorCount}× no response (${result.errors[0]})`);
  return parts.join('; ');
}
