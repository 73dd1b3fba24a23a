import { formatPhoneForPeople } from '../common/phone';
import { isAutomaticKind } from '../conversations/message-kinds';

/**
 * The transcript a staff member copies with the clipboard icon and pastes into the SANDI Comm Log.
 * Both formats are pure functions of their input (no clock, no locale of the server, no I/O), so
 * the same conversation always copies to the same bytes.
 */
export interface TranscriptInput {
  /** The linked SANDI client; null when unknown. */
  client: { displayName: string | null; sandiClientId: string | null } | null;
  /** When the phone matches several SANDI clients and none is linked. */
  otherClients?: Array<{ displayName: string; sandiClientId: string }>;
  /** The client's phone, E.164. */
  phone: string;
  queue: { code: string; name: string; phoneNumber: string };
  patients: Array<{ name: string; species: string; status?: 'active' | 'deceased' | 'inactive' }>;
  messages: Array<{
    direction: 'inbound' | 'outbound' | 'internal';
    kind: 'client' | 'staff' | 'opt_in_prompt' | 'welcome' | 'help' | 'auto_reply' | 'note';
    body: string;
    media: Array<{ url: string; contentType: string | null }>;
    createdAt: Date;
    senderDisplayName: string | null;
    /** received | queued | sending | sent | delivered | undelivered | failed | canceled | note */
    status: string;
    errorMessage: string | null;
  }>;
  /** IANA zone the times are shown in ('America/Chicago'). */
  timeZone: string;
  exportedAt: Date;
  /** Display name of the staff member who copied it. */
  exportedBy: string;
}

type TranscriptMessage = TranscriptInput['messages'][number];

/** One piece of a message's content; `tone` only colours the HTML, the words carry the meaning. */
interface Segment {
  text: string;
  tone: 'text' | 'muted' | 'alert';
}

/** What both formats print: built once so plain text and HTML can never disagree. */
interface TranscriptModel {
  title: string;
  header: Array<{ label: string; value: string }>;
  copied: string;
  entries: Array<{ when: string; who: string; lines: Segment[] }>;
}

const NOT_SENT_YET: ReadonlySet<string> = new Set(['queued', 'sending']);
const NOT_DELIVERED: ReadonlySet<string> = new Set(['undelivered', 'failed']);

/** Plain text for a plain text box: `\n` line ends, no tabs, continuation lines indented 4 spaces, no trailing newline. */
export function formatTranscriptText(input: TranscriptInput): string {
  const model = buildModel(input);
  const out: string[] = [model.title];
  for (const { label, value } of model.header) out.push(`${label}: ${value}`);
  out.push(model.copied, '');
  for (const entry of model.entries) {
    const [first, ...rest] = entry.lines;
    out.push(`${entry.when} - ${entry.who}: ${first.text}`);
    for (const line of rest) out.push(line.text === '' ? '' : `    ${line.text}`);
  }
  if (model.entries.length === 0) out.push('No texts in this conversation.');
  return out.join('\n');
}

/**
 * A self-contained HTML fragment for a rich text editor: paragraphs, `<br>`, `<strong>` and
 * `<span>` with inline colours only (no table, no links, no images, no scripts, no classes).
 * Every piece of text that came from a person or a system is escaped.
 */
export function formatTranscriptHtml(input: TranscriptInput): string {
  const model = buildModel(input);
  const header = [
    `<strong>${escapeHtml(model.title)}</strong>`,
    ...model.header.map(({ label, value }) => `<strong>${escapeHtml(label)}:</strong> ${escapeHtml(value)}`),
    escapeHtml(model.copied),
  ].join('<br>');
  const out: string[] = ['<div>', `<p style="margin:0 0 8px 0">${header}</p>`];
  for (const entry of model.entries) {
    const content = entry.lines.map(segmentHtml).join('<br>');
    out.push(
      `<p style="margin:0 0 4px 0"><span style="color:#555555">${escapeHtml(entry.when)}</span> - `
        + `<strong>${escapeHtml(entry.who)}:</strong> ${content}</p>`,
    );
  }
  if (model.entries.length === 0) out.push('<p style="margin:0">No texts in this conversation.</p>');
  out.push('</div>');
  return out.join('\n');
}

