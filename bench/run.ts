/**
 * IVM's benchmark: the real application with the Twilio provider against the fake Twilio, on
 * SQLite (default) or on MySQL/MariaDB (DATABASE_URL=mysql://…). See docs/benchmarks.md.
 *
 *   npm run bench                      print the results as Markdown
 *   npm run bench -- --write           also put them into docs/benchmarks.md
 *
 * Environment: BENCH_SECONDS (per concurrency level, default 5), BENCH_CONCURRENCY (default 1,8,32),
 * BENCH_PHONES (client phones per level, 100), BENCH_DRAIN_TEXTS (2000), BENCH_RATE_SECONDS (10),
 * BENCH_STORMS (50), BENCH_STORM_COPIES (20), BENCH_ONLY (inbound,drain,rate,storm), DATABASE_URL, and
 * BENCH_COMMIT (the commit to record when the tree is not a git checkout, e.g. a `git archive` export).
 * Exits with 1, after printing what it measured, when a text was lost or duplicated, a webhook was
 * not answered 200, or the rate limit did not hold.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { createTestDatabase } from '../apps/api/test/support/test-database';
import { LoadClient } from './load-client';
import { CpuWatch, describeMachine, renderReport, writeReport, type Report } from './report';
import {
  type BenchContext, defaultRate, duplicateStorms, inboundThroughput, outboxDrain,
} from './scenarios';
import { PhoneBook, highestAcceptedRate, productionOutboxEnv } from './support';

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${raw} is not a positive number.`);
  return value;
}

function listFromEnv(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value <= 0)) throw new Error(`${name}=${raw} is not a list of whole numbers such as 1,8,32.`);
  return values;
}

async function databaseDescription(): Promise<{ name: string; key: string }> {
  // A throwaway database of the same kind, only to ask the server for its version.
  const database = await createTestDatabase();
  try {
    if (database.driver === 'sqlite') {
      // better-sqlite3 ships no types; this is all the benchmark needs of it.
      const Sqlite = require('better-sqlite3') as new (path: string) => { prepare(sql: string): { get(): { v: string } }; close(): void };
      const db = new Sqlite(database.url.slice('sqlite:'.length));
      const version = db.prepare('SELECT sqlite_version() AS v').get().v;
      db.close();
      return { name: `SQLite ${version} (better-sqlite3, WAL, a file on the local disk)`, key: 'sqlite' };
    }
    const mysql = await import('mysql2/promise');
    const connection = await mysql.createConnection({ uri: database.url.replace(/^mariadb:/, 'mysql:') });
    try {
      const [rows] = await connection.query('SELECT VERSION() AS v');
      const version = String((rows as Array<{ v: string }>)[0].v);
      const host = new URL(database.url).host;
      const local = /^(127\.0\.0\.1|localhost|\[::1\])(:|$)/.test(host) ? 'on the same machine' : 'over the network';
      return { name: `${/mariadb/i.test(version) ? 'MariaDB' : 'MySQL'} ${version} (${local}, over TCP)`, key: /mariadb/i.test(version) ? 'mariadb' : 'mysql' };
    } finally {
      await connection.end();
    }
  } finally {
    await database.drop();
  }
}

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const seconds = numberFromEnv('BENCH_SECONDS', 5);
  const concurrencies = listFromEnv('BENCH_CONCURRENCY', [1, 8, 32]);
  const phoneCount = numberFromEnv('BENCH_PHONES', 100);
  const drainTexts = numberFromEnv('BENCH_DRAIN_TEXTS', 2000);
  const rateSeconds = numberFromEnv('BENCH_RATE_SECONDS', 10);
  const stormCount = numberFromEnv('BENCH_STORMS', 50);
  const stormCopies = numberFromEnv('BENCH_STORM_COPIES', 20);
  const only = new Set((process.env.BENCH_ONLY ?? 'inbound,drain,rate,storm').split(',').map((part) => part.trim()));

  const machine = describeMachine();
  const database = await databaseDescription();
  const defaults = productionOutboxEnv();
  const fast = highestAcceptedRate(100_000);
  const context: BenchContext = { load: LoadClient.start(), phones: new PhoneBook(), failures: [], notes: [] };
  if (fast.note) context.notes.push(fast.note);
  const report: Report = {
    machine,
    database: database.name,
    databaseKey: database.key,
    settings: [
      `Settings: ${seconds} s per concurrency level after a 1 s warm-up, ${phoneCount} client phones per level, ` +
        `${drainTexts} texts for the drain, ${rateSeconds} s for the rate limit, ${stormCount} storms of ${stormCopies}`,
      `Outbox: the app's defaults (${defaults.OUTBOX_SEGMENTS_PER_SECOND} segments/s per number, polling every ${defaults.OUTBOX_POLL_INTERVAL_MS} ms) ` +
        `except the drain and the storms, which run at ${fast.rate} segments/s per number`,
    ],
    inbound: [],
    drain: null,
    rate: null,
    storm: null,
    race: null,
    cpu: null,
    failures: context.failures,
    notes: context.notes,
  };
  const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
  progress(`${database.name}; ${machine.cores}`);

  const cpuWatch = new CpuWatch();
  try {
    if (only.has('inbound')) {
      for (const concurrency of concurrencies) {
        progress(`inbound webhooks at concurrency ${concurrency} for ${seconds} s…`);
        const row = await inboundThroughput(context, { concurrency, seconds, warmupSeconds: 1, phoneCount });
        report.inbound.push(row);
        context.failures.push(...row.problems.map((problem) => `inbound, concurrency ${concurrency}: ${problem}`));
        progress(`  ${Math.round(row.perSecond)} requests/s, p99 ${row.p99.toFixed(1)} ms, ${row.non200} non-200`);
        if (row.signUsPerRequest > 0) {
          context.notes.push(`concurrency ${concurrency}: building and signing each webhook took ${row.signUsPerRequest.toFixed(0)} µs on the app's thread (the client's HTTP work runs in a worker thread).`);
        }
      }
    }
    if (only.has('drain')) {
      progress(`outbox drain of ${drainTexts} texts…`);
      report.drain = await outboxDrain(context, { texts: drainTexts, rate: fast.rate });
      context.failures.push(...report.drain.problems.map((problem) => `outbox drain: ${problem}`));
      context.notes.push(`filling the outbox for the drain: ${Math.round(report.drain.enqueuePerSecond)} first texts/s at concurrency 32 (each first text stores the contact, the conversation, a consent record and the prompt).`);
      progress(`  ${Math.round(report.drain.perSecond)} texts/s`);
    }
    if (only.has('rate')) {
      progress(`default rate limit for ${rateSeconds} s…`);
      report.rate = await defaultRate(context, { seconds: rateSeconds });
      context.failures.push(...report.rate.problems.map((problem) => `rate limit: ${problem}`));
      progress(`  ${report.rate.rows.map((row) => row.measuredRate.toFixed(2)).join(', ')} segments/s`);
    }
    if (only.has('storm')) {
      progress(`${stormCount} duplicate storms of ${stormCopies}, and racing texts…`);
      const { storm, race } = await duplicateStorms(context, { storms: stormCount, copies: stormCopies, rate: fast.rate, racePhones: 20 });
      report.storm = storm;
      report.race = race;
      context.failures.push(...storm.problems.map((problem) => `duplicate storm: ${problem}`));
      context.failures.push(...race.problems.map((problem) => `racing texts: ${problem}`));
      progress(`  storm p50 ${storm.p50.toFixed(1)} ms`);
    }
  } finally {
    await context.load.close();
  }
  report.cpu = cpuWatch.stop();

  const markdown = renderReport(report);
  process.stdout.write(`${markdown}\n`);
  if (write) {
    const file = join(__dirname, '..', 'docs', 'benchmarks.md');
    writeReport(file, report, markdown);
    progress('written to docs/benchmarks.md');
  }
  if (context.failures.length > 0) {
    process.stderr.write(`\nBENCHMARK FAILED: ${context.failures.length} check(s) failed:\n${context.failures.map((failure) => `  - ${failure}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

main().then(
  () => {
    // The app's and the SDK's sockets are closed; anything still pending must not keep the process up.
    setTimeout(() => process.exit(), 200).unref();
  },
  (error: unknown) => {
    process.stderr.write(`BENCHMARK FAILED: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
