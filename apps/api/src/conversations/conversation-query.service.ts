import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import type { ListQuery } from '../common/list-query';
import { DomainError } from '../common/domain-error';
import { ContactDirectoryService } from '../contacts/contact-directory.service';
import { ContactEntity } from '../contacts/contact.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { CarrierBlockEntity } from '../opt-in/carrier-block.entity';
import { QueueAccessService, notFound } from '../queues/queue-access.service';
import { QueueEntity } from '../queues/queue.entity';
import { ConversationEntity } from './conversation.entity';
import { mapConversation, mapMessage } from './conversation.mapper';
import type { ConversationResponseDto, MessageResponseDto } from './dto/conversation-response.dto';
import { MessageEntity } from './message.entity';

export interface ConversationFilter {
  queue?: string;
  archived?: boolean;
  q?: string;
}

/** What the inbox reads: conversation lists, one conversation, its thread. */
@Injectable()
export class ConversationQueryService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: QueueAccessService,
    private readonly directory: ContactDirectoryService,
  ) {}

  /** Newest activity first. Blocked clients never appear in the open list. */
  async list(user: AuthUser, filter: ConversationFilter, page: ListQuery): Promise<{ rows: ConversationResponseDto[]; total: number }> {
    const queues = filter.queue ? [await this.access.byCode(user, filter.queue)] : await this.access.workable(user);
    if (queues.length === 0) return { rows: [], total: 0 };
    const query = this.transactions.reader.getRepository(ConversationEntity).createQueryBuilder('c')
      .innerJoin(ContactEntity, 'k', 'k.id = c.contact_id')
      .where('c.queue_id IN (:...queueIds)', { queueIds: queues.map((queue) => queue.id) })
      .andWhere('c.status = :status', { status: filter.archived ? 'archived' : 'open' });
    if (!filter.archived) query.andWhere('k.blocked_at IS NULL');
    const text = filter.q?.trim().toLowerCase();
    if (text) {
      const digits = text.replace(/\D/g, '');
      query.andWhere(digits.length >= 3
        ? '(LOWER(k.search_text) LIKE :text OR k.phone LIKE :digits OR LOWER(c.last_message_preview) LIKE :text)'
        : '(LOWER(k.search_text) LIKE :text OR LOWER(c.last_message_preview) LIKE :text)',
      { text: `%${escapeLike(text)}%`, digits: `%${digits}%` });
    }
    const sortColumn = page.sort.field === 'unreadCount' ? 'c.unread_count' : page.sort.field === 'id' ? 'c.id' : 'c.last_message_at';
    const [conversations, total] = await query
      .orderBy(sortColumn, page.sort.order)
      .addOrderBy('c.id', page.sort.order)
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return { rows: await this.mapAll(this.transactions.reader, conversations, queues), total };
  }

  async get(user: AuthUser, id: number): Promise<ConversationResponseDto> {
    const conversation = await this.findWorkable(user, id);
    const queue = await this.access.assertWorkable(user, conversation.queueId);
    const [row] = await this.mapAll(this.transactions.reader, [conversation], [queue]);
    return row;
  }

  /** Oldest first, notes included. */
  async messages(user: AuthUser, id: number, page: ListQuery): Promise<{ rows: MessageResponseDto[]; total: number }> {
    await this.findWorkable(user, id);
    const [messages, total] = await this.transactions.reader.getRepository(MessageEntity).findAndCount({
      where: { conversationId: id },
      order: { id: page.sort.order },
      skip: page.offset,
      take: page.limit,
    });
    return { rows: messages.map(mapMessage), total };
  }

  /** The conversation, when the user may work its queue; otherwise 404. */
  async findWorkable(user: AuthUser, id: number, manager: EntityManager = this.transactions.reader): Promise<ConversationEntity> {
    if (!Number.isInteger(id) || id < 1) throw new DomainError('invalid_input', 400, 'The conversation id must be a positive whole number.', { field: 'id' });
    const conversation = await manager.getRepository(ConversationEntity).findOneBy({ id });
    if (!conversation) throw notFound('conversation');
    await this.access.assertWorkable(user, conversation.queueId);
    return conversation;
  }

  async mapAll(manager: EntityManager, conversations: ConversationEntity[], queues: QueueEntity[]): Promise<ConversationResponseDto[]> {
    if (conversations.length === 0) return [];
    const contactIds = [...new Set(conversations.map((c) => c.contactId))];
    const contacts = await manager.getRepository(ContactEntity).findBy({ id: In(contactIds) });
    const blocks = await manager.getRepository(CarrierBlockEntity).findBy({ contactId: In(contactIds) });
    this.directory.refreshStale(contacts);
    const contactById = new Map(contacts.map((contact) => [contact.id, contact]));
    const codeById = new Map(queues.map((queue) => [queue.id, queue.code]));
    const missing = conversations.filter((c) => !codeById.has(c.queueId)).map((c) => c.queueId);
    if (missing.length > 0) {
      for (const queue of await manager.getRepository(QueueEntity).findBy({ id: In(missing) })) codeById.set(queue.id, queue.code);
    }
    return conversations.map((conversation) => mapConversation(conversation, {
      queueCode: codeById.get(conversation.queueId) ?? '?',
      contact: contactById.get(conversation.contactId)!,
      carrierBlocked: blocks.some((b) => b.contactId === conversation.contactId && b.hospitalNumber === conversation.hospitalNumber && b.blockedAt !== null),
    }));
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
