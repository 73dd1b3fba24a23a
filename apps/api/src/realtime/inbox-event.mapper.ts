import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { ConversationEntity } from '../conversations/conversation.entity';
import { ConversationQueryService } from '../conversations/conversation-query.service';
import { mapMessage } from '../conversations/conversation.mapper';
import type { ConversationResponseDto, MessageResponseDto } from '../conversations/dto/conversation-response.dto';
import { MessageEntity } from '../conversations/message.entity';
import { TransactionRunner } from '../database/transaction-runner';
import type { ConversationEventPayload, MessageEventPayload } from '../events/domain-events';
import { QueueEntity } from '../queues/queue.entity';

interface Routed<T> {
  queueCode: string;
  body: T;
}

/** Turns domain events into the payloads the inbox receives: the same shapes as the REST responses. */
@Injectable()
export class InboxEventMapper {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly conversations: ConversationQueryService,
  ) {}

  async messageCreated(event: MessageEventPayload): Promise<Routed<{ message: MessageResponseDto; conversation: ConversationResponseDto }> | null> {
    const message = await this.transactions.reader.getRepository(MessageEntity).findOneBy({ id: event.messageId });
    const conversation = await this.conversation(event.conversationId, event.queueId);
    if (!message || !conversation) return null;
    return { queueCode: conversation.queueCode, body: { message: mapMessage(message), conversation: conversation.body } };
  }

  async messageUpdated(event: MessageEventPayload): Promise<Routed<{ message: MessageResponseDto }> | null> {
    const message = await this.transactions.reader.getRepository(MessageEntity).findOneBy({ id: event.messageId });
    if (!message) return null;
    return { queueCode: await this.codeOf(event.queueId), body: { message: mapMessage(message) } };
  }

  /** Sent to the queue named in the event: after a move, to the old queue too, so its lists drop the conversation. */
  async conversationUpdated(event: ConversationEventPayload): Promise<Routed<{ conversation: ConversationResponseDto }> | null> {
    const conversation = await this.conversation(event.conversationId, event.queueId);
    if (!conversation) return null;
    return { queueCode: conversation.queueCode, body: { conversation: conversation.body } };
  }

  /** The conversation's queue code when the user may work it, else null. */
  async queueCodeFor(user: AuthUser, conversationId: number): Promise<string | null> {
    const code = await this.queueCodeOf(conversationId);
    return code && user.queueRoles[code] ? code : null;
  }

  async queueCodeOf(conversationId: number): Promise<string | null> {
    const conversation = await this.transactions.reader.getRepository(ConversationEntity).findOne({ where: { id: conversationId }, select: { id: true, queueId: true } });
    return conversation ? this.codeOf(conversation.queueId) : null;
  }

  /** The conversation in its REST shape, and the code of the queue the event is for, from one read of the queues. */
  private async conversation(id: number, eventQueueId: number): Promise<{ body: ConversationResponseDto; queueCode: string } | null> {
    const reader = this.transactions.reader;
    const conversation = await reader.getRepository(ConversationEntity).findOneBy({ id });
    if (!conversation) return null;
    const queues = await reader.getRepository(QueueEntity).find();
    const [body] = await this.conversations.mapAll(reader, [conversation], queues);
    return { body, queueCode: queues.find((queue) => queue.id === eventQueueId)?.code ?? '' };
  }

  private async codeOf(queueId: number): Promise<string> {
    const queue = await this.transactions.reader.getRepository(QueueEntity).findOne({ where: { id: queueId }, select: { id: true, code: true } });
    return queue?.code ?? '';
  }
}
