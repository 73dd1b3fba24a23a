import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { isConflict } from '../database/transaction-runner';
import { AuditEventEntity } from './audit-event.entity';
import type { AuditRowValues } from './audit-record';

/** What a locking look at missing ids found. */
export type MissingIdsProbe = 'missing' | 'being_written' | 'committed';

/** The queries of the audit log that deserve a name; writes always take the caller's manager. */
@Injectable()
export class AuditRepository {
  async insert(manager: EntityManager, values: AuditRowValues): Promise<number> {
    const result = await manager.getRepository(AuditEventEntity).insert({ ...values, prevHash: null, hash: null });
    return Number(result.identifiers[0].id);
  }

  /** The sealed row with the highest id: the end of the chain. */
  findHead(manager: EntityManager): Promise<AuditEventEntity | null> {
    return this.rows(manager).where('a.hash IS NOT NULL').orderBy('a.id', 'DESC').limit(1).getOne();
  }

  /**
   * MySQL/MariaDB: locks one row FOR UPDATE unless another transaction holds it (SKIP LOCKED),
   * and says whether this transaction now holds it. A sealer holding the head is the only one.
   */
  async tryLock(manager: EntityManager, id: number): Promise<boolean> {
    const row = await this.rows(manager).select('a.id').where('a.id = :id', { id })
      .setLock('pessimistic_write').setOnLocked('skip_locked').getOne();
    return row !== null;
  }

  /**
   * The next rows after `afterId` in id order. With `lock` (MySQL/MariaDB), rows another
   * transaction holds — one still being inserted, or another sealer's — are skipped, and so look
   * like a gap in the ids.
   */
  rowsAfter(manager: EntityManager, afterId: number, limit: number, options: { lock: boolean; upToId?: number }): Promise<AuditEventEntity[]> {
    const query = this.rows(manager).where('a.id > :afterId', { afterId }).orderBy('a.id', 'ASC').limit(limit);
    if (options.upToId !== undefined) query.andWhere('a.id <= :upToId', { upToId: options.upToId });
    if (options.lock) query.setLock('pessimistic_write').setOnLocked('skip_locked');
    return query.getMany();
  }

  /**
   * MySQL/MariaDB: whether ids in [from, to) that no reader can see are still being inserted. A
   * row being inserted is locked by its transaction, so a NOWAIT lock on it fails at once; an id
   * whose insert was rolled back has no row at all. (READ COMMITTED takes no gap locks, so this
   * never blocks a writer.)
   */
  async probeMissing(manager: EntityManager, from: number, to: number): Promise<MissingIdsProbe> {
    try {
      const rows = await this.rows(manager).select('a.id').where('a.id >= :from AND a.id < :to', { from, to })
        .setLock('pessimistic_write').setOnLocked('nowait').getMany();
      return rows.length === 0 ? 'missing' : 'committed';
    } catch (error) {
      // MariaDB answers NOWAIT with a lock wait timeout, MySQL with ER_LOCK_NOWAIT; either leaves the transaction usable.
      if (isConflict(error) || lockNowaitCode(error)) return 'being_written';
      throw error;
    }
  }

  /** Seals one row; fails (rolling the batch back) if another sealer got there first. */
  async seal(manager: EntityManager, id: number, prevHash: string, hash: string): Promise<void> {
    const result = await manager.createQueryBuilder().update(AuditEventEntity).set({ prevHash, hash })
      .where('id = :id AND hash IS NULL', { id }).execute();
    if (result.affected !== 1) throw new Error(`Audit row ${id} was sealed by someone else meanwhile`);
  }

  async hasUnsealed(manager: EntityManager): Promise<boolean> {
    return (await this.rows(manager).select('a.id').where('a.hash IS NULL').limit(1).getOne()) !== null;
  }

  countUnsealed(manager: EntityManager): Promise<number> {
    return this.rows(manager).where('a.hash IS NULL').getCount();
  }

  private rows(manager: EntityManager): SelectQueryBuilder<AuditEventEntity> {
    return manager.getRepository(AuditEventEntity).createQueryBuilder('a');
  }
}

function lockNowaitCode(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string } })?.driverError;
  return (driverError?.code ?? (error as { code?: string })?.code) === 'ER_LOCK_NOWAIT';
}
