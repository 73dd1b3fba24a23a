import { SessionEntity } from '../src/auth/session.entity';
import { SEEDED_QUEUES } from '../src/database/migrations/seed-queues';
import { TestApp, eventually } from './support/test-app';
import { StaffClient } from './support/staff-client';

const [SAC] = SEEDED_QUEUES;
type Principal = 'none' | 'tampered' | 'expired' | 'idle' | 'logged_out' | 'sac.staff' | 'lac.staff' | 'sac.supervisor' | 'manager';
const PRINCIPALS: Principal[] = ['none', 'tampered', 'expired', 'idle', 'logged_out', 'sac.staff', 'lac.staff', 'sac.supervisor', 'manager'];
const SIGNED_IN: Principal[] = ['sac.staff', 'lac.staff', 'sac.supervisor', 'manager'];

/** A SAC conversation with an opted-in client, fresh for each request that changes it. */
interface Fixture {
  phone: string;
  conversationId: number;
  contactId: number;
  failedMessageId: number;
}

interface Row {
  name: string;
  call: (client: StaffClient, fixture: Fixture) => Promise<{ status: number }>;
  /** The status each signed-in principal gets (the five without a valid session always get 401). */
  expect: Record<'sac.staff' | 'lac.staff' | 'sac.supervisor' | 'manager', number>;
  /** The request changes the fixture: give each principal a fresh one. */
  mutates?: boolean;
}

// SAC resources: SAC staff, the SAC supervisor and managers work them; LAC staff must not learn they exist.
const SAC_RESOURCE = { 'sac.staff': 200, 'lac.staff': 404, 'sac.supervisor': 200, manager: 200 };
const ROWS: Row[] = [
  { name: 'GET /api/auth/me', call: (c) => c.get('/api/auth/me'), expect: { 'sac.staff': 200, 'lac.staff': 200, 'sac.supervisor': 200, manager: 200 } },
  { name: 'GET /api/queues', call: (c) => c.get('/api/queues'), expect: { 'sac.staff': 200, 'lac.staff': 200, 'sac.supervisor': 200, manager: 200 } },
  { name: 'GET /api/conversations?queue=SAC', call: (c) => c.get('/api/conversations?queue=SAC'), expect: SAC_RESOURCE },
  { name: 'GET /api/conversations (own queues)', call: (c) => c.get('/api/conversations'), expect: { 'sac.staff': 200, 'lac.staff': 200, 'sac.supervisor': 200, manager: 200 } },
  { name: 'GET /api/conversations/:id', call: (c, f) => c.get(`/api/conversations/${f.conversationId}`), expect: SAC_RESOURCE },
  { name: 'GET /api/conversations/:id/messages', call: (c, f) => c.get(`/api/conversations/${f.conversationId}/messages`), expect: SAC_RESOURCE },
  { name: 'GET /api/conversations/:id/transcript', call: (c, f) => c.get(`/api/conversations/${f.conversationId}/transcript`), expect: SAC_RESOURCE },
  { name: 'POST /api/conversations/:id/messages', call: (c, f) => c.post(`/api/conversations/${f.conversationId}/messages`, { body: 'Hello' }), expect: { ...SAC_RESOURCE, 'sac.staff': 201, 'sac.supervisor': 201, manager: 201 }, mutates: true },
  { name: 'POST /api/conversations/:id/notes', call: (c, f) => c.post(`/api/conversations/${f.conversationId}/notes`, { body: 'A note' }), expect: { ...SAC_RESOURCE, 'sac.staff': 201, 'sac.supervisor': 201, manager: 201 } },
  { name: 'POST /api/conversations/:id/read', call: (c, f) => c.post(`/api/conversations/${f.conversationId}/read`), expect: SAC_RESOURCE },
  { name: 'POST /api/conversations/:id/archive', call: (c, f) => c.post(`/api/conversations/${f.conversationId}/archive`), expect: SAC_RESOURCE, mutates: true },
  { name: 'POST /api/conversations/:id/link', call: (c, f) => c.post(`/api/conversations/${f.conversationId}/link`, { sandiClientId: 'C10003' }), expect: SAC_RESOURCE, mutates: true },
  { name: 'POST /api/conversations/:id/move', call: (c, f) => c.post(`/api/conversations/${f.conversationId}/move`, { queue: 'VMSC' }), expect: SAC_RESOURCE, mutates: true },
  { name: 'POST /api/messages/:id/resend', call: (c, f) => c.post(`/api/messages/${f.failedMessageId}/resend`), expect: { ...SAC_RESOURCE, 'sac.staff': 201, 'sac.supervisor': 201, manager: 201 }, mutates: true },
  { name: 'POST /api/conversations (start)', call: (c, f) => c.post('/api/conversations', { queue: 'SAC', phone: f.phone, body: 'Hello' }), expect: { 'sac.staff': 201, 'lac.staff': 404, 'sac.supervisor': 201, manager: 201 } },
  { name: 'GET /api/contacts/:id', call: (c, f) => c.get(`/api/contacts/${f.contactId}`), expect: SAC_RESOURCE },
  { name: 'POST /api/contacts/:id/block', call: (c, f) => c.post(`/api/contacts/${f.contactId}/block`, { reason: 'Authorization matrix' }), expect: { 'sac.staff': 403, 'lac.staff': 404, 'sac.supervisor': 200, manager: 200 }, mutates: true },
  { name: 'GET /api/audit-events', call: (c) => c.get('/api/audit-events'), expect: { 'sac.staff': 403, 'lac.staff': 403, 'sac.supervisor': 200, manager: 200 } },
  // The chain spans every queue: only managers check it.
  { name: 'GET /api/audit-events/verify', call: (c) => c.get('/api/audit-events/verify'), expect: { 'sac.staff': 403, 'lac.staff': 403, 'sac.supervisor': 403, manager: 200 } },
];

