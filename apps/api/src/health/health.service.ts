import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxItemEntity } from '../outbox/outbox-item.entity';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: { reachable: boolean; driver: string; error?: string };
  provider: string;
  outbox?: { waiting: number };
}

const CHECK_TIMEOUT_MS = 3000;

@Injectable()
export class HealthService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(provider: string): Promise<HealthReport> {
    const driver = this.dataSource.options.type;
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS);
      const waiting = await this.dataSource.getRepository(OutboxItemEntity).count({ where: [{ state: 'pending' }, { state: 'unknown' }, { state: 'sending' }] });
      return { status: 'ok', database: { reachable: true, driver }, provider, outbox: { waiting } };
    } catch (error) {
      return { status: 'unavailable', database: { reachable: false, driver, error: (error as Error).message }, provider };
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}
