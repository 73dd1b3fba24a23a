import { Injectable } from '@nestjs/common';
import { ContactEntity } from '../contacts/contact.entity';
import { ConversationEntity } from '../conversations/conversation.entity';
import { TransactionRunner } from '../database/transaction-runner';

export interface QueueCounts {
  openCount: number;
  unreadConversations: number;
  unreadCount: number;
}

@Injectable()
export class QueueStatsService {
  constructor(private readonly transactions: TransactionRunner) {}

  /** Open conversations and unread texts per queue, leaving out blocked clients as the open list does. */
  async counts(queueIds: number[]): Promise<Map<number, QueueCounts>> {
    if (queueIds.length === 0) return new Map();
    const rows = await this.transactions.reader.getRepository(ConversationEntity).createQueryBuilder('c')
      .innerJoin(ContactEntity, 'k', 'k.id = c.contact_id')
      .select('c.queue_id', 'queueId')
      .addSelect('COUNT(*)', 'openCount')
      .addSelect('SUM(CASE WHEN c.unread_count > 0 THEN 1 ELSE 0 END)', 'unreadConversations')
      .addSelect('SUM(c.unread_count)', 'unreadCount')
      .where('c.queue_id IN (:...queueIds)', { queueIds })
      .andWhere("c.status = 'open'")
      .andWhere('k.blocked_at IS NULL')
      .groupBy('c.queue_id')
      .getRawMany<{ queueId: number; openCount: string; unreadConversations: string; unreadCount: string }>();
    return new Map(rows.map((row) => [Number(row.queueId), {
      openCount: Number(row.openCount),
      unreadConversations: Number(row.unreadConversations ?? 0),
      unreadCount: Number(row.unreadCount ?? 0),
    }]));
  }
}