function buildModel(input: TranscriptInput): TranscriptModel {
  const clock = new LocalClock(input.timeZone);
  const queueCode = oneLine(input.queue.code);
  const queueName = oneLine(input.queue.name);
  const entries = input.messages
    .filter((message) => !isNote(message))
    // A stable sort: texts stored in the same second keep the order they were given in.
    .map((message, index) => ({ message, index, time: message.createdAt.getTime() }))
    .sort((a, b) => compareTimes(a.time, b.time) || a.index - b.index)
    .map(({ message }) => ({ when: clock.format(message.createdAt), who: who(message), lines: contentOf(message) }));
  return {
    title: `Illinois Vet Messenger — ${queueName ? `${queueCode} (${queueName})` : queueCode} conversation`,
    header: [
      { label: 'Client', value: describeClient(input) },
      { label: 'Phone', value: formatPhoneForPeople(oneLine(input.phone)) },
      { label: 'Patients', value: describePatients(input.patients) },
    ],
    copied: `Copied ${clock.format(input.exportedAt)} by ${oneLine(input.exportedBy) || 'unknown staff member'}`,
    entries,
  };
}

/** Staff notes stay in IVM: whichever field says "note", it never reaches the Comm Log. */
function isNote(message: TranscriptMessage): boolean {
  return message.direction === 'internal' || message.kind === 'note' || message.status === 'note';
}

function compareTimes(a: number, b: number): number {
  // An invalid date (NaN) sorts last instead of scrambling the order.
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
  return a - b;
}

function describeClient(input: TranscriptInput): string {
  if (input.client) {
    const name = oneLine(input.client.displayName ?? '');
    const id = oneLine(input.client.sandiClientId ?? '');
    if (name && id) return `${name} (SANDI #${id})`;
    return name || (id ? `SANDI #${id}` : 'Unknown client');
  }
  const candidates = (input.otherClients ?? [])
    .map((candidate) => ({ name: oneLine(candidate.displayName), id: oneLine(candidate.sandiClientId) }))
    // Code-unit order, not localeCompare: the result must not depend on the server's ICU data.
    .sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
  if (candidates.length === 0) return 'Unknown client';
  const listed = candidates.map((c) => (c.name ? `${c.name} (SANDI #${c.id})` : `SANDI #${c.id}`)).join(' or ');
  const count = candidates.length === 1 ? 'one SANDI client' : `${candidates.length} SANDI clients`;
  return `not linked — this phone matches ${count}: ${listed}`;
}

function describePatients(patients: TranscriptInput['patients']): string {
  if (patients.length === 0) return 'none on file';
  return patients
    .map((patient) => {
      const notes = [oneLine(patient.species), patient.status === 'deceased' ? 'deceased' : ''].filter(Boolean);
      const name = oneLine(patient.name) || 'unnamed';
      return notes.length ? `${name} (${notes.join(', ')})` : name;
    })
    .join(', ');
}

function who(message: TranscriptMessage): string {
  if (message.direction === 'inbound') return 'Client';
  if (isAutomaticKind(message.kind)) return 'IVM (automatic)';
  return oneLine(message.senderDisplayName ?? '') || 'Staff';
}

function contentOf(message: TranscriptMessage): Segment[] {
  const lines: Segment[] = bodyLines(message.body).map((text) => ({ text, tone: 'text' }));
  for (const media of message.media) lines.push({ text: describeMedia(media), tone: 'text' });
  if (lines.length === 0) lines.push({ text: '(empty text)', tone: 'muted' });
  const status = deliveryNote(message);
  if (status) lines.push(status);
  return lines;
}

