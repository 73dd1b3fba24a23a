import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { MessageEntity } from '../conversations/message.entity';
import { OutboxItemEntity, type OutboxState } from './outbox-item.entity';
import { SenderRateEntity } from './sender-rate.entity';

export interface OutboxClaim {
  item: OutboxItemEntity;
  /** Identifies this claim: finishing updates only apply while the item still carries it. */
  token: string;
  /** The item's earlier attempt may have reached the provider: look it up before sending. */
  reconcile: boolean;
  /** The send slot the rate limit reserved for it. */
  notBefore: Date;
}

export interface ClaimOptions {
  workerId: string;
  now: Date;
  limit: number;
  leaseMs: number;
  segmentsPerSecond: number;
  /** How far ahead send slots may be reserved in one claim. */
  horizonMs: number;
}

/**
 * The outbox's queries. Claims are safe with several API instances: on MySQL/MariaDB due rows
 * are locked with FOR UPDATE SKIP LOCKED and each number's rate row with FOR UPDATE, so two
 * workers never take one row and the per-number rate holds across instances; SQLite has one writer.
 */
@Injectable()
export class OutboxRepository {
  constructor(private readonly transactions: TransactionRunner) {}

  claimDue(options: ClaimOptions): Promise<OutboxClaim[]> {
    return this.transactions.run(async (manager) => {
      const due = await this.lockDueItems(manager, options);
      const claims: OutboxClaim[] = [];
      for (const [number, items] of groupByNumber(due)) {
        let slot = await this.lockNextSlot(manager, number, options.now);
        for (const item of items) {
          if (slot.getTime() > options.now.getTime() + options.horizonMs) break;
          const reconcile = item.state === 'unknown' || item.state === 'sending';
          const token = `${options.workerId}:${item.attempts + 1}`;
          await manager.getRepository(OutboxItemEntity).update({ id: item.id }, {
            state: 'sending',
            attempts: item.attempts + 1,
            claimedBy: token,
            leaseUntil: new Date(options.now.getTime() + options.leaseMs),
            firstAttemptAt: item.firstAttemptAt ?? options.now,
          });
          await manager.getRepository(MessageEntity).update({ id: item.messageId, status: 'queued' }, { status: 'sending', statusChangedAt: options.now });
          claims.push({ item: { ...item, attempts: item.attempts + 1, claimedBy: token }, token, reconcile, notBefore: slot });
          // Whole milliseconds, rounded up: the database keeps milliseconds and the rate must never be exceeded.
          slot = new Date(Math.max(slot.getTime(), options.now.getTime()) + Math.ceil((item.segments * 1000) / options.segmentsPerSecond));
        }
        await manager.getRepository(SenderRateEntity).update({ hospitalNumber: number }, { nextSlotAt: slot });
      }
      return claims;
    });
  }

  /**
   * Finishes a claim: `changes` apply only while the item is still this claim's (a worker that
   * lost its lease must not overwrite the worker that took over). True when it applied.
   */
  async finish(manager: EntityManager, claim: OutboxClaim, state: OutboxState, changes: Partial<OutboxItemEntity> = {}): Promise<boolean> {
    const result = await manager.getRepository(OutboxItemEntity).update(
      { id: claim.item.id, claimedBy: claim.token, state: 'sending' },
      { ...changes, state, leaseUntil: null },
    );
    return (result.affected ?? 0) > 0;
  }

  /** The earliest moment a pending item becomes due, to sleep until then. */
  async nextDueAt(manager: EntityManager): Promise<Date | null> {
    const row = await manager.getRepository(OutboxItemEntity).findOne({
      where: { state: In(['pending', 'unknown']) },
      order: { nextAttemptAt: 'ASC' },
      select: { id: true, nextAttemptAt: true },
    });
    return row?.nextAttemptAt ?? null;
  }

  private async lockDueItems(manager: EntityManager, options: ClaimOptions): Promise<OutboxItemEntity[]> {
    const query = manager.getRepository(OutboxItemEntity).createQueryBuilder('item')
      .where('(item.state IN (:...waiting) AND item.next_attempt_at <= :now)', { waiting: ['pending', 'unknown'], now: options.now })
      .orWhere('(item.state = :sending AND item.lease_until <= :now)', { sending: 'sending', now: options.now })
      .orderBy('item.id', 'ASC')
      .limit(options.limit);
    if (this.transactions.isMySql) query.setLock('pessimistic_write').setOnLocked('skip_locked');
    return query.getMany();
  }

  private async lockNextSlot(manager: EntityManager, hospitalNumber: string, now: Date): Promise<Date> {
    await manager.createQueryBuilder().insert().into(SenderRateEntity)
      .values({ hospitalNumber, nextSlotAt: now }).orIgnore().execute();
    const query = manager.getRepository(SenderRateEntity).createQueryBuilder('rate')
      .where('rate.hospital_number = :hospitalNumber', { hospitalNumber });
    if (this.transactions.isMySql) query.setLock('pessimistic_write');
    const rate = await query.getOneOrFail();
    return new Date(Math.max(rate.nextSlotAt.getTime(), now.getTime()));
  }
}

function groupByNumber(items: OutboxItemEntity[]): Map<string, OutboxItemEntity[]> {
  const groups = new Map<string, OutboxItemEntity[]>();
  for (const number of [...new Set(items.map((item) => item.fromNumber))].sort()) {
    groups.set(number, items.filter((item) => item.fromNumber === number));
  }
  return groups;
}
