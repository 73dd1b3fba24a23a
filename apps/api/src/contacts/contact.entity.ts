import { Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, LongTextColumn, PhoneColumn, ShortTextColumn, TimestampColumn, UpdatedAtColumn } from '../database/columns';

export const CONSENT_STATES = ['none', 'pending', 'opted_in', 'opted_out'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** A client phone. Consent is per phone, for every hospital number (opt in once for all queues). */
@Entity('contacts')
export class ContactEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @PhoneColumn({ unique: true })
  phone: string;

  @ShortTextColumn(16, { name: 'consent_state', default: 'none' })
  consentState: ConsentState;

  @TimestampColumn({ name: 'consent_changed_at', nullable: true })
  consentChangedAt: Date | null;

  /** When the opt-in prompt last went out: while pending it is repeated at most once a day. */
  @TimestampColumn({ name: 'last_prompted_at', nullable: true })
  lastPromptedAt: Date | null;

  /** Set when staff block the client: texts are kept but never reach the open inbox or get a reply. */
  @TimestampColumn({ name: 'blocked_at', nullable: true })
  blockedAt: Date | null;

  @LongTextColumn({ name: 'blocked_reason', nullable: true })
  blockedReason: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
