import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { filterInstant, filterValues, parseListQuery, type ListQuery } from '../common/list-query';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionRunner } from '../database/transaction-runner';
import { auditCsvHeader, auditCsvLine } from './audit-csv';
import { AuditEventEntity } from './audit-event.entity';
import { toAuditRow, type AuditRecord } from './audit-record';
import { AuditRepository } from './audit.repository';
import { mapAuditEvent, type AuditEventResponseDto } from './dto/audit-event-response.dto';

export type { AuditRecord } from './audit-record';

const SORT_COLUMNS = {
  id: 'a.id',
  occurredAt: 'a.occurred_at',
  action: 'a.action',
  actor: 'a.actor',
  actorType: 'a.actor_type',
  entityType: 'a.entity_type',
  queue: 'a.queue_code',
} as const;
type AuditSortField = keyof typeof SORT_COLUMNS;

/** Filters of `GET /api/audit-events`; `from`/`to` take an ISO time or a hospital-time day. */
export const AUDIT_FILTERS = ['id', 'action', 'actor', 'actorType', 'queue', 'entityType', 'entityId', 'subject', 'from', 'to'] as const;

// Exact-match filters and their columns. Usernames and phones are compared without case, the
// same on SQLite (case-sensitive `=`) as on MySQL (a case-insensitive collation).
const EXACT_FILTERS = { action: 'a.action', actorType: 'a.actor_type', entityType: 'a.entity_type', entityId: 'a.entity_id' } as const;
const CASELESS_FILTERS = { actor: 'a.actor', subject: 'a.subject' } as const;

const CSV_BATCH = 1000;
const MAX_CSV_ROWS = 100_000;

export interface AuditEventPage {
  rows: AuditEventResponseDto[];
  offset: number;
  total: number;
}

/**
 * The audit log: every state change, written in the transaction of the change itself, so a change
 * and its record commit or roll back together. Rows are append-only; `AuditSealer` chains them.
 */
