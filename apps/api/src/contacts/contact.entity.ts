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

  /** The staff member who blocked the client. */
  @ShortTextColumn(100, { name: 'blocked_by', nullable: true })
  blockedBy: string | null;

  /**
   * What SANDI said about this phone, cached so lists and search stay fast and work while SANDI is
   * slow: JSON list of the matching clients with their patients. Refreshed on each inbound text and
   * when older than a few hours.
   */
  @LongTextColumn({ name: 'sandi_matches_json', nullable: true })
  sandiMatchesJson: string | null;

  /** Lower-case names of the matching clients and patients, for search. */
  @LongTextColumn({ name: 'search_text', nullable: true })
  searchText: string | null;

  @TimestampColumn({ name: 'sandi_refreshed_at', nullable: true })
  sandiRefreshedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
