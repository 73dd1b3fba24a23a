import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SANDI_ADAPTER, type SandiAdapter } from '@ivm/sandi-adapter';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { ContactEntity } from '../contacts/contact.entity';
import { readCachedClients } from '../contacts/sandi-cache';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent, PendingEvents } from '../events/domain-events';
import { QueueAccessService } from '../queues/queue-access.service';
import { QueuesService } from '../queues/queues.service';
import { ConversationEntity, openConversationKey } from './conversation.entity';
import { ConversationQueryService } from './conversation-query.service';
import { ConversationsService } from './conversations.service';
import type { ConversationResponseDto, MessageResponseDto } from './dto/conversation-response.dto';
import { mapMessage } from './conversation.mapper';

export interface RequestContext {
  user: AuthUser;
  ipAddress: string | null;
}

/** What staff do to a conversation besides texting: read, archive, move, link, note. Each is audited. */
@Injectable()
export class ConversationActionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly query: ConversationQueryService,
    private readonly access: QueueAccessService,
    private readonly queues: QueuesService,
    private readonly conversations: ConversationsService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    @Inject(SANDI_ADAPTER) private readonly sandi: SandiAdapter,
  ) {}

  markRead(context: RequestContext, id: number): Promise<ConversationResponseDto> {
    return this.change(context, id, 'conversation.read', async (manager, conversation) => {
      await manager.getRepository(ConversationEntity).update({ id }, { unreadCount: 0, lastReadAt: new Date(), lastReadBy: context.user.username });
      return { unreadBefore: conversation.unreadCount };
    });
  }

  /** Closes the conversation: the client's next text starts a new one. */
  archive(context: RequestContext, id: number): Promise<ConversationResponseDto> {
    return this.change(context, id, 'conversation.archived', async (manager, conversation) => {
      if (conversation.status === 'archived') throw new DomainError('already_archived', 409, 'This conversation is already archived.');
      await manager.getRepository(ConversationEntity).update({ id }, { status: 'archived', openKey: null, archivedAt: new Date(), unreadCount: 0 });
      return {};
    });
  }

  unarchive(context: RequestContext, id: number): Promise<ConversationResponseDto> {
    return this.change(context, id, 'conversation.unarchived', async (manager, conversation) => {
      if (conversation.status === 'open') throw new DomainError('not_archived', 409, 'This conversation is not archived.');
      const contact = await manager.getRepository(ContactEntity).findOneByOrFail({ id: conversation.contactId });
      if (contact.blockedAt) throw new DomainError('client_blocked', 409, 'This client is blocked: unblock them before reopening their conversation.');
      const openKey = openConversationKey(conversation.hospitalNumber, conversation.contactId);
      const open = await manager.getRepository(ConversationEntity).findOneBy({ openKey });
      if (open) {
        throw new DomainError('open_conversation_exists', 409, 'The client has texted again since: their newer conversation is open. Reply there.', { openConversationId: open.id });
      }
      await manager.getRepository(ConversationEntity).update({ id }, { status: 'open', openKey, archivedAt: null });
      return {};
    });
  }

  /** A text that reached the wrong queue moves to the right one; replies still leave from the number the client texted. */
  move(context: RequestContext, id: number, queueCode: string): Promise<ConversationResponseDto> {
    return this.change(context, id, 'conversation.moved', async (manager, conversation) => {
      const target = await this.queues.findByCode(queueCode);
      if (!target) throw new DomainError('queue_not_found', 404, `There is no queue ${queueCode.toUpperCase()}.`, { field: 'queue' });
      if (target.id === conversation.queueId) throw new DomainError('same_queue', 409, `This conversation is already in ${target.code}.`);
      const from = await this.queues.findById(conversation.queueId);
      await manager.getRepository(ConversationEntity).update({ id }, { queueId: target.id });
      return { from: from?.code, to: target.code, previousQueueId: conversation.queueId };
    });
  }

  /** Links the conversation to one SANDI client: the transcript header and the title use it. */
  link(context: RequestContext, id: number, sandiClientId: string): Promise<ConversationResponseDto> {
    return this.change(context, id, 'conversation.linked', async (manager, conversation) => {
      const client = await this.sandi.getClient(sandiClientId);
      if (!client) throw new DomainError('sandi_client_not_found', 404, `SANDI has no client ${sandiClientId}.`, { field: 'sandiClientId' });
      const contact = await manager.getRepository(ContactEntity).findOneByOrFail({ id: conversation.contactId });
      // A client picked by search joins the cached matches, so lists show the name from now on.
      const cached = readCachedClients(contact.sandiMatchesJson);
      if (!cached.some((entry) => entry.id === client.id)) {
        cached.push({ id: client.id, displayName: client.displayName, patients: client.patients.map(({ id: pid, name, species }) => ({ id: pid, name, species })) });
        await manager.getRepository(ContactEntity).update({ id: contact.id }, { sandiMatchesJson: JSON.stringify(cached) });
      }
      await manager.getRepository(ConversationEntity).update({ id }, { sandiClientId: client.id });
      return { sandiClientId: client.id, previous: conversation.sandiClientId };
    });
  }

  async addNote(context: RequestContext, id: number, body: string): Promise<MessageResponseDto> {
    const events = new PendingEvents();
    const note = await this.transactions.run(async (manager) => {
      const conversation = await this.query.findWorkable(context.user, id, manager);
      const queue = await this.access.assertWorkable(context.user, conversation.queueId);
      const message = await this.conversations.addNote(manager, conversation, body, context.user);
      await this.audit.record(manager, {
        actorType: 'user', actor: context.user.username, action: 'note.added', entityType: 'message', entityId: String(message.id),
        queueCode: queue.code, ipAddress: context.ipAddress, details: { conversationId: id },
      });
      events.add(DomainEvent.MessageCreated, { messageId: message.id, conversationId: id, queueId: conversation.queueId });
      return message;
    });
    events.publish(this.events);
    return mapMessage(note);
  }

  /** Runs one audited change to a conversation the user may work, then answers with the conversation as it is now. */
  private async change(
    context: RequestContext,
    id: number,
    action: string,
    apply: (manager: EntityManager, conversation: ConversationEntity) => Promise<Record<string, unknown>>,
  ): Promise<ConversationResponseDto> {
    const events = new PendingEvents();
    await this.transactions.run(async (manager) => {
      const conversation = await this.query.findWorkable(context.user, id, manager);
      const queue = await this.access.assertWorkable(context.user, conversation.queueId);
      const details = await apply(manager, conversation);
      await this.audit.record(manager, {
        actorType: 'user', actor: context.user.username, action, entityType: 'conversation', entityId: String(id),
        queueCode: queue.code, ipAddress: context.ipAddress, details,
      });
      const after = await manager.getRepository(ConversationEntity).findOneByOrFail({ id });
      events.add(DomainEvent.ConversationUpdated, { conversationId: id, queueId: after.queueId });
      if (after.queueId !== conversation.queueId) events.add(DomainEvent.ConversationUpdated, { conversationId: id, queueId: conversation.queueId });
    });
    events.publish(this.events);
    return this.readBack(context.user, id, action);
  }

  /** A user who moved a conversation out of their queues may no longer read it: answer with what it became. */
  private async readBack(user: AuthUser, id: number, action: string): Promise<ConversationResponseDto> {
    if (action !== 'conversation.moved') return this.query.get(user, id);
    const conversation = await this.transactions.reader.getRepository(ConversationEntity).findOneByOrFail({ id });
    const queue = await this.queues.findById(conversation.queueId);
    const [row] = await this.query.mapAll(this.transactions.reader, [conversation], queue ? [queue] : []);
    return row;
  }
}
