import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CreatedAtColumn, PhoneColumn, ShortTextColumn, TimestampColumn, UpdatedAtColumn } from '../database/columns';

/**
 * The carrier (and Twilio) block one sender number for a phone that texted it STOP, until the
 * phone texts START/UNSTOP to that same number. Kept per (phone, hospital number), beside consent.
 */
@Entity('carrier_blocks')
@Unique('uq_carrier_blocks_contact_number', ['contactId', 'hospitalNumber'])
export class CarrierBlockEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'contact_id', type: 'int' })
  contactId: number;

  @PhoneColumn({ name: 'hospital_number' })
  hospitalNumber: string;

  /** Null once lifted. */
  @TimestampColumn({ name: 'blocked_at', nullable: true })
  blockedAt: Date | null;

  /** `stop_keyword` or the provider's error code (21610). */
  @ShortTextColumn(32, { nullable: true })
  reason: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
