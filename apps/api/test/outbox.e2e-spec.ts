import { FakeTwilioServer } from '@ivm/messaging-provider/testing';
import { SEEDED_QUEUES } from '../src/database/migrations/seed-queues';
import { OutboxRepository } from '../src/outbox/outbox.repository';
import { DEFAULT_SETTINGS } from '../src/settings/settings.service';
import { TestApp, eventually, freePort } from './support/test-app';
import { createTestDatabase } from './support/test-database';

const [SAC, LAC, VMSC] = SEEDED_QUEUES;
const PROMPT = DEFAULT_SETTINGS['texts.opt_in_prompt'];
let phoneCounter = 0;
const nextPhone = () => `+1217556${String(1000 + phoneCounter++).padStart(4, '0')}`;

const createsTo = (fake: FakeTwilioServer, phone: string) => fake.created.filter((m) => m.to === phone);
const createRequests = (fake: FakeTwilioServer) => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Messages.json'));
async function outboxRow(sut: TestApp, phone: string) {
  const [row] = await sut.query<{ state: string; attempts: number; last_error: string | null; status: string; error_code: string | null; provider_message_id: string | null }>(
    `SELECT o.state, o.attempts, o.last_error, m.status, m.error_code, m.provider_message_id
       FROM outbox_items o JOIN messages m ON m.id = o.message_id WHERE o.to_number = ? ORDER BY o.id`, [phone]);
  return row;
}

describe('outbox with a failing provider', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await TestApp.start({ provider: 'twilio', env: { TWILIO_REQUEST_TIMEOUT_MS: '300' } });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should send once after a 500 and a 429, retrying with backoff', async () => {
    const fake = sut.fakeTwilio!;
    const phone = nextPhone();
    const before = createRequests(fake).length;
    fake.failNextCreates({ status: 500 }, { status: 429, code: 20429 });
    await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Hi' });
    await eventually(async () => (await outboxRow(sut, phone))?.state === 'done', 'the prompt sent');
    expect(createsTo(fake, phone)).toHaveLength(1);
    expect(createRequests(fake).length - before).toBe(3);
    await expect(outboxRow(sut, phone)).resolves.toMatchObject({ attempts: 3, status: 'sent', provider_message_id: createsTo(fake, phone)[0].sid });
  });

  it('should look the text up instead of sending it twice when the provider took it but answered too late', async () => {
    const fake = sut.fakeTwilio!;
    const phone = nextPhone();
    fake.failNextCreates({ hangAfterCreateMs: 1500 });
    await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Hi' });
    const row = await eventually(async () => { const r = await outboxRow(sut, phone); return r?.state === 'done' ? r : null; }, 'the prompt reconciled');
    expect(createsTo(fake, phone)).toHaveLength(1);
    expect(row).toMatchObject({ attempts: 2, status: 'sent', provider_message_id: createsTo(fake, phone)[0].sid });
    expect(fake.requests.some((r) => r.method === 'GET' && r.path.endsWith('/Messages.json') && r.query.To === phone)).toBe(true);
  });

  it('should send again after a dropped connection when the look-up finds nothing', async () => {
    const fake = sut.fakeTwilio!;
    const phone = nextPhone();
    fake.failNextCreates({ destroySocket: true });
    await sut.textFromPhone({ from: phone, to: LAC.phoneNumber, body: 'Hi' });
    await eventually(async () => (await outboxRow(sut, phone))?.state === 'done', 'the prompt sent');
    expect(createsTo(fake, phone)).toHaveLength(1);
    expect(createsTo(fake, phone)[0]).toMatchObject({ from: LAC.phoneNumber, body: PROMPT });
  });

  it('should fail a text for good, with its code, when the provider refuses it permanently', async () => {
    const fake = sut.fakeTwilio!;
    const phone = nextPhone();
    const before = createRequests(fake).length;
    fake.failNextCreates({ status: 400, code: 21211 });
    await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Hi' });
    const row = await eventually(async () => { const r = await outboxRow(sut, phone); return r?.state === 'failed' ? r : null; }, 'the prompt failed');
    expect(row).toMatchObject({ attempts: 1, status: 'failed', error_code: '21211' });
    await sut.outbox.drainOnce();
    expect(createRequests(fake).length - before).toBe(1);
  });

  it('should mark the carrier block when the provider answers 21610, and lift it when the client texts START', async () => {
    const fake = sut.fakeTwilio!;
    const phone = nextPhone();
    fake.failNextCreates({ status: 400, code: 21610 });
    await sut.textFromPhone({ from: phone, to: VMSC.phoneNumber, body: 'Hi' });
    await eventually(async () => (await outboxRow(sut, phone))?.state === 'failed', 'the prompt failed');
    await expect(outboxRow(sut, phone)).resolves.toMatchObject({ status: 'failed', error_code: '21610' });
    const blocked = () => sut.query<{ blocked_at: unknown }>(
      'SELECT b.blocked_at FROM carrier_blocks b JOIN contacts k ON k.id = b.contact_id WHERE k.phone = ? AND b.hospital_number = ?', [phone, VMSC.phoneNumber]);
    expect((await blocked())[0].blocked_at).not.toBeNull();

    await sut.textFromPhone({ from: phone, to: VMSC.phoneNumber, body: 'START' });
    await eventually(() => createsTo(fake, phone).length === 1, 'the welcome');
    expect(createsTo(fake, phone)[0]).toMatchObject({ from: VMSC.phoneNumber, body: DEFAULT_SETTINGS['texts.welcome'] });
    expect((await blocked())[0].blocked_at).toBeNull();
  });

  it('should cancel a queued text, sending nothing, when the client opts out before it leaves', async () => {
    const paused = await TestApp.start({ provider: 'twilio', env: { OUTBOX_WORKER_ENABLED: 'false' } });
    try {
      const phone = nextPhone();
      await paused.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Hi' });
      await paused.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'STOP' });
      await paused.outbox.drainOnce();
      expect(createsTo(paused.fakeTwilio!, phone)).toHaveLength(0);
      await expect(outboxRow(paused, phone)).resolves.toMatchObject({ state: 'canceled', status: 'canceled', error_code: 'opted_out' });
    } finally {
      await paused.close();
    }
  });
});

