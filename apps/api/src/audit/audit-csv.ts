import { DomainError } from '../common/domain-error';
import type { AuditEventResponseDto } from './dto/audit-event-response.dto';

const COLUMNS: Array<[header: string, value: (event: AuditEventResponseDto) => string | number | boolean | null]> = [
  ['id', (e) => e.id],
  ['occurred_at', (e) => e.occurredAt],
  ['actor_type', (e) => e.actorType],
  ['actor', (e) => e.actor],
  ['action', (e) => e.action],
  ['entity_type', (e) => e.entityType],
  ['entity_id', (e) => e.entityId],
  ['subject', (e) => e.subject],
  ['queue', (e) => e.queue],
  ['details', (e) => (e.details === null ? null : typeof e.details === 'string' ? e.details : JSON.stringify(e.details))],
  ['ip_address', (e) => e.ipAddress],
  ['prev_hash', (e) => e.prevHash],
  ['hash', (e) => e.hash],
];

/** The header line, CRLF-terminated as RFC 4180 has it. */
export function auditCsvHeader(): string {
  return csvLine(COLUMNS.map(([header]) => header));
}

export function auditCsvLine(event: AuditEventResponseDto): string {
  return csvLine(COLUMNS.map(([, value]) => value(event)));
}

export function csvLine(values: Array<string | number | boolean | null>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * One RFC 4180 cell: quoted when it holds a comma, quote or line break, quotes doubled. Text a
 * spreadsheet would run as a formula (a username typed at the login page as `=HYPERLINK(…)`) gets
 * a leading apostrophe; a phone number such as +12175550123 stays as it is.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^[+-]?[\d\s().-]+$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Whether a list request wants CSV: `?format=csv`, or an Accept header asking for text/csv and
 * not JSON (`format=json` wins over the header). Another format is a 400.
 */
export function wantsCsv(format: unknown, accept: string | undefined): boolean {
  if (format === 'csv') return true;
  if (format === 'json') return false;
  if (format !== undefined) throw new DomainError('invalid_query', 400, 'format must be json or csv.', { field: 'format' });
  // A client that takes JSON as well (react-admin's fetch) gets JSON.
  return /(^|[\s,])text\/csv\b/i.test(accept ?? '') && !/application\/json/i.test(accept ?? '');
}
