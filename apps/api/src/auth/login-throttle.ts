import { Inject, Injectable } from '@nestjs/common';
import { MoreThan } from 'typeorm';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionRunner } from '../database/transaction-runner';

export const LOGIN_FAILED = 'auth.login_failed';

/**
 * Failed logins are audit rows, so counting them needs no store of its own and holds across
 * instances. Per username first; per address only at a much higher threshold, because a whole
 * front desk shares one address.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
  ) {}

  async assertAllowed(username: string, ipAddress: string | null): Promise<void> {
    const { loginWindowMs, loginFailuresPerUser, loginFailuresPerAddress } = this.config.auth;
    const since = new Date(Date.now() - loginWindowMs);
    const events = this.transactions.reader.getRepository(AuditEventEntity);
    const minutes = Math.round(loginWindowMs / 60_000);
    const forUser = await events.count({ where: { action: LOGIN_FAILED, subject: username, occurredAt: MoreThan(since) } });
    if (forUser >= loginFailuresPerUser) {
      throw new DomainError('too_many_attempts', 429, `Too many failed sign-ins for ${username}. Wait ${minutes} minutes and try again, or ask your supervisor to check your SANDI account.`);
    }
    if (!ipAddress) return;
    const forAddress = await events.count({ where: { action: LOGIN_FAILED, ipAddress, occurredAt: MoreThan(since) } });
    if (forAddress >= loginFailuresPerAddress) {
      throw new DomainError('too_many_attempts', 429, `Too many failed sign-ins from this computer. Wait ${minutes} minutes and try again.`);
    }
  }
}
