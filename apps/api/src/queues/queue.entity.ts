import { Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, PhoneColumn, ShortTextColumn, UpdatedAtColumn } from '../database/columns';

/** A queue is worked by one Client Services team and owns one hospital number (SAC, LAC, VMSC). */
@Entity('queues')
export class QueueEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @ShortTextColumn(16, { unique: true })
  code: string;

  @ShortTextColumn(100)
  name: string;

  /** The toll-free number clients text (E.164); it decides the queue. */
  @PhoneColumn({ name: 'phone_number', unique: true })
  phoneNumber: string;

  @ShortTextColumn(64, { name: 'time_zone', default: 'America/Chicago' })
  timeZone: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
