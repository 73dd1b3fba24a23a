/**
 * The benchmark's HTTP client. It runs in a worker thread, so sending requests and timing them
 * does not take turns with the application on the main thread's event loop. It only sends what
 * the main thread hands it: the main thread builds and signs every webhook with the fake Twilio.
 * Node's own http module with a keep-alive agent; no other packages.
 */
import { Agent, request } from 'node:http';
import { parentPort } from 'node:worker_threads';
import type { LoadCommand, LoadReply, SignedWebhook, StormResult, TimedResult } from './load-protocol';

const port = parentPort!;
let buffer: SignedWebhook[] = [];
let refillWaiter: (() => void) | null = null;
let refillRequested = false;
let noMoreItems = false;

port.on('message', (command: LoadCommand) => {
  switch (command.type) {
    case 'run':
      void run(command).then((result) => reply({ type: 'done', result }), fail);
      break;
    case 'storms':
      void storms(command).then((result) => reply({ type: 'storms-done', result }), fail);
      break;
    case 'batch':
      buffer.push(...command.items);
      refillRequested = false;
      if (command.last) noMoreItems = true;
      refillWaiter?.();
      break;
  }
});

function reply(message: LoadReply): void {
  port.postMessage(message);
}

function fail(error: unknown): void {
  reply({ type: 'error', message: (error as Error)?.stack ?? String(error) });
}

interface Sent {
  status: number;
  body: string;
}

function send(agent: Agent, url: URL, item: SignedWebhook, method = 'POST'): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(item.body);
    const req = request(url, {
      method,
      agent,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': body.length,
        'x-twilio-signature': item.signature,
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * One keep-alive agent per app and concurrency, kept from one run to the next: the warm-up opens the
 * connections, so the measured run does not time connection setup. (While the app is saturated, the
 * first request on a connection opened mid-run can wait seconds before the app reads it; see
 * docs/benchmarks.md.)
 */
let current: { key: string; agent: Agent } | null = null;

function agentFor(url: string, concurrency: number): Agent {
  const key = `${new URL(url).origin} ${concurrency}`;
  if (current?.key === key) return current.agent;
  current?.agent.destroy();
  current = { key, agent: new Agent({ keepAlive: true, maxSockets: concurrency }) };
  return current.agent;
}

async function nextItem(refillAt: number): Promise<SignedWebhook | null> {
  for (;;) {
    if (buffer.length <= refillAt && !refillRequested && !noMoreItems) {
      refillRequested = true;
      reply({ type: 'need' });
    }
    const item = buffer.shift();
    if (item) return item;
    if (noMoreItems) return null;
    await new Promise<void>((resolve) => { refillWaiter = resolve; });
    refillWaiter = null;
  }
}

/**
 * `concurrency` loops, each sending one webhook at a time, until `seconds` have passed (or, without
 * `seconds`, until the main thread says there are no more). Requests in flight at the deadline finish
 * and count.
 */
async function run(command: Extract<LoadCommand, { type: 'run' }>): Promise<TimedResult> {
  buffer = [...command.items];
  refillRequested = false;
  noMoreItems = command.last;
  const url = new URL(command.url);
  const agent = agentFor(command.url, command.concurrency);
  const latencies: number[] = [];
  const sids: string[] = [];
  const statuses: number[] = [];
  const errors: string[] = [];
  const bodiesSeen = new Map<string, number>();
  const started = process.hrtime.bigint();
  const deadline = command.seconds === null ? null : started + BigInt(Math.round(command.seconds * 1e9));
  let finished = started;

  const loop = async () => {
    for (;;) {
      if (deadline !== null && process.hrtime.bigint() >= deadline) return;
      const item = await nextItem(command.refillAt);
      if (!item) return;
      const t0 = process.hrtime.bigint();
      try {
        const response = await send(agent, url, item);
        const t1 = process.hrtime.bigint();
        latencies.push(Number(t1 - t0) / 1e6);
        sids.push(item.sid);
        statuses.push(response.status);
        if (response.status !== 200) {
          const key = `${response.status} ${response.body.slice(0, 200)}`;
          bodiesSeen.set(key, (bodiesSeen.get(key) ?? 0) + 1);
        }
        if (t1 > finished) finished = t1;
      } catch (error) {
        sids.push(item.sid);
        statuses.push(0);
        errors.push((error as Error).message);
        const t1 = process.hrtime.bigint();
        if (t1 > finished) finished = t1;
      }
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, loop));
  return {
    elapsedMs: Number(finished - started) / 1e6,
    latenciesMs: latencies,
    sids,
    statuses,
    errors: errors.slice(0, 20),
    errorCount: errors.length,
    failures: [...bodiesSeen].map(([what, count]) => ({ what, count })),
    unusedSids: buffer.map((item) => item.sid),
  };
}

/** Each storm's webhooks are sent all at once, on separate connections; storms follow one another. */
async function storms(command: Extract<LoadCommand, { type: 'storms' }>): Promise<StormResult> {
  const url = new URL(command.url);
  const widest = Math.max(...command.storms.map((storm) => storm.length));
  const agent = new Agent({ keepAlive: true, maxSockets: widest });
  const result: StormResult = { stormMs: [], statuses: [], failures: [] };
  // Open the connections first, so the first storm does not also time connection setup.
  await Promise.all(Array.from({ length: widest }, () => send(agent, new URL('/health', url), { sid: '', body: '', signature: '' }, 'GET').catch(() => undefined)));
  for (const storm of command.storms) {
    const t0 = process.hrtime.bigint();
    const responses = await Promise.all(storm.map((item) => send(agent, url, item).catch((error: Error) => ({ status: 0, body: error.message }))));
    result.stormMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    result.statuses.push(responses.map((response) => response.status));
    for (const response of responses) {
      if (response.status !== 200) result.failures.push(`${response.status} ${response.body.slice(0, 200)}`);
    }
  }
  agent.destroy();
  return result;
}
