import { Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../database/columns';

/**
 * The next moment a hospital number may send: every claim pushes it forward by the claimed text's
 * segments at the configured rate. Kept in the database so the rate holds across API instances.
 */
@Entity('sender_rates')
export class SenderRateEntity {
  @PrimaryColumn({ name: 'hospital_number', type: 'varchar', length: 20 })
  hospitalNumber: string;

  @TimestampColumn({ name: 'next_slot_at' })
  nextSlotAt: Date;
}
