import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Column } from 'typeorm';
import type { ConsentState } from '../contacts/contact.entity';
import { CreatedAtColumn, PhoneColumn, ShortTextColumn } from '../database/columns';

/** One change of a phone's consent or carrier block: when, which keyword, which number. Kept for audit. */
@Entity('consent_records')
@Index(['contactId', 'id'])
export class ConsentRecordEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'contact_id', type: 'int' })
  contactId: number;

  @ShortTextColumn(16, { name: 'from_state' })
  fromState: ConsentState;

  @ShortTextColumn(16, { name: 'to_state' })
  toState: ConsentState;

  /** What happened: `prompted`, `opted_in`, `opted_out`, `carrier_blocked`, `carrier_unblocked`. */
  @ShortTextColumn(32)
  event: string;

  /** The keyword as the client wrote it, or the provider error code for a carrier block. */
  @ShortTextColumn(64, { nullable: true })
  keyword: string | null;

  @PhoneColumn({ name: 'hospital_number' })
  hospitalNumber: string;

  /** The inbound (or failed outbound) message that caused it. */
  @Column({ name: 'message_id', type: 'int', nullable: true })
  messageId: number | null;

  @CreatedAtColumn()
  createdAt: Date;
}
