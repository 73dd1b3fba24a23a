import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, ShortTextColumn, LongTextColumn } from '../database/columns';

/**
 * Every delivery receipt as it arrived. Receipts come out of order and can even arrive before
 * the send call returned the provider's id, so they are kept and applied when the id is known.
 */
@Entity('message_status_events')
@Index(['providerMessageId'])
export class MessageStatusEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @ShortTextColumn(64, { name: 'provider_message_id' })
  providerMessageId: string;

  /** The provider's own status word (delivered, undelivered, read …). */
  @ShortTextColumn(32, { name: 'provider_status' })
  providerStatus: string;

  @ShortTextColumn(32, { name: 'error_code', nullable: true })
  errorCode: string | null;

  @LongTextColumn({ name: 'error_message', nullable: true })
  errorMessage: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
