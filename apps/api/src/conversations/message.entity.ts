import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  CreatedAtColumn, LongTextColumn, PhoneColumn, ShortTextColumn, TimestampColumn, UpdatedAtColumn,
} from '../database/columns';
import type { MessageKind } from './message-kinds';
import type { MessageStatus } from './message-status';

/** `internal` is a staff note: shown in the thread, never sent, left out of the transcript. */
export type MessageDirection = 'inbound' | 'outbound' | 'internal';

/**
 * Who wrote a text: the client, a staff member, or IVM itself (the opt-in prompt, the welcome,
 * the HELP text, an after-hours auto-reply). Automatic texts look different in the inbox.
 */
export { AUTOMATIC_MESSAGE_KINDS, MESSAGE_KINDS, isAutomaticKind, type MessageKind } from './message-kinds';

export interface MessageMedia {
  url: string;
  contentType: string | null;
}

@Entity('messages')
@Index(['conversationId', 'id'])
export class MessageEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'conversation_id', type: 'int' })
  conversationId: number;

  @ShortTextColumn(8)
  direction: MessageDirection;

  @ShortTextColumn(16)
  kind: MessageKind;

  @LongTextColumn()
  body: string;

  /** JSON list of `MessageMedia`; empty list when none. */
  @LongTextColumn({ name: 'media_json', nullable: true })
  mediaJson: string | null;

  @PhoneColumn({ name: 'from_number' })
  fromNumber: string;

  @PhoneColumn({ name: 'to_number' })
  toNumber: string;

  /** The provider's id (Twilio MessageSid): unique, which makes inbound webhooks idempotent. */
  @ShortTextColumn(64, { name: 'provider_message_id', nullable: true, unique: true })
  providerMessageId: string | null;

  /** Inbound texts are `received`; outbound ones follow DESIGN.md's statuses. */
  @ShortTextColumn(16)
  status: MessageStatus;

  @ShortTextColumn(32, { name: 'error_code', nullable: true })
  errorCode: string | null;

  @LongTextColumn({ name: 'error_message', nullable: true })
  errorMessage: string | null;

  @Column({ type: 'int', default: 1 })
  segments: number;

  /** The SANDI username of the staff member who wrote it. */
  @ShortTextColumn(100, { name: 'sender_username', nullable: true })
  senderUsername: string | null;

  @ShortTextColumn(200, { name: 'sender_display_name', nullable: true })
  senderDisplayName: string | null;

  /** An inbound text from a client staff have blocked: stored, never shown in the open inbox. */
  @Column({ name: 'from_blocked_client', type: 'boolean', default: false })
  fromBlockedClient: boolean;

  @TimestampColumn({ name: 'status_changed_at', nullable: true })
  statusChangedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
