import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

const MAX_CONFLICT_RETRIES = 5;

/**
 * Runs units of work in a transaction.
 *
 * SQLite has one connection and one writer: concurrent transactions on it would interleave their
 * statements, so they are queued here and run one at a time. MySQL/MariaDB run them concurrently
 * at READ COMMITTED (a retried unit sees rows other transactions committed meanwhile), and a unit
 * that loses a race — a duplicate key or a deadlock — is run again from the start.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);
  private tail: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isMySql(): boolean {
    return this.dataSource.options.type === 'mysql' || this.dataSource.options.type === 'mariadb';
  }

  /** For reads outside a unit of work (they may see another unit's uncommitted rows on SQLite). */
  get reader(): EntityManager {
    return this.dataSource.manager;
  }

  /** Runs `work` in a transaction. Do not call `run` again inside `work`: on SQLite that would wait on itself. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isMySql) return this.serialize(() => this.dataSource.transaction(work));
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', work);
      } catch (error) {
        if (!isConflict(error) || attempt >= MAX_CONFLICT_RETRIES) throw error;
        this.logger.debug(`Transaction conflict (${conflictCode(error)}), retrying (attempt ${attempt + 1})`);
      }
    }
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

function conflictCode(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: string } })?.driverError;
  return driverError?.code ?? (error as { code?: string })?.code;
}

/** A lost race on MySQL/MariaDB: safe to run the unit of work again. */
export function isConflict(error: unknown): boolean {
  const code = conflictCode(error);
  return code === 'ER_DUP_ENTRY' || code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}

/** A unique-key violation on either driver. */
export function isUniqueViolation(error: unknown): boolean {
  const code = conflictCode(error);
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
