import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, LongTextColumn, PhoneColumn, ShortTextColumn, TimestampColumn, UpdatedAtColumn } from '../database/columns';

/**
 * - `pending`: due at `nextAttemptAt`.
 * - `sending`: claimed by a worker until `leaseUntil`; past it, another worker reconciles it.
 * - `unknown`: the last attempt may have reached the provider: look it up before sending again.
 * - `done` / `failed` / `canceled`: final.
 */
export type OutboxState = 'pending' | 'sending' | 'unknown' | 'done' | 'failed' | 'canceled';

/** A text waiting to leave. It is written in the same transaction as its message, so none is lost. */
@Entity('outbox_items')
@Index(['state', 'nextAttemptAt'])
export class OutboxItemEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'message_id', type: 'int', unique: true })
  messageId: number;

  @PhoneColumn({ name: 'from_number' })
  fromNumber: string;

  @PhoneColumn({ name: 'to_number' })
  toNumber: string;

  @Column({ type: 'int', default: 1 })
  segments: number;

  @ShortTextColumn(16, { default: 'pending' })
  state: OutboxState;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @TimestampColumn({ name: 'next_attempt_at' })
  nextAttemptAt: Date;

  @TimestampColumn({ name: 'lease_until', nullable: true })
  leaseUntil: Date | null;

  @TimestampColumn({ name: 'first_attempt_at', nullable: true })
  firstAttemptAt: Date | null;

  @ShortTextColumn(64, { name: 'claimed_by', nullable: true })
  claimedBy: string | null;

  @LongTextColumn({ name: 'last_error', nullable: true })
  lastError: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
