import { createHash } from 'node:crypto';
import type { AuditEventEntity } from './audit-event.entity';

/** The `prev_hash` of the first sealed row. */
export const GENESIS_HASH = '0'.repeat(64);

/** Bumped if the serialisation below ever changes, so old and new rows can never collide. */
const CHAIN_VERSION = 'ivm.audit.v1';

/** Every column the hash covers: all of them except `hash` itself (and `prev_hash`, passed apart). */
export type ChainedAuditFields = Pick<
  AuditEventEntity,
  'id' | 'occurredAt' | 'actorType' | 'actor' | 'action' | 'entityType' | 'entityId' | 'subject' | 'queueCode' | 'detailsJson' | 'ipAddress'
>;

/**
 * The exact text a row's hash is taken over: a JSON array in a fixed column order with explicit
 * nulls. A JSON array of strings, numbers and nulls has one spelling, so the text is the same
 * whichever driver the row was read back from (TypeORM gives `occurred_at` as a Date on both).
 */
export function canonicalAuditRow(row: ChainedAuditFields, prevHash: string): string {
  return JSON.stringify([
    CHAIN_VERSION,
    row.id,
    row.occurredAt.toISOString(),
    row.actorType,
    row.actor,
    row.action,
    row.entityType ?? null,
    row.entityId ?? null,
    row.subject ?? null,
    row.queueCode ?? null,
    row.detailsJson ?? null,
    row.ipAddress ?? null,
    prevHash,
  ]);
}

/** Hex SHA-256 of the row's canonical text, chained to the previous sealed row's hash. */
export function hashAuditRow(row: ChainedAuditFields, prevHash: string): string {
  return createHash('sha256').update(canonicalAuditRow(row, prevHash), 'utf8').digest('hex');
}