describe('outbox when the provider refuses connections', () => {
  it('should keep retrying and send every text once the provider is reachable', async () => {
    const credentials = await FakeTwilioServer.start();
    const port = await freePort();
    const sut = await TestApp.start({ provider: 'twilio', fakeTwilio: credentials, env: { TWILIO_API_BASE_URL: `http://127.0.0.1:${port}` } });
    let provider: FakeTwilioServer | null = null;
    try {
      const phones = [nextPhone(), nextPhone(), nextPhone()];
      for (const phone of phones) await sut.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Hi' });
      await eventually(async () => {
        const rows = await Promise.all(phones.map((phone) => outboxRow(sut, phone)));
        return rows.every((row) => row.attempts >= 2 && row.state !== 'done' && /ECONNREFUSED/.test(row.last_error ?? ''));
      }, 'refused attempts recorded');

      provider = await FakeTwilioServer.start({ port, accountSid: credentials.accountSid, authToken: credentials.authToken });
      await eventually(() => phones.every((phone) => createsTo(provider!, phone).length === 1), 'every prompt sent', 15_000);
      await sut.outbox.drainOnce();
      expect(phones.map((phone) => createsTo(provider!, phone).length)).toEqual([1, 1, 1]);
    } finally {
      await sut.close({ everything: true });
      await credentials.close();
      await provider?.close();
    }
  });
});