@Injectable()
export class AuditService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditRepository,
  ) {}

  /** Writes one row with the caller's transaction, so it commits or rolls back with the change it records. */
  async record(manager: EntityManager, event: AuditRecord): Promise<void> {
    await this.audit.insert(manager, toAuditRow(event));
  }

  /** Writes one row in a transaction of its own, for an event that changes nothing else (a failed login). */
  recordNow(event: AuditRecord): Promise<void> {
    return this.transactions.run((manager) => this.record(manager, event));
  }

  /** A page of events, newest first by default. Managers see every row; supervisors the rows of queues they supervise. */
  async listEvents(user: AuthUser, query: Record<string, unknown>): Promise<AuditEventPage> {
    const visibleQueues = this.visibleQueues(user);
    const page = this.parse(query);
    const events = this.filtered(visibleQueues, page);
    if (!events) return { rows: [], offset: page.offset, total: 0 };
    const [rows, total] = await this.sorted(events, page).offset(page.offset).limit(page.limit).getManyAndCount();
    return { rows: rows.map(mapAuditEvent), offset: page.offset, total };
  }

  /** One event, when the user may see it; otherwise 404. */
  async getEvent(user: AuthUser, id: number): Promise<AuditEventResponseDto> {
    const visibleQueues = this.visibleQueues(user);
    const row = await this.transactions.reader.getRepository(AuditEventEntity).findOneBy({ id });
    if (!row || (visibleQueues && !(row.queueCode && visibleQueues.includes(row.queueCode)))) {
      throw new DomainError('audit_event_not_found', 404, 'That audit event does not exist, or is not one you may see.');
    }
    return mapAuditEvent(row);
  }

  /**
   * Every matching event as CSV lines (header first), in the list's filters and order; paging is
   * ignored. The query is checked before the first line, so a bad one is still a plain 400.
   */
  async exportCsv(user: AuthUser, query: Record<string, unknown>): Promise<AsyncIterable<string>> {
    const visibleQueues = this.visibleQueues(user);
    const page = this.parse(query);
    const events = this.filtered(visibleQueues, page);
    // Rows written while the export runs stay out of it, so batches neither repeat nor skip a row.
    const max = events ? (await events.clone().select('MAX(a.id)', 'max').getRawOne<{ max: number | string | null }>())?.max : null;
    const lastId = max == null ? null : Number(max);
    const total = events && lastId !== null ? await events.clone().andWhere('a.id <= :lastId', { lastId }).getCount() : 0;
    if (total > MAX_CSV_ROWS) {
      throw new DomainError('export_too_large', 400, `The export would hold ${total} rows; narrow it (from, to, queue, action) to at most ${MAX_CSV_ROWS}.`, { field: 'filter' });
    }
    const batches = this.csvBatches(events, page, lastId, total);
    return (async function* csv() {
      // The byte order mark makes Excel, where managers open these, read the file as UTF-8.
      yield `\uFEFF${auditCsvHeader()}`;
      for await (const rows of batches) for (const row of rows) yield auditCsvLine(mapAuditEvent(row));
    })();
  }

  private async *csvBatches(events: SelectQueryBuilder<AuditEventEntity> | null, page: ListQuery<AuditSortField>, lastId: number | null, total: number) {
    if (!events || lastId === null) return;
    const capped = events.andWhere('a.id <= :lastId', { lastId });
    for (let offset = 0; offset < total; offset += CSV_BATCH) {
      yield await this.sorted(capped.clone(), page).offset(offset).limit(CSV_BATCH).getMany();
    }
  }

  private parse(query: Record<string, unknown>): ListQuery<AuditSortField> {
    return parseListQuery(query, {
      sortable: Object.keys(SORT_COLUMNS) as AuditSortField[],
      defaultSort: { field: 'id', order: 'DESC' },
      filterable: AUDIT_FILTERS,
    });
  }

  /** The events in `visibleQueues` (null: all) that match the filters; null when that can only be none. */
  private filtered(visibleQueues: string[] | null, page: ListQuery<AuditSortField>): SelectQueryBuilder<AuditEventEntity> | null {
    const events = this.transactions.reader.getRepository(AuditEventEntity).createQueryBuilder('a');
    if (visibleQueues) {
      // Rows without a queue (logins, settings of the whole hospital) are for managers only.
      if (visibleQueues.length === 0) return null;
      events.andWhere('a.queue_code IN (:...visibleQueues)', { visibleQueues });
    }
    const { filter } = page;
    const ids = filterValues(filter, 'id');
    if (ids) {
      if (!ids.every((id) => /^\d+$/.test(id))) throw new DomainError('invalid_query', 400, 'The id filter takes whole numbers.', { field: 'id' });
      if (ids.length === 0) return null;
      events.andWhere('a.id IN (:...ids)', { ids: ids.map(Number) });
    }
    for (const [name, column] of Object.entries(EXACT_FILTERS)) {
      const values = filterValues(filter, name);
      if (values?.length === 0) return null;
      if (values) events.andWhere(`${column} IN (:...${name})`, { [name]: values });
    }
    for (const [name, column] of Object.entries(CASELESS_FILTERS)) {
      const values = filterValues(filter, name);
      if (values?.length === 0) return null;
      if (values) events.andWhere(`LOWER(${column}) IN (:...${name})`, { [name]: values.map((v) => v.toLowerCase()) });
    }
    const queues = filterValues(filter, 'queue');
    if (queues?.length === 0) return null;
    if (queues) events.andWhere('a.queue_code IN (:...queues)', { queues: queues.map((code) => code.toUpperCase()) });
    const from = filterInstant(filter, 'from', { timeZone: this.config.timeZone });
    const to = filterInstant(filter, 'to', { timeZone: this.config.timeZone, endOfDay: true });
    if (from) events.andWhere('a.occurred_at >= :from', { from });
    if (to) events.andWhere('a.occurred_at <= :to', { to });
    return events;
  }

  /** Null for everything (managers); otherwise the queue codes whose rows the user may read. */
  private visibleQueues(user: AuthUser): string[] | null {
    if (user.role === 'manager') return null;
    if (user.role !== 'supervisor') {
      throw new DomainError('forbidden', 403, 'The audit log is for supervisors and managers.');
    }
    return Object.entries(user.queueRoles)
      .filter(([, role]) => role === 'supervisor' || role === 'manager')
      .map(([code]) => code)
      .sort();
  }

  private sorted(events: SelectQueryBuilder<AuditEventEntity>, page: ListQuery<AuditSortField>): SelectQueryBuilder<AuditEventEntity> {
    const { field, order } = page.sort;
    events.orderBy(SORT_COLUMNS[field], order);
    if (field !== 'id') events.addOrderBy('a.id', order);
    return events;
  }
}
