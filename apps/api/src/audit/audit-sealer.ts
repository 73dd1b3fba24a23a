import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { BackgroundLoop } from '../common/background-loop';
import { APP_CONFIG } from '../config/config.module';
import { TransactionRunner } from '../database/transaction-runner';
import { GENESIS_HASH, hashAuditRow } from './audit-chain';
import { AuditRepository } from './audit.repository';

const SEAL_BATCH = 500;

type BatchOutcome = { sealed: number; more: boolean };

/**
 * Chains audit rows in id order, shortly after they are written, so writers never queue behind
 * one another for the previous hash. Any number of instances may run it: there is one chain.
 *
 * Ids are taken at insert, but on MySQL/MariaDB a lower id may commit after a higher one. So a
 * turn seals only a contiguous run of ids after the head (the sealed row with the highest id) and
 * stops at the first missing id. A missing id is either still being inserted (it will appear) or
 * was rolled back (it never will). Once the same gap has held sealing up for
 * `AUDIT_SEAL_GAP_GRACE_MS`, the sealer seals past it — on MySQL/MariaDB only after a NOWAIT lock
 * on the missing ids shows that no transaction is still inserting one, so a slow writer is waited
 * for however long it takes and its row does not end up unsealed below the head (the grace only
 * has to outlast the instant between InnoDB handing out an id and writing the row). (SQLite runs
 * one unit of work at a time, so there a gap only ever means a row that is gone.) The grace is
 * timed by this instance's clock from when it first saw the gap; other instances time their own.
 *
 * Concurrency on MySQL/MariaDB: a turn locks the head row and then the batch (FOR UPDATE SKIP
 * LOCKED), and seals only when it holds the head and every batch row it read under lock is
 * unsealed; each UPDATE also requires `hash IS NULL`. A second sealer finds the head locked and
 * leaves the turn to the first.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  private readonly loop: BackgroundLoop;
  /** The first missing id this instance is waiting on, and since when. */
  private gap: { from: number; since: number } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditRepository,
  ) {
    this.loop = new BackgroundLoop('Audit sealing', async () => {
      await this.drainOnce();
      return false;
    }, config.audit.sealIntervalMs, this.logger);
  }

  onApplicationBootstrap(): void {
    if (!this.config.audit.sealerEnabled) {
      this.logger.log('The audit sealer is off on this instance (AUDIT_SEALER_ENABLED=false).');
      return;
    }
    this.loop.start();
  }

  /** Stops after the batch in hand, which commits or rolls back whole. */
  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Seals every row that may be sealed now, batch by batch; answers how many it sealed. */
  async drainOnce(): Promise<number> {
    // Most turns find nothing: ask without a transaction first.
    if (!(await this.audit.hasUnsealed(this.transactions.reader))) return 0;
    let total = 0;
    for (;;) {
      const { sealed, more } = await this.transactions.run((manager) => this.sealBatch(manager));
      total += sealed;
      if (!more) return total;
    }
  }

  private async sealBatch(manager: EntityManager): Promise<BatchOutcome> {
    const lock = this.transactions.isMySql;
    const head = await this.audit.findHead(manager);
    if (head && lock && !(await this.audit.tryLock(manager, head.id))) return { sealed: 0, more: false };
    const rows = await this.audit.rowsAfter(manager, head?.id ?? 0, SEAL_BATCH, { lock });
    let prevHash = head?.hash ?? GENESIS_HASH;
    let expectedId = (head?.id ?? 0) + 1;
    let sealed = 0;
    for (const row of rows) {
      // Our head was not the head any more: another sealer moved on; the next turn starts from its head.
      if (row.hash !== null) return { sealed, more: false };
      if (row.id !== expectedId) {
        // Commit what is sealed first: the gap is then looked at by a unit of work that has written nothing.
        if (sealed > 0) return { sealed, more: true };
        if (!(await this.mayPassGap(manager, expectedId, row.id))) return { sealed, more: false };
      }
      const hash = hashAuditRow(row, prevHash);
      await this.audit.seal(manager, row.id, prevHash, hash);
      prevHash = hash;
      expectedId = row.id + 1;
      sealed += 1;
    }
    return { sealed, more: rows.length === SEAL_BATCH };
  }

  /** Whether ids [from, to) may be treated as never committed, so `to` is sealed next. */
  private async mayPassGap(manager: EntityManager, from: number, to: number): Promise<boolean> {
    const now = Date.now();
    if (this.gap?.from !== from) {
      this.gap = { from, since: now };
      if (this.config.audit.sealGapGraceMs > 0) return false;
    }
    if (now - this.gap.since < this.config.audit.sealGapGraceMs) return false;
    if (this.transactions.isMySql) {
      const probe = await this.audit.probeMissing(manager, from, to);
      // Committed meanwhile (now in view) or still being inserted: either way, not a gap to pass.
      if (probe !== 'missing') return false;
    }
    this.logger.warn(`Audit ${describeIds(from, to)} never committed (rolled back or removed): the chain goes on from ${to}.`);
    this.gap = null;
    return true;
  }
}

function describeIds(from: number, to: number): string {
  return to - from === 1 ? `id ${from}` : `ids ${from}–${to - 1}`;
}