describe('outbox across a restart', () => {
  it('should send every queued text exactly once when the app stops mid-drain and starts again', async () => {
    const database = await createTestDatabase();
    const fake = await FakeTwilioServer.start();
    // 2 segments per prompt at 4 segments/s: each number sends about two prompts a second.
    const env = { OUTBOX_SEGMENTS_PER_SECOND: '4' };
    const first = await TestApp.start({ provider: 'twilio', database, fakeTwilio: fake, env: { ...env, OUTBOX_WORKER_ENABLED: 'false' } });
    const phones: string[] = [];
    try {
      for (const queue of SEEDED_QUEUES) {
        for (let i = 0; i < 6; i += 1) {
          const phone = nextPhone();
          phones.push(phone);
          await first.textFromPhone({ from: phone, to: queue.phoneNumber, body: 'Hi' });
        }
      }
    } finally {
      await first.close({ everything: false });
    }

    const draining = await TestApp.start({ provider: 'twilio', database, fakeTwilio: fake, env });
    await eventually(() => fake.created.length >= 3, 'the first prompts sent');
    await draining.close({ everything: false });
    const sentBeforeRestart = fake.created.length;
    expect(sentBeforeRestart).toBeLessThan(phones.length);

    const restarted = await TestApp.start({ provider: 'twilio', database, fakeTwilio: fake, env: { OUTBOX_SEGMENTS_PER_SECOND: '1000' } });
    try {
      await eventually(() => fake.created.length >= phones.length, 'every prompt sent', 20_000);
      await restarted.outbox.drainOnce();
      expect(phones.map((phone) => createsTo(fake, phone).length)).toEqual(phones.map(() => 1));
      // The provider may have the last text a moment before the outbox has recorded its answer.
      const states = await eventually(async () => {
        const rows = await restarted.query<{ state: string; n: number }>('SELECT state, COUNT(*) AS n FROM outbox_items GROUP BY state');
        return rows.length === 1 && rows[0].state === 'done' ? rows : null;
      }, 'every outbox row recorded as done');
      expect(states.map((s) => [s.state, Number(s.n)])).toEqual([['done', phones.length]]);
    } finally {
      await restarted.close({ everything: false });
      await fake.close();
      await database.drop();
    }
  });

  it('should let another instance take over a text whose sender stopped answering, without sending it twice', async () => {
    const database = await createTestDatabase();
    const fake = await FakeTwilioServer.start();
    const env = { OUTBOX_CLAIM_LEASE_MS: '300', TWILIO_REQUEST_TIMEOUT_MS: '5000' };
    const stuck = await TestApp.start({ provider: 'twilio', database, fakeTwilio: fake, env });
    const phone = nextPhone();
    let other: TestApp | null = null;
    try {
      fake.failNextCreates({ hangAfterCreateMs: 2500 });
      await stuck.textFromPhone({ from: phone, to: SAC.phoneNumber, body: 'Hi' });
      await eventually(() => createsTo(fake, phone).length === 1, 'the stuck attempt reached the provider');
      other = await TestApp.start({ provider: 'twilio', database, fakeTwilio: fake, env });
      const row = await eventually(async () => { const r = await outboxRow(other!, phone); return r?.state === 'done' ? r : null; }, 'the other instance reconciled it');
      expect(row.provider_message_id).toBe(createsTo(fake, phone)[0].sid);
      await stuck.close({ everything: false });
      await expect(outboxRow(other, phone)).resolves.toMatchObject({ state: 'done', status: 'sent' });
      expect(createsTo(fake, phone)).toHaveLength(1);
    } finally {
      await other?.close({ everything: false });
      await fake.close();
      await database.drop();
    }
  });
});

describe(OutboxRepository.name, () => {
  it('should reserve send slots at the per-number rate, also for two workers claiming at once', async () => {
    const sut = await TestApp.start({ provider: 'twilio', env: { OUTBOX_WORKER_ENABLED: 'false' } });
    try {
      for (let i = 0; i < 6; i += 1) await sut.textFromPhone({ from: nextPhone(), to: SAC.phoneNumber, body: 'Hi' });
      const repository = sut.app.get(OutboxRepository);
      const now = new Date(Date.now() + 1000);
      // Each prompt is 2 segments: at 3 segments/s a slot every 667 ms, so a 1 s horizon holds two.
      const claim = (workerId: string, at: Date) =>
        repository.claimDue({ workerId, now: at, limit: 50, leaseMs: 60_000, segmentsPerSecond: 3, horizonMs: 1000 });
      const [a, b] = await Promise.all([claim('a', now), claim('b', now)]);
      const claims = [...a, ...b];
      expect(claims).toHaveLength(2);
      expect(new Set(claims.map((c) => c.item.id)).size).toBe(2);
      expect(claims.map((c) => c.notBefore.getTime() - now.getTime()).sort((x, y) => x - y)).toEqual([0, 667]);

      await expect(claim('a', now)).resolves.toHaveLength(0);
      const later = await claim('a', new Date(now.getTime() + 1000));
      expect(later.map((c) => c.notBefore.getTime() - now.getTime())).toEqual([1334]);
    } finally {
      await sut.close();
    }
  });
});
