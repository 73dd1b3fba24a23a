import { JwtService } from '@nestjs/jwt';
import type { SandiAdapter, SandiUser } from '@ivm/sandi-adapter';
import type { AppConfig } from '../config/app-config';
import type { TransactionRunner } from '../database/transaction-runner';
import type { AccessMapper } from './access-mapper';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';

/** An in-memory sessions table behind the two calls SessionService makes on it. */
function sessionsTable() {
  const rows = new Map<string, SessionEntity>();
  const repository = {
    insert: async (row: SessionEntity) => { rows.set(row.id, { ...row }); },
    findOne: async ({ where }: { where: { id: string } }) => (rows.has(where.id) ? { ...rows.get(where.id)! } : null),
    update: async (where: { id: string }, changes: Partial<SessionEntity>) => {
      const row = rows.get(where.id);
      if (row) Object.assign(row, changes);
      return { affected: row ? 1 : 0 };
    },
  };
  const manager = { getRepository: () => repository };
  const transactions = { reader: manager, run: async (work: (m: typeof manager) => Promise<unknown>) => work(manager) } as unknown as TransactionRunner;
  return { rows, manager, transactions };
}

describe(SessionService.name, () => {
  const config = { auth: { sessionMaxMs: 12 * 3600_000, sessionIdleMs: 2 * 3600_000, permissionRefreshMs: 300_000 } } as AppConfig;
  let sandiUser: SandiUser | null;
  const sandi = { getUser: async () => sandiUser } as unknown as SandiAdapter;
  const access = {
    map: async (permissions: string[]) => (permissions.includes('IVM.SAC.STAFF') ? { role: 'staff', queueRoles: { SAC: 'staff' } } : null),
  } as unknown as AccessMapper;

  async function signedIn() {
    const table = sessionsTable();
    const sut = new SessionService(config, sandi, new JwtService({ secret: 'unit-test-secret' }), table.transactions, access);
    const { token, user } = await sut.open(table.manager as never, { username: 'sac.staff', displayName: 'Sam Carter', role: 'staff', queueRoles: { SAC: 'staff' } }, '10.0.0.1');
    const ageSession = (ms: number) => {
      const row = table.rows.get(user.sessionId)!;
      row.permissionsRefreshedAt = new Date(Date.now() - ms);
    };
    return { sut, token, user, table, ageSession };
  }

  beforeEach(() => {
    sandiUser = { id: 'U1', username: 'sac.staff', displayName: 'Sam Carter', permissions: ['IVM.SAC.STAFF'] };
  });

  it('should accept a fresh token without asking SANDI', async () => {
    const { sut, token } = await signedIn();
    sandiUser = null;
    await expect(sut.authenticate(token)).resolves.toMatchObject({ username: 'sac.staff', queueRoles: { SAC: 'staff' } });
  });

  it('should end the session when SANDI no longer grants IVM access at the next refresh', async () => {
    const { sut, token, table, user, ageSession } = await signedIn();
    sandiUser = { ...sandiUser!, permissions: ['SANDI.RECORDS.READ'] };
    ageSession(config.auth.permissionRefreshMs);
    await expect(sut.authenticate(token)).rejects.toMatchObject({ code: 'unauthorized', httpStatus: 401 });
    expect(table.rows.get(user.sessionId)!.revokedAt).toBeInstanceOf(Date);
    await expect(sut.authenticate(token)).rejects.toMatchObject({ message: 'You signed out. Please sign in again.' });
  });

  it('should pick up a new display name from SANDI at the refresh', async () => {
    const { sut, token, ageSession } = await signedIn();
    sandiUser = { ...sandiUser!, displayName: 'Samantha Carter' };
    ageSession(config.auth.permissionRefreshMs);
    await expect(sut.authenticate(token)).resolves.toMatchObject({ displayName: 'Samantha Carter' });
  });

  it('should refuse a token signed with another secret', async () => {
    const { table } = await signedIn();
    const other = new SessionService(config, sandi, new JwtService({ secret: 'another-secret' }), table.transactions, access);
    const { token } = await signedIn();
    await expect(other.authenticate(token)).rejects.toMatchObject({ httpStatus: 401 });
  });
});
