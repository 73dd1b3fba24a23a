import { monitorEventLoopDelay } from 'node:perf_hooks';
import { countSmsSegments } from '@ivm/messaging-provider';
import { DEFAULT_SETTINGS } from '../apps/api/src/settings/settings.service';
import type { TestApp } from '../apps/api/test/support/test-app';
import type { LoadClient } from './load-client';
import type { SignedWebhook, TimedResult } from './load-protocol';
import {
  HOSPITAL_NUMBERS, type PhoneBook, checkStored, createsPerPhone, describeFailures, latencySummary,
  productionOutboxEnv, repliesPerPhone, signedWebhook, sleep, startApp, waitFor, webhookUrl,
} from './support';

export const PROMPT = DEFAULT_SETTINGS['texts.opt_in_prompt'];
export const WELCOME = DEFAULT_SETTINGS['texts.welcome'];

export interface BenchContext {
  load: LoadClient;
  phones: PhoneBook;
  /** Problems that make the run fail: lost or duplicated texts, non-200 answers, a broken rate. */
  failures: string[];
  notes: string[];
}

const BODIES = [
  'Hi, is Rosie ready to be picked up?',
  'Can I move Max\'s appointment to Thursday afternoon?',
  'Thank you! See you at 3.',
  'What time do you close today?',
  'Buddy is still limping a little after the surgery, is that normal?',
];

async function withApp<T>(env: Record<string, string>, work: (sut: TestApp) => Promise<T>): Promise<T> {
  const sut = await startApp(env);
  try {
    return await work(sut);
  } finally {
    await sut.close();
  }
}

// ---------------------------------------------------------------------------------------------
// a. Inbound webhook throughput

export interface InboundRow {
  concurrency: number;
  phones: number;
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number; p95: number; p99: number; max: number;
  non200: number;
  stored: number;
  promptsQueued: number;
  promptsReachedFake: number;
  signUsPerRequest: number;
  /** The longest a timer on the app's thread waited during the run (ms): one turn of a saturated loop serves a round of requests. */
  maxLoopBlockMs: number;
  /** CPU time of the whole process (app, fake Twilio, client thread, GC) per request (ms). */
  cpuMsPerRequest: number;
  problems: string[];
}

