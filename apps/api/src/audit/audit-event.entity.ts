import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LongTextColumn, ShortTextColumn, TimestampColumn } from '../database/columns';

export type AuditActorType = 'user' | 'system' | 'client';

/**
 * One state change, append-only. Written in the same transaction as the change it records; a
 * sealer then chains the rows in id order (`hash` = SHA-256 over the row and the previous hash),
 * so editing or deleting a row breaks the chain at that row.
 */
@Entity('audit_events')
@Index(['action', 'subject', 'occurredAt'])
@Index(['queueCode', 'id'])
@Index(['hash'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @TimestampColumn({ name: 'occurred_at' })
  occurredAt: Date;

  @ShortTextColumn(16, { name: 'actor_type' })
  actorType: AuditActorType;

  /** The username, the client's phone, or `system`. */
  @ShortTextColumn(100)
  actor: string;

  /** `noun.verb`, e.g. `auth.login_failed`, `message.sent`, `conversation.archived`. */
  @ShortTextColumn(64)
  action: string;

  @ShortTextColumn(32, { name: 'entity_type', nullable: true })
  entityType: string | null;

  @ShortTextColumn(64, { name: 'entity_id', nullable: true })
  entityId: string | null;

  /** What throttling and searches key on (the username of a login attempt, a phone …). */
  @ShortTextColumn(100, { nullable: true })
  subject: string | null;

  @ShortTextColumn(16, { name: 'queue_code', nullable: true })
  queueCode: string | null;

  @LongTextColumn({ name: 'details_json', nullable: true })
  detailsJson: string | null;

  @ShortTextColumn(64, { name: 'ip_address', nullable: true })
  ipAddress: string | null;

  @ShortTextColumn(64, { name: 'prev_hash', nullable: true })
  prevHash: string | null;

  /** Null until the sealer reaches the row. */
  @ShortTextColumn(64, { nullable: true })
  hash: string | null;
}
