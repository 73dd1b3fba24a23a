import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { countSmsSegments } from '@ivm/messaging-provider';
import type { ContactEntity } from '../contacts/contact.entity';
import type { ConversationEntity } from '../conversations/conversation.entity';
import { ConversationsService } from '../conversations/conversations.service';
import type { MessageEntity, MessageKind } from '../conversations/message.entity';
import { OutboxItemEntity } from './outbox-item.entity';

export interface OutboundRequest {
  kind: Exclude<MessageKind, 'client'>;
  body: string;
  senderUsername?: string | null;
  senderDisplayName?: string | null;
}

/**
 * Every outbound text is a message and an outbox row written in the caller's transaction, before
 * anything is sent: a crash after commit loses nothing, and a rollback sends nothing.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly conversations: ConversationsService) {}

  async enqueue(
    manager: EntityManager,
    conversation: ConversationEntity,
    contact: ContactEntity,
    request: OutboundRequest,
    now: Date,
  ): Promise<MessageEntity> {
    const segments = countSmsSegments(request.body);
    const message = await this.conversations.addMessage(manager, conversation, {
      direction: 'outbound',
      kind: request.kind,
      body: request.body,
      // Replies leave from the number the client texted, even when the conversation moved queue.
      fromNumber: conversation.hospitalNumber,
      toNumber: contact.phone,
      status: 'queued',
      segments,
      senderUsername: request.senderUsername,
      senderDisplayName: request.senderDisplayName,
    }, now);
    await manager.getRepository(OutboxItemEntity).insert({
      messageId: message.id,
      fromNumber: message.fromNumber,
      toNumber: message.toNumber,
      segments,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
    });
    return message;
  }
}
