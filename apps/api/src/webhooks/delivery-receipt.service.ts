import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { StatusUpdate } from '@ivm/messaging-provider';
import { ConversationEntity } from '../conversations/conversation.entity';
import { MessageStatusService } from '../conversations/message-status.service';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent, PendingEvents } from '../events/domain-events';

@Injectable()
export class DeliveryReceiptService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly statuses: MessageStatusService,
    private readonly events: EventEmitter2,
  ) {}

  /** Stores a delivery receipt and moves the text's status forward (never back). */
  async receive(update: StatusUpdate, providerStatus: string): Promise<void> {
    const events = new PendingEvents();
    await this.transactions.run(async (manager) => {
      const changed = await this.statuses.recordReceipt(manager, update, providerStatus);
      if (!changed) return;
      const conversation = await manager.getRepository(ConversationEntity).findOneByOrFail({ id: changed.conversationId });
      events.add(DomainEvent.MessageUpdated, { messageId: changed.id, conversationId: conversation.id, queueId: conversation.queueId });
    });
    events.publish(this.events);
  }
}
