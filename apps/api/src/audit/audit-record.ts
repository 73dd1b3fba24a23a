import type { AuditActorType, AuditEventEntity } from './audit-event.entity';

/** One state change to record. Optional fields may be left out or given as null. */
export interface AuditRecord {
  actorType: AuditActorType;
  /** The username, the client's phone, or `system`. */
  actor: string;
  /** `noun.verb`, e.g. `auth.login_failed`, `message.sent`, `conversation.archived`. */
  action: string;
  entityType?: string | null;
  entityId?: string | number | null;
  /** What throttling and searches key on (the username of a login attempt, a phone …). */
  subject?: string | null;
  queueCode?: string | null;
  /** Stored as JSON with its keys sorted, so equal details are stored as equal text. */
  details?: Record<string, unknown> | null;
  /** The request's client address. */
  ipAddress?: string | null;
  /** When it happened; now by default. */
  occurredAt?: Date;
}

export type AuditRowValues = Omit<AuditEventEntity, 'id' | 'prevHash' | 'hash'>;

export const AUDIT_ACTOR_TYPES: readonly AuditActorType[] = ['user', 'system', 'client'];

// The column lengths of AuditEventEntity. Values a person typed (a username at a failed login, an
// address from a proxy header) are cut to fit, so an audit row can never make the change it
// records fail; SQLite would keep them whole and MySQL refuse them, and both must store the same.
const TRUNCATED = { actor: 100, entityId: 64, subject: 100, ipAddress: 64 } as const;
// Values the code chooses: one that does not fit is a programming error, caught by any test.
const CHECKED = { action: 64, entityType: 32, queueCode: 16 } as const;
// MySQL's TEXT column holds 65,535 bytes.
const MAX_DETAILS_BYTES = 65_535;

/** The row to insert for a record: validated, long free text cut to the column, details as stable JSON. */
export function toAuditRow(event: AuditRecord, now: Date = new Date()): AuditRowValues {
  if (!AUDIT_ACTOR_TYPES.includes(event.actorType)) {
    throw new Error(`Audit actorType must be one of ${AUDIT_ACTOR_TYPES.join(', ')}, not ${JSON.stringify(event.actorType)}`);
  }
  for (const [field, max] of Object.entries(CHECKED) as Array<[keyof typeof CHECKED, number]>) {
    const value = event[field];
    if (value != null && value.length > max) throw new Error(`Audit ${field} ${JSON.stringify(value)} is longer than ${max} characters`);
  }
  if (!event.action) throw new Error('Audit action is required');
  const occurredAt = event.occurredAt ?? now;
  if (Number.isNaN(occurredAt.getTime())) throw new Error('Audit occurredAt is not a valid date');
  const detailsJson = event.details == null ? null : stableJson(event.details);
  if (detailsJson !== null && Buffer.byteLength(detailsJson, 'utf8') > MAX_DETAILS_BYTES) {
    throw new Error(`Audit details of ${event.action} are larger than ${MAX_DETAILS_BYTES} bytes`);
  }
  return {
    occurredAt,
    actorType: event.actorType,
    actor: cut(event.actor, TRUNCATED.actor) ?? '',
    action: event.action,
    entityType: event.entityType ?? null,
    entityId: cut(event.entityId == null ? null : String(event.entityId), TRUNCATED.entityId),
    subject: cut(event.subject, TRUNCATED.subject),
    queueCode: event.queueCode ?? null,
    detailsJson,
    ipAddress: cut(event.ipAddress, TRUNCATED.ipAddress),
  };
}

/**
 * JSON with object keys in sorted order at every depth (arrays keep their order), so the same
 * details always give the same text. Dates become ISO strings and undefined members are left
 * out, as JSON.stringify does.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  // A Date (or anything else with toJSON) is serialised the way JSON.stringify would.
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return sortKeys(json.call(value));
  if (Array.isArray(value)) return value.map(sortKeys);
  // No prototype, so a key named __proto__ (from a request body) stays an ordinary key.
  const sorted: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(value: string | null | undefined, max: number): string | null {
  if (value == null) return null;
  if (value.length <= max) return value;
  const end = /[\uD800-\uDBFF]/.test(value[max - 1]) ? max - 1 : max;
  return value.slice(0, end);
}