export async function inboundThroughput(
  context: BenchContext,
  options: { concurrency: number; seconds: number; warmupSeconds: number; phoneCount: number },
): Promise<InboundRow> {
  return withApp(productionOutboxEnv(), async (sut) => {
    const fake = sut.fakeTwilio!;
    const url = webhookUrl(sut);
    const phones = context.phones.take(options.phoneCount);
    const warmupPhones = context.phones.take(Math.min(50, options.phoneCount));
    let signNs = 0n;
    let signed = 0;
    const source = (list: string[]) => {
      let index = 0;
      return (): SignedWebhook => {
        const t0 = process.hrtime.bigint();
        const i = index++;
        const from = list[i % list.length];
        const to = HOSPITAL_NUMBERS[(i % list.length) % HOSPITAL_NUMBERS.length];
        const webhook = signedWebhook(fake, url, { from, to, body: `${BODIES[i % BODIES.length]} (#${i})` });
        signNs += process.hrtime.bigint() - t0;
        signed += 1;
        return webhook;
      };
    };

    const warmup = await context.load.run({ url, concurrency: options.concurrency, seconds: options.warmupSeconds, next: source(warmupPhones) });
    const promptsBefore = fake.created.length;
    signNs = 0n;
    signed = 0;
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const cpuBefore = process.cpuUsage();
    const measured = await context.load.run({ url, concurrency: options.concurrency, seconds: options.seconds, next: source(phones) });
    const cpu = process.cpuUsage(cpuBefore);
    loopDelay.disable();
    const reachedFake = fake.created.length - promptsBefore;

    const problems: string[] = [];
    const storage = await checkStored(sut, [warmup, measured]);
    problems.push(...storage.problems);
    if (measured.failures.length > 0 || measured.errorCount > 0) problems.push(`non-200 answers: ${describeFailures(measured)}`);
    if (warmup.failures.length > 0 || warmup.errorCount > 0) problems.push(`non-200 answers during the warm-up: ${describeFailures(warmup)}`);

    // Each phone that texted gets one opt-in prompt queued (repeat texts while pending get none).
    const prompts = await repliesPerPhone(sut, 'opt_in_prompt');
    const texted = new Set(phones.filter((_, i) => i < measured.sids.length));
    let promptsQueued = 0;
    const twice: string[] = [];
    for (const phone of phones) {
      const count = prompts.get(phone) ?? 0;
      promptsQueued += count;
      if (count > 1) twice.push(phone);
      if (texted.has(phone) && count === 0) problems.push(`${phone} texted but got no opt-in prompt queued`);
    }
    if (twice.length > 0) problems.push(`${twice.length} phones got more than one opt-in prompt queued`);

    const latency = latencySummary(measured.latenciesMs);
    return {
      concurrency: options.concurrency,
      phones: phones.length,
      requests: measured.sids.length,
      seconds: measured.elapsedMs / 1000,
      perSecond: measured.sids.length / (measured.elapsedMs / 1000),
      ...latency,
      non200: measured.statuses.filter((status) => status !== 200).length,
      stored: measured.sids.filter((sid) => storage.storedSids.has(sid)).length,
      promptsQueued,
      promptsReachedFake: reachedFake,
      signUsPerRequest: signed > 0 ? Number(signNs / BigInt(signed)) / 1000 : 0,
      maxLoopBlockMs: loopDelay.max / 1e6,
      cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / (measured.sids.length || 1),
      problems,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// b. Outbox drain

export interface DrainRow {
  rate: number;
  texts: number;
  segments: number;
  enqueuePerSecond: number;
  /** From starting the outbox worker to the fake Twilio taking the last text. */
  seconds: number;
  perSecond: number;
  segmentsPerSecond: number;
  /** From starting the worker until every outbox row is marked done in the database. */
  allMarkedSeconds: number;
  reconcileLookups: number;
  /** CPU time of the whole process per text sent (ms). */
  cpuMsPerText: number;
  problems: string[];
}

/** Stops the app's outbox loop (tests and the benchmark fill the outbox first, then time the drain). */
async function pauseOutbox(sut: TestApp): Promise<void> {
  await sut.outbox.onApplicationShutdown();
}

function resumeOutbox(sut: TestApp): void {
  sut.outbox.onApplicationBootstrap();
}

/** K first texts from K new phones while the outbox is paused: K opt-in prompts wait in the outbox. */
async function fillOutbox(context: BenchContext, sut: TestApp, count: number, problems: string[]) {
  const fake = sut.fakeTwilio!;
  const url = webhookUrl(sut);
  const phones = context.phones.take(count);
  let index = 0;
  const result = await context.load.run({
    url, concurrency: 32, seconds: null,
    next: () => {
      const i = index++;
      if (i >= phones.length) return null;
      return signedWebhook(fake, url, { from: phones[i], to: HOSPITAL_NUMBERS[i % HOSPITAL_NUMBERS.length], body: BODIES[i % BODIES.length] });
    },
  });
  const storage = await checkStored(sut, [result]);
  problems.push(...storage.problems.map((problem) => `filling the outbox: ${problem}`));
  const [{ n }] = await sut.query<{ n: number | string }>("SELECT COUNT(*) AS n FROM outbox_items WHERE state = 'pending'");
  if (Number(n) !== count) problems.push(`filling the outbox: ${count} first texts queued ${n} prompts, not ${count}`);
  return { phones, result, queued: Number(n) };
}

export async function outboxDrain(context: BenchContext, options: { texts: number; rate: number }): Promise<DrainRow> {
  return withApp({ ...productionOutboxEnv(), OUTBOX_SEGMENTS_PER_SECOND: String(options.rate) }, async (sut) => {
    const fake = sut.fakeTwilio!;
    const problems: string[] = [];
    await pauseOutbox(sut);
    const { phones, result: filled } = await fillOutbox(context, sut, options.texts, problems);
    const requestsBefore = fake.requests.length;

    const started = Date.now();
    const cpuBefore = process.cpuUsage();
    resumeOutbox(sut);
    const allTaken = await waitFor(() => fake.created.length >= options.texts, 60_000 + options.texts * 50);
    const lastTaken = Math.max(...fake.created.map((message) => message.dateCreated.getTime()));
    if (!allTaken) problems.push(`the outbox drain timed out: the fake took ${fake.created.length} of ${options.texts} texts`);
    const allMarked = await waitFor(async () => {
      const [{ n }] = await sut.query<{ n: number | string }>("SELECT COUNT(*) AS n FROM outbox_items WHERE state <> 'done'");
      return Number(n) === 0;
    }, 30_000, 20);
    const markedAt = Date.now();
    const cpu = process.cpuUsage(cpuBefore);
    if (!allMarked) problems.push('outbox rows were still not done 30 s after the last text was taken');
    await sleep(1000); // anything sent twice would show up now
    const perPhone = createsPerPhone(fake, PROMPT);
    const twice = phones.filter((phone) => (perPhone.get(phone) ?? 0) > 1);
    const never = phones.filter((phone) => (perPhone.get(phone) ?? 0) === 0);
    if (twice.length > 0) problems.push(`the outbox sent ${twice.length} prompts more than once`);
    if (never.length > 0) problems.push(`the outbox never sent ${never.length} prompts`);
    if (fake.created.length !== options.texts) problems.push(`the fake took ${fake.created.length} texts for ${options.texts} queued`);

    const seconds = (lastTaken - started) / 1000;
    const segments = fake.created.reduce((sum, message) => sum + message.numSegments, 0);
    return {
      rate: options.rate,
      texts: fake.created.length,
      segments,
      enqueuePerSecond: filled.sids.length / (filled.elapsedMs / 1000),
      seconds,
      perSecond: fake.created.length / seconds,
      segmentsPerSecond: segments / seconds,
      allMarkedSeconds: (markedAt - started) / 1000,
      reconcileLookups: fake.requests.slice(requestsBefore).filter((request) => request.method === 'GET').length,
      cpuMsPerText: (cpu.user + cpu.system) / 1000 / (fake.created.length || 1),
      problems,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// b. The per-number rate at the default limit

export interface RateRow {
  number: string;
  texts: number;
  segments: number;
  /** From the second text on (see below): segments before the last text, over the time from the second text to the last. */
  measuredRate: number;
  /** Smallest gap between two texts from the number, as a share of the gap the limit asks for. */
  tightestSpacing: number;
  /**
   * The most any text arrived ahead of the schedule the limit allows counting from any earlier text
   * (ms): a few tens of ms are the jitter of sending; a limit that does not hold makes it grow.
   */
  largestLeadMs: number;
}

export interface RateResult {
  limit: number;
  seconds: number;
  rows: RateRow[];
  problems: string[];
}

/** How far ahead of the limit's schedule a text may arrive before it counts as the limit failing. */
const MAX_LEAD_MS = 250;

export async function defaultRate(context: BenchContext, options: { seconds: number }): Promise<RateResult> {
  const env = productionOutboxEnv();
  const limit = Number(env.OUTBOX_SEGMENTS_PER_SECOND);
  return withApp(env, async (sut) => {
    const fake = sut.fakeTwilio!;
    const problems: string[] = [];
    const promptSegments = countSmsSegments(PROMPT);
    // Enough backlog on every number to keep it busy for the whole window, and some.
    const perNumber = Math.ceil((limit * options.seconds) / promptSegments) + 5;
    await pauseOutbox(sut);
    await fillOutbox(context, sut, perNumber * HOSPITAL_NUMBERS.length, problems);
    const started = Date.now();
    resumeOutbox(sut);
    await sleep(options.seconds * 1000);
    const taken = fake.created.filter((message) => message.dateCreated.getTime() <= started + options.seconds * 1000);

    const rows = HOSPITAL_NUMBERS.map((number): RateRow => {
      const all = taken.filter((message) => message.from === number)
        .sort((a, b) => a.dateCreated.getTime() - b.dateCreated.getTime());
      // A number's first text is measured from but not judged: it also opens the SDK's first
      // connection, arrives ~100 ms after its slot, and the next texts (on time) would look early.
      const sent = all.slice(1);
      let tightest = Infinity;
      for (let i = 1; i < sent.length; i += 1) {
        const gap = sent[i].dateCreated.getTime() - sent[i - 1].dateCreated.getTime();
        const required = (sent[i - 1].numSegments * 1000) / limit;
        tightest = Math.min(tightest, gap / required);
      }
      let lead = 0;
      for (let i = 0; i < sent.length; i += 1) {
        let segmentsBetween = 0;
        for (let j = i + 1; j < sent.length; j += 1) {
          segmentsBetween += sent[j - 1].numSegments;
          const earliest = sent[i].dateCreated.getTime() + (segmentsBetween * 1000) / limit;
          lead = Math.max(lead, earliest - sent[j].dateCreated.getTime());
        }
      }
      const span = sent.length > 1 ? (sent[sent.length - 1].dateCreated.getTime() - sent[0].dateCreated.getTime()) / 1000 : NaN;
      const afterFirst = sent.slice(0, -1).reduce((sum, message) => sum + message.numSegments, 0);
      return {
        number,
        texts: all.length,
        segments: all.reduce((sum, message) => sum + message.numSegments, 0),
        measuredRate: afterFirst / span,
        tightestSpacing: tightest,
        largestLeadMs: lead,
      };
    });
    for (const row of rows) {
      // A few milliseconds of jitter between the worker's timer and the fake's clock are expected.
      if (row.measuredRate > limit * 1.05) problems.push(`${row.number} sent ${row.measuredRate.toFixed(2)} segments/s, above the limit of ${limit}`);
      if (row.largestLeadMs > MAX_LEAD_MS) {
        problems.push(`${row.number} sent a text ${Math.round(row.largestLeadMs)} ms sooner than the limit allows (more than the ${MAX_LEAD_MS} ms allowed for jitter)`);
      }
      if (row.texts < 3) problems.push(`${row.number} sent ${row.texts} texts in ${options.seconds} s`);
    }
    return { limit, seconds: options.seconds, rows, problems };
  });
}

// ---------------------------------------------------------------------------------------------
// c. Duplicate storms, and d. racing texts from one phone

export interface StormRow {
  storms: number;
  copies: number;
  p50: number; p95: number; max: number; mean: number;
  non200: number;
  messagesPerStorm: string;
  repliesPerStorm: string;
  problems: string[];
}

export interface RaceRow {
  phones: number;
  firstTexts: number;
  yesTexts: number;
  p50: number; max: number;
  non200: number;
  stored: number;
  expectedStored: number;
  promptsPerPhone: string;
  welcomesPerPhone: string;
  consentRecordsPerPhone: string;
  problems: string[];
}

function spread(values: number[]): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? String(min) : `${min}–${max}`;
}

export async function duplicateStorms(
  context: BenchContext,
  options: { storms: number; copies: number; rate: number; racePhones: number },
): Promise<{ storm: StormRow; race: RaceRow }> {
  return withApp({ ...productionOutboxEnv(), OUTBOX_SEGMENTS_PER_SECOND: String(options.rate) }, async (sut) => {
    const fake = sut.fakeTwilio!;
    const url = webhookUrl(sut);

    // c. 20 copies of one signed webhook at once, 50 times over, each with its own MessageSid.
    const stormProblems: string[] = [];
    const stormPhones = context.phones.take(options.storms);
    const storms = stormPhones.map((from, i) => {
      const webhook = signedWebhook(fake, url, { from, to: HOSPITAL_NUMBERS[i % HOSPITAL_NUMBERS.length], body: BODIES[i % BODIES.length] });
      return Array.from({ length: options.copies }, () => webhook);
    });
    const stormResult = await context.load.storms(url, storms);
    const stormNon200 = stormResult.statuses.flat().filter((status) => status !== 200).length;
    if (stormNon200 > 0) stormProblems.push(`${stormNon200} duplicate webhooks were not answered 200: ${summarize(stormResult.failures)}`);
    const sids = storms.map((storm) => storm[0].sid);
    const stored = new Map((await sut.query<{ sid: string; n: number | string }>(
      `SELECT provider_message_id AS sid, COUNT(*) AS n FROM messages WHERE provider_message_id IN (${sids.map(() => '?').join(', ')}) GROUP BY provider_message_id`, sids,
    )).map((row) => [row.sid, Number(row.n)]));
    const messagesPerStorm = sids.map((sid) => stored.get(sid) ?? 0);
    await waitFor(() => createsPerPhone(fake, PROMPT).size >= stormPhones.length, 30_000, 20);
    await sleep(1000);
    const queued = await repliesPerPhone(sut, 'opt_in_prompt');
    const taken = createsPerPhone(fake, PROMPT);
    const repliesQueued = stormPhones.map((phone) => queued.get(phone) ?? 0);
    const repliesTaken = stormPhones.map((phone) => taken.get(phone) ?? 0);
    if (messagesPerStorm.some((n) => n !== 1)) stormProblems.push(`messages stored per storm: ${spread(messagesPerStorm)} (expected exactly 1)`);
    if (repliesQueued.some((n) => n !== 1)) stormProblems.push(`opt-in prompts queued per storm: ${spread(repliesQueued)} (expected exactly 1)`);
    if (repliesTaken.some((n) => n !== 1)) stormProblems.push(`opt-in prompts the fake Twilio took per storm: ${spread(repliesTaken)} (expected exactly 1)`);
    const stormLatency = latencySummary(stormResult.stormMs);

    // d. One new phone sends several different texts at once (its own MessageSids), then, while
    // its opt-in is pending, YES several times at once: one prompt and one welcome, whatever the race.
    const raceProblems: string[] = [];
    const racePhones = context.phones.take(options.racePhones);
    const firstTexts = 5;
    const yesTexts = 3;
    const firstRound = racePhones.map((from, p) => Array.from({ length: firstTexts }, (_, i) =>
      signedWebhook(fake, url, { from, to: HOSPITAL_NUMBERS[p % HOSPITAL_NUMBERS.length], body: BODIES[i % BODIES.length] })));
    const first = await context.load.storms(url, firstRound);
    await waitFor(() => racePhones.every((phone) => (createsPerPhone(fake, PROMPT).get(phone) ?? 0) >= 1), 30_000, 20);
    const yesRound = racePhones.map((from, p) => Array.from({ length: yesTexts }, (_, i) =>
      signedWebhook(fake, url, { from, to: HOSPITAL_NUMBERS[p % HOSPITAL_NUMBERS.length], body: ['YES', 'Yes', 'yes!'][i % 3] })));
    const yes = await context.load.storms(url, yesRound);
    await waitFor(() => racePhones.every((phone) => (createsPerPhone(fake, WELCOME).get(phone) ?? 0) >= 1), 30_000, 20);
    await sleep(1000);

    const raceNon200 = [...first.statuses.flat(), ...yes.statuses.flat()].filter((status) => status !== 200).length;
    if (raceNon200 > 0) raceProblems.push(`${raceNon200} racing webhooks were not answered 200: ${summarize([...first.failures, ...yes.failures])}`);
    const raceSids = [...firstRound.flat(), ...yesRound.flat()].map((webhook) => webhook.sid);
    const [{ n: storedRace }] = await sut.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM messages WHERE provider_message_id IN (${raceSids.map(() => '?').join(', ')})`, raceSids);
    if (Number(storedRace) !== raceSids.length) raceProblems.push(`${storedRace} of ${raceSids.length} racing texts were stored`);
    const prompts = await repliesPerPhone(sut, 'opt_in_prompt');
    const welcomes = await repliesPerPhone(sut, 'welcome');
    const promptsTaken = createsPerPhone(fake, PROMPT);
    const welcomesTaken = createsPerPhone(fake, WELCOME);
    const consentRows = await sut.query<{ phone: string; event: string; n: number | string }>(
      `SELECT c.phone AS phone, r.event AS event, COUNT(*) AS n FROM consent_records r JOIN contacts c ON c.id = r.contact_id
       WHERE c.phone IN (${racePhones.map(() => '?').join(', ')}) GROUP BY c.phone, r.event`, racePhones);
    const records = (event: string) => racePhones.map((phone) => Number(consentRows.find((row) => row.phone === phone && row.event === event)?.n ?? 0));
    const perPhone = (counts: Map<string, number>) => racePhones.map((phone) => counts.get(phone) ?? 0);
    const checks: Array<[string, number[]]> = [
      ['opt-in prompts queued per phone', perPhone(prompts)],
      ['opt-in prompts the fake Twilio took per phone', perPhone(promptsTaken)],
      ['welcomes queued per phone', perPhone(welcomes)],
      ['welcomes the fake Twilio took per phone', perPhone(welcomesTaken)],
      ['"prompted" consent records per phone', records('prompted')],
      ['"opted_in" consent records per phone', records('opted_in')],
    ];
    for (const [what, values] of checks) {
      if (values.some((n) => n !== 1)) {
        const over = values.filter((n) => n > 1).length;
        raceProblems.push(`${what}: ${spread(values)} (expected exactly 1; ${over} of ${values.length} phones had more)`);
      }
    }
    const raceLatency = latencySummary([...first.stormMs, ...yes.stormMs]);
    return {
      storm: {
        storms: options.storms, copies: options.copies, ...stormLatency, non200: stormNon200,
        messagesPerStorm: spread(messagesPerStorm), repliesPerStorm: `${spread(repliesQueued)} queued, ${spread(repliesTaken)} sent`,
        problems: stormProblems,
      },
      race: {
        phones: racePhones.length, firstTexts, yesTexts, p50: raceLatency.p50, max: raceLatency.max, non200: raceNon200,
        stored: Number(storedRace), expectedStored: raceSids.length,
        promptsPerPhone: `${spread(perPhone(prompts))} queued, ${spread(perPhone(promptsTaken))} sent`,
        welcomesPerPhone: `${spread(perPhone(welcomes))} queued, ${spread(perPhone(welcomesTaken))} sent`,
        consentRecordsPerPhone: `prompted ${spread(records('prompted'))}, opted_in ${spread(records('opted_in'))}`,
        problems: raceProblems,
      },
    };
  });
}

function summarize(failures: string[]): string {
  const counts = new Map<string, number>();
  for (const failure of failures) counts.set(failure, (counts.get(failure) ?? 0) + 1);
  return [...counts].map(([what, count]) => `${count}× ${what}`).join('; ');
}

export type { TimedResult };
