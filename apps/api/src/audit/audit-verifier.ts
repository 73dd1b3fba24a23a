import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { GENESIS_HASH, hashAuditRow } from './audit-chain';
import type { AuditEventEntity } from './audit-event.entity';
import { AuditRepository } from './audit.repository';

const VERIFY_BATCH = 1000;

/**
 * Why the chain breaks at a row:
 * - `hash_mismatch`: the row is not what was sealed (a column was edited);
 * - `prev_hash_mismatch`: the row does not follow the sealed row before it (a row before it was
 *   deleted, or one was put in);
 * - `unsealed_below_head`: a row without a hash lies among sealed rows (its hash was cleared, or it
 *   was inserted behind the sealer's back).
 */
export type AuditChainBreak = 'hash_mismatch' | 'prev_hash_mismatch' | 'unsealed_below_head';

export interface AuditVerification {
  ok: boolean;
  /** Sealed rows found intact, in id order, before the first broken one. */
  checked: number;
  /** Rows the sealer has not reached yet. */
  unsealed: number;
  firstBrokenId: number | null;
  reason?: AuditChainBreak;
  /**
   * The end of the chain when the walk began. The chain cannot show rows deleted from its very
   * end; keeping this elsewhere (a ticket, an e-mail) lets a later check show it.
   */
  lastSealedId: number | null;
  lastHash: string | null;
}

/** Walks the sealed rows in id order and reports the first one that breaks the chain. */
@Injectable()
export class AuditVerifier {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditRepository,
  ) {}

  async verify(): Promise<AuditVerification> {
    // Each read is a unit of work of its own: on SQLite that keeps it from seeing a batch the
    // sealer has not committed yet, and no long transaction holds anyone up.
    const head = await this.transactions.run((manager) => this.audit.findHead(manager));
    const walk = head ? await this.walk(head.id) : { checked: 0, broken: null };
    const unsealed = await this.transactions.run((manager) => this.audit.countUnsealed(manager));
    return {
      ok: walk.broken === null,
      checked: walk.checked,
      unsealed,
      firstBrokenId: walk.broken?.id ?? null,
      ...(walk.broken ? { reason: walk.broken.reason } : {}),
      lastSealedId: head?.id ?? null,
      lastHash: head?.hash ?? null,
    };
  }

  /** Only rows up to the head as it was at the start: the sealer never touches those again. */
  private async walk(headId: number): Promise<{ checked: number; broken: { id: number; reason: AuditChainBreak } | null }> {
    let prevHash = GENESIS_HASH;
    let afterId = 0;
    let checked = 0;
    for (;;) {
      const rows = await this.transactions.run((manager) => this.audit.rowsAfter(manager, afterId, VERIFY_BATCH, { lock: false, upToId: headId }));
      for (const row of rows) {
        const reason = breakAt(row, prevHash);
        if (reason) return { checked, broken: { id: row.id, reason } };
        prevHash = row.hash!;
        checked += 1;
      }
      if (rows.length < VERIFY_BATCH) return { checked, broken: null };
      afterId = rows[rows.length - 1].id;
    }
  }
}

function breakAt(row: AuditEventEntity, prevHash: string): AuditChainBreak | null {
  if (row.hash === null) return 'unsealed_below_head';
  if (!sameHash(row)) return 'hash_mismatch';
  if (row.prevHash !== prevHash) return 'prev_hash_mismatch';
  return null;
}

function sameHash(row: AuditEventEntity): boolean {
  try {
    return hashAuditRow(row, row.prevHash ?? '') === row.hash;
  } catch {
    // A value no sealed row could have had (an occurred_at edited into something that is not a date).
    return false;
  }
}
