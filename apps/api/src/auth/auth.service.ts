import { Inject, Injectable } from '@nestjs/common';
import { SANDI_ADAPTER, type SandiAdapter } from '@ivm/sandi-adapter';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { TransactionRunner } from '../database/transaction-runner';
import { AccessMapper } from './access-mapper';
import type { AuthUser } from './auth-user';
import { LOGIN_FAILED, LoginThrottle } from './login-throttle';
import { SessionService } from './session.service';

export interface LoginResult {
  accessToken: string;
  user: AuthUser;
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(SANDI_ADAPTER) private readonly sandi: SandiAdapter,
    private readonly access: AccessMapper,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Signs a SANDI user in. Wrong credentials: 401; a SANDI user without IVM permission: 403. */
  async login(rawUsername: string, password: string, ipAddress: string | null): Promise<LoginResult> {
    const username = rawUsername.trim().toLowerCase();
    await this.throttle.assertAllowed(username, ipAddress);
    const sandiUser = await this.sandi.authenticate(username, password);
    if (!sandiUser) {
      await this.recordFailure(username, ipAddress, 'wrong_credentials');
      throw new DomainError('invalid_credentials', 401, 'The SANDI username or password is not right. Check them and try again.');
    }
    const mapped = await this.access.map(sandiUser.permissions);
    if (!mapped) {
      await this.recordFailure(username, ipAddress, 'no_ivm_permission');
      throw new DomainError('no_ivm_access', 403, 'Your SANDI account has no Illinois Vet Messenger permission. Ask your supervisor to request it.');
    }
    return this.transactions.run(async (manager) => {
      const { token, user } = await this.sessions.open(manager, {
        username: sandiUser.username.toLowerCase(),
        displayName: sandiUser.displayName,
        role: mapped.role,
        queueRoles: mapped.queueRoles,
      }, ipAddress);
      await this.audit.record(manager, {
        actorType: 'user', actor: user.username, action: 'auth.login', subject: user.username,
        entityType: 'session', entityId: user.sessionId, ipAddress,
        details: { role: user.role, queues: user.queueRoles },
      });
      return { accessToken: token, user };
    });
  }

  async logout(user: AuthUser, ipAddress: string | null): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.sessions.revoke(user.sessionId, manager);
      await this.audit.record(manager, {
        actorType: 'user', actor: user.username, action: 'auth.logout', subject: user.username,
        entityType: 'session', entityId: user.sessionId, ipAddress,
      });
    });
  }

  private recordFailure(username: string, ipAddress: string | null, reason: string): Promise<void> {
    return this.audit.recordNow({
      actorType: 'user', actor: username, action: LOGIN_FAILED, subject: username, ipAddress, details: { reason },
    });
  }
}
