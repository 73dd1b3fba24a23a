import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import type { DrainRow, InboundRow, RaceRow, RateResult, StormRow } from './scenarios';

export interface Machine {
  date: string;
  time: string;
  cores: string;
  coreKey: string;
  cpu: string;
  ram: string;
  node: string;
  os: string;
  commit: string;
  /** The machine's 1-minute load average when the run started (other work on the machine skews results). */
  load: string;
}

export function describeMachine(): Machine {
  const now = new Date();
  const all = cpus().length;
  const usable = availableParallelism();
  const allowed = readProc('/proc/self/status').match(/^Cpus_allowed_list:\s*(.+)$/m)?.[1]?.trim();
  const cpu = readProc('/proc/cpuinfo').match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const osName = readProc('/etc/os-release').match(/^PRETTY_NAME="?([^"\n]+)"?$/m)?.[1] ?? process.platform;
  return {
    date: now.toISOString().slice(0, 10),
    time: `${now.toISOString().slice(11, 16)} UTC`,
    cores: usable < all ? `${usable} of ${all} cores (the benchmark process was pinned to CPU ${allowed}, e.g. \`taskset -c 0\`)` : `${all} cores (nproc ${usable})`,
    coreKey: usable < all ? `${usable}-of-${all}-cores` : `${all}-cores`,
    cpu,
    ram: `${Math.round(totalmem() / 1024 ** 3)} GiB`,
    node: process.version,
    os: `${osName}, Linux ${release()}`,
    commit: gitCommit(),
    load: loadavg()[0].toFixed(2),
  };
}