function describeMedia(media: TranscriptMessage['media'][number]): string {
  const url = oneLine(media.url);
  const type = oneLine(media.contentType ?? '').toLowerCase();
  if (type.startsWith('image/')) return `[picture: ${url}]`;
  return type ? `[attachment (${type}): ${url}]` : `[attachment: ${url}]`;
}

function deliveryNote(message: TranscriptMessage): Segment | null {
  if (message.direction !== 'outbound') return null;
  if (NOT_SENT_YET.has(message.status)) return { text: '(not sent yet)', tone: 'muted' };
  if (message.status === 'canceled') return { text: '(canceled, not sent)', tone: 'alert' };
  if (NOT_DELIVERED.has(message.status)) {
    const reason = oneLine(message.errorMessage ?? '');
    return { text: reason ? `(not delivered: ${reason})` : '(not delivered)', tone: 'alert' };
  }
  return null;
}

function segmentHtml(segment: Segment): string {
  const text = escapeHtml(segment.text);
  if (segment.tone === 'muted') return `<span style="color:#555555">${text}</span>`;
  if (segment.tone === 'alert') return `<span style="color:#B3261E">${text}</span>`;
  return text;
}

/**
 * A text's lines as the client wrote them: every line break style becomes one break, tabs become a
 * space (a tab pastes at unpredictable widths), control characters go, trailing blanks and blank
 * lines at either end go. Emoji, accents and non-Latin scripts are untouched.
 */
function bodyLines(body: string): string[] {
  const lines = cleanText(body ?? '').split('\n').map((line) => line.replace(/\s+$/u, ''));
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A header value or label on one line. */
function oneLine(value: string): string {
  return cleanText(value ?? '').replace(/\s+/gu, ' ').trim();
}

function cleanText(value: string): string {
  return value
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
}

function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/**
 * Local times as the front desk writes them, MM/DD/YYYY h:mm AM/PM, built from Intl's parts
 * (not its formatted string, whose spacing before AM/PM changes between ICU versions).
 * A time inside the hour repeated when daylight saving time ends (1:00–1:59 AM twice in
 * Chicago) gets its zone ("1:30 AM CDT", "1:10 AM CST") so the Comm Log reads in order.
 */
class LocalClock {
  private readonly parts: Intl.DateTimeFormat;
  private readonly zoneName: Intl.DateTimeFormat;

  constructor(timeZone: string) {
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    this.zoneName = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
  }

  format(date: Date): string {
    const time = date.getTime();
    if (Number.isNaN(time)) return '(unknown time)';
    const { year, month, day, hour, minute } = this.wallClock(time);
    const hour12 = hour % 12 === 0 ? 12 : hour % 12;
    const text = `${pad(month)}/${pad(day)}/${year} ${hour12}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}`;
    return this.isAmbiguous(time) ? `${text} ${this.zoneAbbreviation(date)}` : text;
  }

  private wallClock(time: number) {
    const values: Record<string, number> = {};
    for (const part of this.parts.formatToParts(time)) {
      if (part.type !== 'literal') values[part.type] = Number(part.value);
    }
    // Some ICU versions print midnight as hour 24 even with h23.
    const hour = values.hour === 24 ? 0 : values.hour;
    return { year: values.year, month: values.month, day: values.day, hour, minute: values.minute, second: values.second };
  }

  /** Milliseconds the zone's wall clock is ahead of UTC at `time`. */
  private offset(time: number): number {
    const w = this.wallClock(time);
    const wholeSeconds = Math.floor(time / 1000) * 1000;
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSeconds;
  }

  /** True when another instant within a few hours shows the same wall-clock time. */
  private isAmbiguous(time: number): boolean {
    const here = this.offset(time);
    const threeHours = 3 * 3600 * 1000;
    for (const neighbour of [time - threeHours, time + threeHours]) {
      const there = this.offset(neighbour);
      if (there !== here && this.offset(time + here - there) === there) return true;
    }
    return false;
  }

  private zoneAbbreviation(date: Date): string {
    return this.zoneName.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? '';
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
