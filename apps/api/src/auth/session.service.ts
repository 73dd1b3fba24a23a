import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { IsNull, type EntityManager } from 'typeorm';
import { SANDI_ADAPTER, type SandiAdapter } from '@ivm/sandi-adapter';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionRunner } from '../database/transaction-runner';
import type { AuthUser } from './auth-user';
import { AccessMapper } from './access-mapper';
import { SessionEntity } from './session.entity';

// Writing last_seen_at on every request would make each read a write: once a minute is enough
// for a two-hour idle timeout.
const TOUCH_EVERY_MS = 60_000;

interface TokenClaims {
  sub: string;
  jti: string;
}

const unauthorized = (message: string) => new DomainError('unauthorized', 401, message);

/**
 * Staff sessions: a Bearer JWT whose id names a row here. Logout and the idle timeout end the
 * row, so they end the token; the SANDI permissions are fetched again every few minutes, so a
 * permission removed in SANDI takes effect during the session.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SANDI_ADAPTER) private readonly sandi: SandiAdapter,
    private readonly jwt: JwtService,
    private readonly transactions: TransactionRunner,
    private readonly access: AccessMapper,
  ) {}

  async open(manager: EntityManager, user: Omit<AuthUser, 'sessionId'>, ipAddress: string | null): Promise<{ token: string; user: AuthUser }> {
    const now = new Date();
    const id = randomUUID();
    const session: Partial<SessionEntity> = {
      id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      queueRolesJson: JSON.stringify(user.queueRoles),
      permissionsRefreshedAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.auth.sessionMaxMs),
      revokedAt: null,
      ipAddress,
    };
    await manager.getRepository(SessionEntity).insert(session);
    const token = await this.jwt.signAsync({ sub: user.username, jti: id } satisfies TokenClaims, {
      expiresIn: Math.ceil(this.config.auth.sessionMaxMs / 1000),
    });
    return { token, user: { ...user, sessionId: id } };
  }

  /** The user behind a Bearer token, or a 401 saying why it no longer works. */
  async authenticate(token: string): Promise<AuthUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw unauthorized('Your session is not valid or has expired. Please sign in again.');
    }
    const repository = this.transactions.reader.getRepository(SessionEntity);
    const session = await repository.findOne({ where: { id: claims.jti } });
    const now = Date.now();
    if (!session || session.username !== claims.sub) throw unauthorized('Your session is not valid. Please sign in again.');
    if (session.revokedAt) throw unauthorized('You signed out. Please sign in again.');
    if (session.expiresAt.getTime() <= now) throw unauthorized('Your session has expired. Please sign in again.');
    if (session.lastSeenAt.getTime() + this.config.auth.sessionIdleMs <= now) {
      await this.revoke(session.id);
      throw unauthorized('You were signed out after a period without activity. Please sign in again.');
    }
    if (now - session.permissionsRefreshedAt.getTime() >= this.config.auth.permissionRefreshMs) {
      return this.refreshPermissions(session);
    }
    if (now - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      await this.transactions.run((manager) => manager.getRepository(SessionEntity).update({ id: session.id }, { lastSeenAt: new Date(now) }));
    }
    return toAuthUser(session);
  }

  async revoke(sessionId: string, manager?: EntityManager): Promise<void> {
    const work = (m: EntityManager) => m.getRepository(SessionEntity).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (manager) await work(manager);
    else await this.transactions.run(work);
  }

  private async refreshPermissions(session: SessionEntity): Promise<AuthUser> {
    const sandiUser = await this.sandi.getUser(session.username);
    const mapped = sandiUser ? await this.access.map(sandiUser.permissions) : null;
    if (!sandiUser || !mapped) {
      await this.revoke(session.id);
      throw unauthorized('Your IVM access was removed in SANDI. Ask your supervisor if this is a mistake.');
    }
    const now = new Date();
    const changes = {
      displayName: sandiUser.displayName,
      role: mapped.role,
      queueRolesJson: JSON.stringify(mapped.queueRoles),
      permissionsRefreshedAt: now,
      lastSeenAt: now,
    };
    await this.transactions.run((manager) => manager.getRepository(SessionEntity).update({ id: session.id }, changes));
    return toAuthUser({ ...session, ...changes });
  }
}

function toAuthUser(session: Pick<SessionEntity, 'id' | 'username' | 'displayName' | 'role' | 'queueRolesJson'>): AuthUser {
  return {
    sessionId: session.id,
    username: session.username,
    displayName: session.displayName,
    role: session.role as AuthUser['role'],
    queueRoles: JSON.parse(session.queueRolesJson) as AuthUser['queueRoles'],
  };
}
