import { ApiProperty } from '@nestjs/swagger';
import type { AuditEventEntity } from '../audit-event.entity';

export class AuditEventResponseDto {
  @ApiProperty({ example: 1042 }) id: number;
  @ApiProperty({ example: '2026-03-14T15:04:05.123Z' }) occurredAt: string;
  @ApiProperty({ enum: ['user', 'system', 'client'] }) actorType: string;
  @ApiProperty({ example: 'sac.staff', description: 'The username, the client\'s phone, or system' }) actor: string;
  @ApiProperty({ example: 'conversation.archived' }) action: string;
  @ApiProperty({ nullable: true, type: String, example: 'conversation' }) entityType: string | null;
  @ApiProperty({ nullable: true, type: String, example: '17' }) entityId: string | null;
  @ApiProperty({ nullable: true, type: String }) subject: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'SAC' }) queue: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'What changed; settings changes carry before and after' }) details: unknown;
  @ApiProperty({ nullable: true, type: String }) ipAddress: string | null;
  @ApiProperty({ description: 'Whether the row is chained yet (it is, a moment after it is written)' }) sealed: boolean;
  @ApiProperty({ nullable: true, type: String }) prevHash: string | null;
  @ApiProperty({ nullable: true, type: String }) hash: string | null;
}

export class AuditVerificationResponseDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Sealed rows found intact before the first broken one' }) checked: number;
  @ApiProperty({ description: 'Rows not sealed yet' }) unsealed: number;
  @ApiProperty({ nullable: true, type: Number }) firstBrokenId: number | null;
  @ApiProperty({ required: false, enum: ['hash_mismatch', 'prev_hash_mismatch', 'unsealed_below_head'] }) reason?: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The end of the chain when the check began' }) lastSealedId: number | null;
  @ApiProperty({ nullable: true, type: String }) lastHash: string | null;
}

export function mapAuditEvent(row: AuditEventEntity): AuditEventResponseDto {
  return {
    id: row.id,
    occurredAt: isoTime(row.occurredAt),
    actorType: row.actorType,
    actor: row.actor,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    subject: row.subject,
    queue: row.queueCode,
    details: parseDetails(row.detailsJson),
    ipAddress: row.ipAddress,
    sealed: row.hash !== null,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** Details as stored; text that is not JSON (edited by hand) is shown as it is, not hidden. */
function parseDetails(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

/** A time edited into something that is not one still lists (the verifier reports the row). */
function isoTime(value: Date): string {
  return Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString();
}