describe('authorization matrix', () => {
  let sut: TestApp;
  const clients = new Map<Principal, StaffClient>();
  let phoneCounter = 0;

  /** An opted-in SAC client with one failed staff text (for resend). */
  async function fixture(): Promise<Fixture> {
    const phone = `+1217557${String(1000 + phoneCounter++).padStart(4, '0')}`;
    await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'YES' });
    await eventually(() => sut.sentTexts().some((t) => t.to === phone), 'the welcome');
    const manager = clients.get('manager')!;
    const conversation = await eventually(async () => (await manager.get('/api/conversations?queue=SAC')).body.find((c: { contact: { phone: string } }) => c.contact.phone === phone), 'the conversation');
    sut.fakeTwilio!.failNextCreates({ status: 400, code: 21211 });
    const failed = await manager.post(`/api/conversations/${conversation.id}/messages`, { body: 'This one fails' });
    await eventually(async () => (await manager.get(`/api/conversations/${conversation.id}/messages`)).body.some((m: { id: number; status: string }) => m.id === failed.body.id && m.status === 'failed'), 'the failed text');
    return { phone, conversationId: conversation.id, contactId: conversation.contact.id, failedMessageId: failed.body.id };
  }

  beforeAll(async () => {
    sut = await TestApp.start({ provider: 'twilio' });
    for (const username of SIGNED_IN) clients.set(username, await StaffClient.login(sut.url, username));
    const victim = async (change: (session: Partial<SessionEntity>) => Partial<SessionEntity>) => {
      const client = await StaffClient.login(sut.url, 'manager');
      const me = await client.get('/api/auth/me');
      expect(me.status).toBe(200);
      const { jti } = JSON.parse(Buffer.from(client.token.split('.')[1], 'base64url').toString()) as { jti: string };
      const session = await sut.dataSource.getRepository(SessionEntity).findOneByOrFail({ id: jti });
      await sut.dataSource.getRepository(SessionEntity).update({ id: jti }, change(session));
      return client;
    };
    clients.set('none', StaffClient.withToken(sut.url, ''));
    const good = await StaffClient.login(sut.url, 'manager');
    clients.set('tampered', StaffClient.withToken(sut.url, `${good.token.slice(0, -3)}${good.token.slice(-3) === 'AAA' ? 'BBB' : 'AAA'}`));
    clients.set('expired', await victim(() => ({ expiresAt: new Date(Date.now() - 1000) })));
    clients.set('idle', await victim(() => ({ lastSeenAt: new Date(Date.now() - 3 * 3600_000) })));
    const loggedOut = await StaffClient.login(sut.url, 'manager');
    expect((await loggedOut.post('/api/auth/logout')).status).toBe(204);
    clients.set('logged_out', loggedOut);
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should refuse no.access at login with 403, and wrong credentials with 401', async () => {
    const login = (username: string, password: string) => fetch(`${sut.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
    });
    const noAccess = await login('no.access', 'demo');
    expect(noAccess.status).toBe(403);
    await expect(noAccess.json()).resolves.toMatchObject({ statusCode: 403, code: 'no_ivm_access' });
    const wrong = await login('sac.staff', 'not-demo');
    expect(wrong.status).toBe(401);
    await expect(wrong.json()).resolves.toMatchObject({ statusCode: 401, code: 'invalid_credentials' });
    const missing = await fetch(`${sut.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(400);
  });

  it.each(ROWS.map((row) => [row.name, row] as const))('%s should answer each principal as DESIGN.md prescribes', async (_name, row) => {
    let shared: Fixture | null = null;
    const results: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const principal of PRINCIPALS) {
      const fx = row.mutates ? await fixture() : (shared ??= await fixture());
      results[principal] = (await row.call(clients.get(principal)!, fx)).status;
      expected[principal] = principal in row.expect ? row.expect[principal as keyof Row['expect']] : 401;
    }
    expect(results).toEqual(expected);
  });

  it('should throttle failed logins per username with 429 before the address limit', async () => {
    const attempt = () => fetch(`${sut.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lac.staff', password: 'wrong' }),
    });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const other = await StaffClient.login(sut.url, 'sac.staff');
    expect(other.user.username).toBe('sac.staff');
  });

  it('should never show a LAC user a SAC conversation, not even by id', async () => {
    const fx = await fixture();
    const lac = clients.get('lac.staff')!;
    const list = await lac.get('/api/conversations');
    expect(list.body.some((c: { id: number }) => c.id === fx.conversationId)).toBe(false);
    const byId = await lac.get(`/api/conversations/${fx.conversationId}`);
    const missing = await lac.get('/api/conversations/999999');
    expect(byId.status).toBe(404);
    expect(byId.body).toEqual(missing.body);
  });
});
