import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SANDI_ADAPTER, type SandiAdapter } from '@ivm/sandi-adapter';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { toE164 } from '../common/phone';
import { ContactEntity } from '../contacts/contact.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent, PendingEvents } from '../events/domain-events';
import { CarrierBlockEntity } from '../opt-in/carrier-block.entity';
import { OutboxService } from '../outbox/outbox.service';
import { QueueAccessService, notFound } from '../queues/queue-access.service';
import type { QueueEntity } from '../queues/queue.entity';
import type { RequestContext } from './conversation-actions.service';
import { ConversationEntity } from './conversation.entity';
import { mapMessage, replyBlock } from './conversation.mapper';
import { ConversationQueryService } from './conversation-query.service';
import { ConversationsService } from './conversations.service';
import type { MessageResponseDto } from './dto/conversation-response.dto';
import { MessageEntity } from './message.entity';

export const MAX_BODY_LENGTH = 1600;
const RESENDABLE = ['failed', 'undelivered', 'canceled'];

/** Staff texting clients: replies, resends, and starting a conversation with an opted-in client. */
@Injectable()
export class StaffMessagingService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly query: ConversationQueryService,
    private readonly access: QueueAccessService,
    private readonly conversations: ConversationsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    @Inject(SANDI_ADAPTER) private readonly sandi: SandiAdapter,
  ) {}

  /** Queues a staff reply from the number the client texted. Refused with 409 when the client cannot receive it. */
  reply(context: RequestContext, conversationId: number, body: string): Promise<MessageResponseDto> {
    const text = checkBody(body);
    return this.sendInTransaction(context, 'message.sent', async (manager) => {
      const conversation = await this.query.findWorkable(context.user, conversationId, manager);
      return { conversation, queue: await this.access.assertWorkable(context.user, conversation.queueId), body: text };
    });
  }

  /** Sends a text that was not delivered again, as a new text. */
  resend(context: RequestContext, messageId: number): Promise<MessageResponseDto> {
    return this.sendInTransaction(context, 'message.resent', async (manager) => {
      const original = await manager.getRepository(MessageEntity).findOneBy({ id: messageId });
      if (!original) throw notFound('message');
      const conversation = await this.query.findWorkable(context.user, original.conversationId, manager).catch(() => { throw notFound('message'); });
      const queue = await this.access.assertWorkable(context.user, conversation.queueId, 'message');
      if (original.direction !== 'outbound' || !RESENDABLE.includes(original.status)) {
        throw new DomainError('not_resendable', 409, 'Only a text that was not delivered can be sent again.');
      }
      return { conversation, queue, body: original.body, details: { resentMessageId: original.id } };
    });
  }

  /** Starts (or continues) a conversation with a SANDI client's cell phone; only an opted-in phone can be texted first. */
  async start(context: RequestContext, input: { queue: string; sandiClientId?: string; phone?: string; body: string }): Promise<MessageResponseDto> {
    const text = checkBody(input.body);
    const queue = await this.access.byCode(context.user, input.queue);
    const phone = await this.phoneFor(input);
    return this.sendInTransaction(context, 'message.sent', async (manager) => {
      const contact = await manager.getRepository(ContactEntity).findOneBy({ phone });
      if (!contact || contact.consentState !== 'opted_in') {
        throw new DomainError('not_opted_in', 409, `This client has not opted in to texts. Ask them to text ${queue.code} at ${queue.phoneNumber} first; IVM will ask them to reply YES.`);
      }
      const conversation = await this.conversations.conversationFor(manager, queue, contact, queue.phoneNumber, new Date());
      if (input.sandiClientId && !conversation.sandiClientId) {
        await manager.getRepository(ConversationEntity).update({ id: conversation.id }, { sandiClientId: input.sandiClientId });
      }
      return { conversation, queue, body: text, details: { started: true } };
    });
  }

  private async sendInTransaction(
    context: RequestContext,
    action: string,
    prepare: (manager: EntityManager) => Promise<{ conversation: ConversationEntity; queue: QueueEntity; body: string; details?: Record<string, unknown> }>,
  ): Promise<MessageResponseDto> {
    const events = new PendingEvents();
    const message = await this.transactions.run(async (manager) => {
      const { conversation, queue, body, details } = await prepare(manager);
      const contact = await manager.getRepository(ContactEntity).findOneByOrFail({ id: conversation.contactId });
      const carrierBlocked = Boolean(await manager.getRepository(CarrierBlockEntity).findOneBy({
        contactId: contact.id, hospitalNumber: conversation.hospitalNumber, blockedAt: Not(IsNull()),
      }));
      const block = replyBlock(conversation, { queueCode: queue.code, contact, carrierBlocked });
      if (block) throw new DomainError(block.code, 409, block.reason);
      const now = new Date();
      const queued = await this.outbox.enqueue(manager, conversation, contact, {
        kind: 'staff', body, senderUsername: context.user.username, senderDisplayName: context.user.displayName,
      }, now);
      // Answering the client is reading them.
      await manager.getRepository(ConversationEntity).update({ id: conversation.id }, { unreadCount: 0, lastReadAt: now, lastReadBy: context.user.username });
      await this.audit.record(manager, {
        actorType: 'user', actor: context.user.username, action, entityType: 'message', entityId: String(queued.id),
        queueCode: queue.code, subject: contact.phone, ipAddress: context.ipAddress,
        details: { conversationId: conversation.id, segments: queued.segments, from: queued.fromNumber, ...details },
      });
      events.add(DomainEvent.MessageCreated, { messageId: queued.id, conversationId: conversation.id, queueId: conversation.queueId });
      events.add(DomainEvent.ConversationUpdated, { conversationId: conversation.id, queueId: conversation.queueId });
      events.add(DomainEvent.OutboxEnqueued, {});
      return queued;
    });
    events.publish(this.events);
    return mapMessage(message);
  }

  private async phoneFor(input: { sandiClientId?: string; phone?: string }): Promise<string> {
    if (input.phone) {
      const phone = toE164(input.phone);
      if (!phone) throw new DomainError('invalid_input', 400, `"${input.phone}" is not a phone number.`, { field: 'phone' });
      return phone;
    }
    if (!input.sandiClientId) throw new DomainError('invalid_input', 400, 'Give the SANDI client (sandiClientId) or a phone number.', { field: 'sandiClientId' });
    const client = await this.sandi.getClient(input.sandiClientId);
    if (!client) throw new DomainError('sandi_client_not_found', 404, `SANDI has no client ${input.sandiClientId}.`, { field: 'sandiClientId' });
    const cell = client.phones.find((phone) => phone.type === 'cell');
    if (!cell) throw new DomainError('no_cell_phone', 409, `${client.displayName} has no cell phone in SANDI: IVM can only text a cell phone.`);
    return cell.number;
  }
}

function checkBody(body: string): string {
  const text = typeof body === 'string' ? body.trim() : '';
  if (!text) throw new DomainError('invalid_input', 400, 'Type a message before sending.', { field: 'body' });
  if (text.length > MAX_BODY_LENGTH) {
    throw new DomainError('invalid_input', 400, `The message is ${text.length} characters; a text can be at most ${MAX_BODY_LENGTH}.`, { field: 'body' });
  }
  return text;
}

