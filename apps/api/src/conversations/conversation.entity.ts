import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  CreatedAtColumn, LongTextColumn, PhoneColumn, ShortTextColumn, TimestampColumn, UpdatedAtColumn,
} from '../database/columns';

export type ConversationStatus = 'open' | 'archived';

/**
 * The texts between one client phone and one hospital number, from the first text until staff
 * archive it. At most one is open per (hospital number, phone): `openKey` holds that pair while
 * open and null once archived, so a plain unique index enforces it on both drivers.
 */
@Entity('conversations')
@Index(['queueId', 'status', 'lastMessageAt'])
@Index(['contactId'])
export class ConversationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** The queue working it: the hospital number's queue unless staff moved it. */
  @Column({ name: 'queue_id', type: 'int' })
  queueId: number;

  @Column({ name: 'contact_id', type: 'int' })
  contactId: number;

  /** The number the client texted; replies always leave from it. */
  @PhoneColumn({ name: 'hospital_number' })
  hospitalNumber: string;

  @ShortTextColumn(16, { default: 'open' })
  status: ConversationStatus;

  @ShortTextColumn(48, { name: 'open_key', nullable: true, unique: true })
  openKey: string | null;

  @TimestampColumn({ name: 'last_message_at' })
  lastMessageAt: Date;

  @LongTextColumn({ name: 'last_message_preview', nullable: true })
  lastMessagePreview: string | null;

  /** Inbound texts since staff last read or replied; shared by the queue's staff. */
  @Column({ name: 'unread_count', type: 'int', default: 0 })
  unreadCount: number;

  @TimestampColumn({ name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  /** The SANDI client staff linked this conversation to (automatic when the phone matches exactly one). */
  @ShortTextColumn(32, { name: 'sandi_client_id', nullable: true })
  sandiClientId: string | null;

  @TimestampColumn({ name: 'last_read_at', nullable: true })
  lastReadAt: Date | null;

  @ShortTextColumn(100, { name: 'last_read_by', nullable: true })
  lastReadBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

export function openConversationKey(hospitalNumber: string, contactId: number): string {
  return `${hospitalNumber}|${contactId}`;
}