function readProc(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function gitCommit(): string {
  // For a run outside a git checkout (an exported tree), the commit it was exported from.
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${commit} (with uncommitted changes in the working tree)` : commit;
  } catch {
    return 'unknown';
  }
}

/**
 * What else used the machine's CPUs during the run, from /proc: other work (a test run, a build)
 * changes the numbers, so every result says how busy the machine was besides the benchmark.
 */
export class CpuWatch {
  private readonly start = CpuWatch.sample();

  private static sample() {
    const fields = readProc('/proc/stat').match(/^cpu\s+(.+)$/m)?.[1].trim().split(/\s+/).map(Number) ?? [];
    const total = fields.reduce((sum, value) => sum + value, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { total, busy: total - idle, own: processJiffies('self'), database: databaseServerPids().reduce((sum, pid) => sum + processJiffies(pid), 0) };
  }

  /** Shares of one core, averaged over the run: e.g. 0.8 means 80% of one core. */
  stop(): { benchmark: number; database: number; other: number } {
    const end = CpuWatch.sample();
    const cores = cpus().length;
    const span = (end.total - this.start.total) / cores;
    if (!(span > 0)) return { benchmark: NaN, database: NaN, other: NaN };
    const own = end.own - this.start.own;
    const database = end.database - this.start.database;
    const other = end.busy - this.start.busy - own - database;
    return { benchmark: own / span, database: database / span, other: Math.max(0, other) / span };
  }
}

function processJiffies(pid: string | number): number {
  // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
  const stat = readProc(`/proc/${pid}/stat`);
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(rest[11] ?? 0) + Number(rest[12] ?? 0);
}

/** A MySQL/MariaDB server on this machine, if any (its CPU is the database's, not other work). */
function databaseServerPids(): string[] {
  try {
    return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => /^(mariadbd|mysqld)$/.test(readProc(`/proc/${pid}/comm`).trim()));
  } catch {
    return [];
  }
}

export interface Report {
  machine: Machine;
  database: string;
  databaseKey: string;
  settings: string[];
  inbound: InboundRow[];
  drain: DrainRow | null;
  rate: RateResult | null;
  storm: StormRow | null;
  race: RaceRow | null;
  cpu: { benchmark: number; database: number; other: number } | null;
  failures: string[];
  notes: string[];
}

const f = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const n = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–');

export function renderReport(report: Report): string {
  const { machine } = report;
  const lines: string[] = [];
  lines.push(`### ${machine.date} — ${report.database}, ${machine.coreKey.replace(/-/g, ' ')}`, '');
  lines.push(
    `- Date: ${machine.date} ${machine.time}`,
    `- Machine: ${machine.cores}; ${machine.cpu}; ${machine.ram} RAM`,
    `- Node ${machine.node}; ${machine.os}`,
    `- Database: ${report.database}`,
    `- Commit: ${machine.commit}`,
    `- Load average (1 min) when the run started: ${machine.load}`,
    ...(report.cpu ? [
      `- CPU during the run, in cores: the benchmark process ${f(report.cpu.benchmark, 2)}` +
        `${report.databaseKey === 'sqlite' ? '' : `, the database server ${f(report.cpu.database, 2)}`}, other work on the machine ${f(report.cpu.other, 2)}`,
    ] : []),
    ...report.settings.map((setting) => `- ${setting}`),
    '',
  );

  if (report.inbound.length > 0) {
    lines.push('**a. Inbound webhooks** (signed `POST /webhooks/twilio/sms`, keep-alive connections; each phone\'s first text also ' +
      'creates the contact and the conversation and queues the opt-in prompt, its later texts are stored with no reply)', '');
    lines.push('| concurrency | client phones | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | non-200 | stored | prompts queued | prompts that reached the fake Twilio | CPU ms per request | max event-loop delay ms |');
    lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of report.inbound) {
      lines.push(`| ${row.concurrency} | ${n(row.phones)} | ${n(row.requests)} | ${n(row.perSecond)} | ${f(row.p50)} | ${f(row.p95)} | ${f(row.p99)} | ${f(row.max)} | ${row.non200} | ${n(row.stored)} | ${n(row.promptsQueued)} | ${n(row.promptsReachedFake)} | ${f(row.cpuMsPerRequest, 2)} | ${f(row.maxLoopBlockMs, 0)} |`);
    }
    lines.push('');
  }

  if (report.drain) {
    const d = report.drain;
    lines.push(`**b. Outbox drain** (${n(d.texts)} opt-in prompts queued while the worker was stopped, then the worker started; limit ${n(d.rate)} segments/s per number)`, '');
    lines.push('| texts | segments | seconds | texts/s | segments/s | all marked sent after | reconciliation lookups | CPU ms per text |');
    lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
    lines.push(`| ${n(d.texts)} | ${n(d.segments)} | ${f(d.seconds, 2)} | ${n(d.perSecond)} | ${n(d.segmentsPerSecond)} | ${f(d.allMarkedSeconds, 2)} s | ${d.reconcileLookups} | ${f(d.cpuMsPerText, 2)} |`, '');
  }

  if (report.rate) {
    const r = report.rate;
    lines.push(`**b. Default rate limit** (${r.limit} segments/s per number, ${r.seconds} s with a backlog on all three numbers; the prompt is 2 segments)`, '');
    lines.push('| number | texts sent | segments | measured segments/s | tightest gap between two texts (share of the required gap) | most ahead of the limit\'s schedule |');
    lines.push('|---|---:|---:|---:|---:|---:|');
    for (const row of r.rows) {
      lines.push(`| ${row.number} | ${row.texts} | ${row.segments} | ${f(row.measuredRate, 2)} | ${f(row.tightestSpacing * 100, 0)}% | ${f(row.largestLeadMs, 0)} ms |`);
    }
    lines.push('');
  }

  if (report.storm) {
    const s = report.storm;
    lines.push(`**c. Duplicate storms** (${s.copies} simultaneous copies of one signed webhook, ${s.storms} times, each with a new MessageSid and phone)`, '');
    lines.push('| storms | copies | mean ms | p50 ms | p95 ms | max ms | non-200 | messages stored per storm | replies per storm |');
    lines.push('|---:|---:|---:|---:|---:|---:|---:|---|---|');
    lines.push(`| ${s.storms} | ${s.copies} | ${f(s.mean)} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.max)} | ${s.non200} | ${s.messagesPerStorm} | ${s.repliesPerStorm} |`, '');
  }

  if (report.race) {
    const r = report.race;
    lines.push(`**d. Racing texts from one phone** (${r.phones} new phones; each sends ${r.firstTexts} different texts at once, then, while pending, ${r.yesTexts} × YES at once)`, '');
    lines.push('| phones | stored / sent | non-200 | burst p50 ms | burst max ms | opt-in prompts per phone | welcomes per phone | consent records per phone |');
    lines.push('|---:|---:|---:|---:|---:|---|---|---|');
    lines.push(`| ${r.phones} | ${r.stored} / ${r.expectedStored} | ${r.non200} | ${f(r.p50)} | ${f(r.max)} | ${r.promptsPerPhone} | ${r.welcomesPerPhone} | ${r.consentRecordsPerPhone} |`, '');
  }

  if (report.failures.length > 0) {
    lines.push('**Checks failed:**', '', ...report.failures.map((failure) => `- ${failure}`), '');
  } else {
    lines.push('Checks: every webhook answered 200, every text stored exactly once, one reply per phone and storm, rate limit held.', '');
  }
  if (report.notes.length > 0) lines.push('Notes:', '', ...report.notes.map((note) => `- ${note}`), '');
  return lines.join('\n');
}

const RESULTS_HEADING = '## Results';

/**
 * Puts this run's section into docs/benchmarks.md: it replaces the section of the same date,
 * database and core count, or is added at the end of the results.
 */
export function writeReport(file: string, report: Report, markdown: string): void {
  const key = `${report.machine.date} ${report.databaseKey} ${report.machine.coreKey}`;
  const begin = `<!-- bench:begin ${key} -->`;
  const end = `<!-- bench:end ${key} -->`;
  const section = `${begin}\n${markdown.trimEnd()}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  if (!text.includes(RESULTS_HEADING)) text = `${text.trimEnd()}\n\n${RESULTS_HEADING}\n`;
  const start = text.indexOf(begin);
  if (start >= 0) {
    const stop = text.indexOf(end, start);
    text = `${text.slice(0, start)}${section}${text.slice(stop + end.length)}`;
  } else {
    text = `${text.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}
