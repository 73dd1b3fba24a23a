import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContactEntity } from '../contacts/contact.entity';
import type { QueueEntity } from '../queues/queue.entity';
import { ConversationEntity, openConversationKey } from './conversation.entity';
import { MessageEntity, type MessageKind, type MessageMedia } from './message.entity';
import type { MessageStatus } from './message-status';

const PREVIEW_LENGTH = 140;

export interface NewMessage {
  direction: 'inbound' | 'outbound';
  kind: MessageKind;
  body: string;
  media?: MessageMedia[];
  fromNumber: string;
  toNumber: string;
  status: MessageStatus;
  segments: number;
  providerMessageId?: string | null;
  senderUsername?: string | null;
  senderDisplayName?: string | null;
  fromBlockedClient?: boolean;
}

/** Keeps texts in their conversation: one open conversation per (hospital number, client phone). */
@Injectable()
export class ConversationsService {
  /**
   * The open conversation for this phone and number, opened on the first text. A blocked
   * client's texts never open one: they go to the client's latest conversation with the number
   * (archived when they were blocked), or to a new archived one.
   */
  async conversationFor(
    manager: EntityManager,
    queue: QueueEntity,
    contact: ContactEntity,
    hospitalNumber: string,
    now: Date,
  ): Promise<ConversationEntity> {
    const repository = manager.getRepository(ConversationEntity);
    const openKey = openConversationKey(hospitalNumber, contact.id);
    const open = await repository.findOne({ where: { openKey } });
    if (open) return open;
    if (contact.blockedAt) {
      const latest = await repository.findOne({
        where: { contactId: contact.id, hospitalNumber },
        order: { id: 'DESC' },
      });
      if (latest) return latest;
      return repository.save(repository.create({
        queueId: queue.id, contactId: contact.id, hospitalNumber, status: 'archived', openKey: null,
        lastMessageAt: now, archivedAt: now, unreadCount: 0,
      }));
    }
    await manager.createQueryBuilder().insert().into(ConversationEntity).values({
      queueId: queue.id, contactId: contact.id, hospitalNumber, status: 'open', openKey,
      lastMessageAt: now, unreadCount: 0,
    }).orIgnore().execute();
    return repository.findOneOrFail({ where: { openKey } });
  }

  addNote(manager: EntityManager, conversation: ConversationEntity, body: string, author: { username: string; displayName: string }): Promise<MessageEntity> {
    return addNoteMessage(manager, conversation, body, author);
  }

  /** Adds a text to the conversation and moves the conversation's activity and unread count. */
  async addMessage(
    manager: EntityManager,
    conversation: ConversationEntity,
    input: NewMessage,
    now: Date,
  ): Promise<MessageEntity> {
    const messages = manager.getRepository(MessageEntity);
    const message = await messages.save(messages.create({
      conversationId: conversation.id,
      direction: input.direction,
      kind: input.kind,
      body: input.body,
      mediaJson: input.media && input.media.length > 0 ? JSON.stringify(input.media) : null,
      fromNumber: input.fromNumber,
      toNumber: input.toNumber,
      status: input.status,
      segments: input.segments,
      providerMessageId: input.providerMessageId ?? null,
      senderUsername: input.senderUsername ?? null,
      senderDisplayName: input.senderDisplayName ?? null,
      fromBlockedClient: input.fromBlockedClient ?? false,
      statusChangedAt: now,
    }));
    const countsAsUnread = input.direction === 'inbound' && !input.fromBlockedClient;
    await manager.createQueryBuilder().update(ConversationEntity)
      .set({
        lastMessageAt: now,
        lastMessagePreview: preview(input.body, input.media),
        ...(countsAsUnread ? { unreadCount: () => 'unread_count + 1' } : {}),
      })
      .where('id = :id', { id: conversation.id })
      .execute();
    return message;
  }
}

/** An internal note between staff: in the thread, never sent; it leaves the list order and unread count alone. */
export async function addNoteMessage(
  manager: EntityManager,
  conversation: ConversationEntity,
  body: string,
  author: { username: string; displayName: string },
): Promise<MessageEntity> {
  const messages = manager.getRepository(MessageEntity);
  return messages.save(messages.create({
    conversationId: conversation.id,
    direction: 'internal',
    kind: 'note',
    body,
    mediaJson: null,
    fromNumber: conversation.hospitalNumber,
    toNumber: conversation.hospitalNumber,
    status: 'note',
    segments: 0,
    senderUsername: author.username,
    senderDisplayName: author.displayName,
    statusChangedAt: new Date(),
  }));
}

function preview(body: string, media?: MessageMedia[]): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text) return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
  if (media && media.length > 0) return media.length === 1 ? '(picture)' : `(${media.length} pictures)`;
  return '';
}
