import { GENESIS_HASH, hashAuditRow } from '../src/audit/audit-chain';
import { AuditEventEntity } from '../src/audit/audit-event.entity';
import type { AuditRecord } from '../src/audit/audit-record';
import { AuditSealer } from '../src/audit/audit-sealer';
import { AuditVerifier } from '../src/audit/audit-verifier';
import { AuditService } from '../src/audit/audit.service';
import { TransactionRunner } from '../src/database/transaction-runner';
import { StaffClient } from './support/staff-client';
import { TestApp, eventually } from './support/test-app';
import { TEST_MYSQL_URL } from './support/test-database';

const GAP_GRACE_MS = 300;
const onMySql = TEST_MYSQL_URL ? it : it.skip;

interface RawRow { id: number; hash: string | null; prev_hash: string | null; details_json: string | null }

describe('audit log', () => {
  let sut: TestApp;
  let audit: AuditService;
  let sealer: AuditSealer;
  let verifier: AuditVerifier;
  let transactions: TransactionRunner;
  let counter = 0;
  const event = (change: Partial<AuditRecord> = {}): AuditRecord => ({
    actorType: 'system', actor: 'system', action: 'test.event', subject: `subject-${counter++}`, ...change,
  });
  const rowsOf = (action: string) => sut.query<RawRow>('SELECT id, hash, prev_hash, details_json FROM audit_events WHERE action = ? ORDER BY id', [action]);
  const lastId = async () => Number((await sut.query<{ id: number }>('SELECT MAX(id) AS id FROM audit_events'))[0].id);
  const events = () => sut.dataSource.getRepository(AuditEventEntity);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Seals everything, waiting out the grace once for ids that never committed (on MySQL a rolled-back insert leaves one). */
  const sealAll = async () => {
    const first = await sealer.drainOnce();
    await sleep(GAP_GRACE_MS + 50);
    return first + (await sealer.drainOnce());
  };

  beforeAll(async () => {
    // The sealer is driven by the tests (drainOnce), so what is sealed when is known.
    sut = await TestApp.start({ provider: 'simulator', env: { AUDIT_SEALER_ENABLED: 'false', AUDIT_SEAL_GAP_GRACE_MS: String(GAP_GRACE_MS) } });
    audit = sut.app.get(AuditService);
    sealer = sut.app.get(AuditSealer);
    verifier = sut.app.get(AuditVerifier);
    transactions = sut.app.get(TransactionRunner);
  });

  afterAll(async () => {
    await sut?.close();
  });

  describe('recording', () => {
    it('should leave no row when the transaction that recorded it rolls back', async () => {
      await expect(transactions.run(async (manager) => {
        await audit.record(manager, event({ action: 'test.rolled_back' }));
        throw new Error('the change failed');
      })).rejects.toThrow('the change failed');
      await expect(rowsOf('test.rolled_back')).resolves.toEqual([]);
    });

    it('should write the row with the change when the transaction commits, unsealed and with sorted details', async () => {
      await transactions.run((manager) => audit.record(manager, event({
        actorType: 'user', actor: 'sac.staff', action: 'test.committed', entityType: 'conversation', entityId: 17,
        queueCode: 'SAC', ipAddress: '192.0.2.10', details: { zeta: 1, alpha: { beta: true } },
      })));
      const [row] = await events().findBy({ action: 'test.committed' });
      expect(row).toMatchObject({
        actorType: 'user', actor: 'sac.staff', entityType: 'conversation', entityId: '17', queueCode: 'SAC', ipAddress: '192.0.2.10',
        detailsJson: '{"alpha":{"beta":true},"zeta":1}', prevHash: null, hash: null,
      });
      expect(Math.abs(row.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
    });

    it('should write a row of its own with recordNow', async () => {
      await audit.recordNow(event({ action: 'test.record_now', actorType: 'user', actor: 'nobody', details: { reason: 'wrong_credentials' } }));
      await expect(rowsOf('test.record_now')).resolves.toEqual([expect.objectContaining({ details_json: '{"reason":"wrong_credentials"}' })]);
    });
  });

  describe('sealing and verifying', () => {
    it('should count rows as unsealed and still be ok while the sealer is off', async () => {
      for (let i = 0; i < 3; i += 1) await audit.recordNow(event({ action: 'test.unsealed' }));
      const unsealed = Number((await sut.query<{ n: number }>('SELECT COUNT(*) AS n FROM audit_events WHERE hash IS NULL'))[0].n);
      expect(unsealed).toBeGreaterThanOrEqual(3);
      await expect(verifier.verify()).resolves.toMatchObject({ ok: true, unsealed, firstBrokenId: null });
    });

    it('should chain every row in id order from the genesis hash when the sealer drains', async () => {
      await expect(sealAll()).resolves.toBeGreaterThanOrEqual(5);
      const rows = await events().find({ order: { id: 'ASC' } });
      expect(rows.length).toBeGreaterThanOrEqual(5);
      let prevHash = GENESIS_HASH;
      for (const row of rows) {
        expect(row.prevHash).toBe(prevHash);
        expect(row.hash).toBe(hashAuditRow(row, prevHash));
        prevHash = row.hash!;
      }
      await expect(verifier.verify()).resolves.toEqual({
        ok: true, checked: rows.length, unsealed: 0, firstBrokenId: null, lastSealedId: rows[rows.length - 1].id, lastHash: prevHash,
      });
    });

    it('should seal in batches when there are more rows than one batch holds', async () => {
      await transactions.run(async (manager) => {
        for (let i = 0; i < 1200; i += 1) await audit.record(manager, event({ action: 'test.bulk' }));
      });
      await expect(sealer.drainOnce()).resolves.toBe(1200);
      await expect(verifier.verify()).resolves.toMatchObject({ ok: true, unsealed: 0 });
    });

    it('should report exactly the edited row with hash_mismatch when details_json is changed in the database', async () => {
      const [, edited] = await rowsOf('test.unsealed');
      await sut.query('UPDATE audit_events SET details_json = ? WHERE id = ?', ['{"forged":true}', edited.id]);
      await expect(verifier.verify()).resolves.toMatchObject({ ok: false, firstBrokenId: edited.id, reason: 'hash_mismatch' });
      await sut.query('UPDATE audit_events SET details_json = ? WHERE id = ?', [edited.details_json, edited.id]);
      await expect(verifier.verify()).resolves.toMatchObject({ ok: true, firstBrokenId: null });
    });

    it('should report the edited row when its time is moved by a millisecond', async () => {
      const [edited] = await rowsOf('test.unsealed');
      const [{ occurred_at: original }] = await sut.query<{ occurred_at: unknown }>('SELECT occurred_at FROM audit_events WHERE id = ?', [edited.id]);
      const entity = await events().findOneByOrFail({ id: edited.id });
      await events().update({ id: edited.id }, { occurredAt: new Date(entity.occurredAt.getTime() + 1) });
      await expect(verifier.verify()).resolves.toMatchObject({ ok: false, firstBrokenId: edited.id, reason: 'hash_mismatch' });
      await sut.query('UPDATE audit_events SET occurred_at = ? WHERE id = ?', [original, edited.id]);
      await expect(verifier.verify()).resolves.toMatchObject({ ok: true });
    });

    it('should report the next row with prev_hash_mismatch when a row is deleted, and be whole again when it is put back', async () => {
      const [, deleted, next] = await rowsOf('test.unsealed');
      const [original] = await sut.query<Record<string, unknown>>('SELECT * FROM audit_events WHERE id = ?', [deleted.id]);
      await sut.query('DELETE FROM audit_events WHERE id = ?', [deleted.id]);
      await expect(verifier.verify()).resolves.toMatchObject({ ok: false, firstBrokenId: next.id, reason: 'prev_hash_mismatch' });
      const columns = Object.keys(original);
      await sut.query(`INSERT INTO audit_events (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => original[c]));
      await expect(verifier.verify()).resolves.toMatchObject({ ok: true });
    });

    it('should report a row whose hash was cleared as unsealed below the head, and not seal it again', async () => {
      const [cleared] = await rowsOf('test.record_now');
      await sut.query('UPDATE audit_events SET hash = NULL, prev_hash = NULL WHERE id = ?', [cleared.id]);
      await expect(verifier.verify()).resolves.toMatchObject({ ok: false, firstBrokenId: cleared.id, reason: 'unsealed_below_head', unsealed: 1 });
      await expect(sealer.drainOnce()).resolves.toBe(0);
      await sut.query('UPDATE audit_events SET hash = ?, prev_hash = ? WHERE id = ?', [cleared.hash, cleared.prev_hash, cleared.id]);
      await expect(verifier.verify()).resolves.toMatchObject({ ok: true, unsealed: 0 });
    });
  });

  describe('gaps in the ids', () => {
    it('should stop at a missing id, then seal past it once the gap is older than the grace', async () => {
      await audit.recordNow(event({ action: 'test.gap_missing' }));
      await audit.recordNow(event({ action: 'test.gap_after' }));
      const [missing] = await rowsOf('test.gap_missing');
      // A row that never commits leaves its id unused, as this one now is.
      await sut.query('DELETE FROM audit_events WHERE id = ?', [missing.id]);
      await expect(sealer.drainOnce()).resolves.toBe(0);
      await expect(rowsOf('test.gap_after')).resolves.toEqual([expect.objectContaining({ hash: null })]);
      await sleep(GAP_GRACE_MS + 50);
      await expect(sealer.drainOnce()).resolves.toBe(1);
      await expect(verifier.verify()).resolves.toMatchObject({ ok: true, unsealed: 0 });
    });

    onMySql('should skip the id of an insert that rolled back once the grace has passed', async () => {
      await expect(transactions.run(async (manager) => {
        await audit.record(manager, event({ action: 'test.rolled_back_gap' }));
        throw new Error('rolled back');
      })).rejects.toThrow('rolled back');
      await audit.recordNow(event({ action: 'test.after_rollback' }));
      await expect(sealer.drainOnce()).resolves.toBe(0);
      await sleep(GAP_GRACE_MS + 50);
      await expect(sealer.drainOnce()).resolves.toBe(1);
      await expect(verifier.verify()).resolves.toMatchObject({ ok: true, unsealed: 0 });
    });

    onMySql('should wait for a lower id still being inserted however old the gap, and seal both once it commits', async () => {
      let inserted!: () => void;
      let release!: () => void;
      const insertedSignal = new Promise<void>((resolve) => { inserted = resolve; });
      const gate = new Promise<void>((resolve) => { release = resolve; });
      const slow = transactions.run(async (manager) => {
        await audit.record(manager, event({ action: 'test.slow_writer' }));
        inserted();
        await gate;
      });
      await insertedSignal;
      await audit.recordNow(event({ action: 'test.fast_writer' }));
      await expect(sealer.drainOnce()).resolves.toBe(0);
      await sleep(GAP_GRACE_MS + 50);
      await expect(sealer.drainOnce()).resolves.toBe(0);
      await expect(rowsOf('test.fast_writer')).resolves.toEqual([expect.objectContaining({ hash: null })]);
      release();
      await slow;
      await expect(sealer.drainOnce()).resolves.toBe(2);
      const [slowRow] = await rowsOf('test.slow_writer');
      const [fastRow] = await rowsOf('test.fast_writer');
      expect(slowRow.id).toBeLessThan(fastRow.id);
      expect(fastRow.prev_hash).toBe(slowRow.hash);
      await expect(verifier.verify()).resolves.toMatchObject({ ok: true, unsealed: 0 });
    });

    onMySql('should keep one chain when two instances seal while writers commit out of id order', async () => {
      const other = await TestApp.start({ provider: 'simulator', database: sut.database, env: { AUDIT_SEALER_ENABLED: 'false' } });
      try {
        let writing = true;
        const writers = Promise.all([0, 1, 2, 3].map(async () => {
          for (let i = 0; i < 100; i += 1) await audit.recordNow(event({ action: 'test.two_sealers' }));
        })).finally(() => { writing = false; });
        const sealed = await Promise.all([sealer, other.app.get(AuditSealer)].map(async (instance) => {
          let total = 0;
          while (writing) {
            total += await instance.drainOnce();
            await sleep(5);
          }
          return total;
        }));
        await writers;
        const rest = await sealAll();
        expect(sealed[0] + sealed[1] + rest).toBeGreaterThanOrEqual(400);
        const rows = await rowsOf('test.two_sealers');
        expect(rows).toHaveLength(400);
        expect(rows.filter((row) => row.hash === null)).toEqual([]);
        await expect(verifier.verify()).resolves.toMatchObject({ ok: true, unsealed: 0 });
      } finally {
        await other.close({ everything: false });
      }
    });
  });

  describe('HTTP', () => {
    let manager: StaffClient;
    let supervisor: StaffClient;
    let staff: StaffClient;
    let firstId: number;

    beforeAll(async () => {
      [manager, supervisor, staff] = await Promise.all(['manager', 'sac.supervisor', 'sac.staff'].map((name) => StaffClient.login(sut.url, name)));
      firstId = (await lastId()) + 1;
      await audit.recordNow(event({ action: 'test.http', queueCode: 'SAC', actor: 'Sac.Staff', details: { note: 'has "quotes", commas\nand a line' } }));
      await audit.recordNow(event({ action: 'test.http', queueCode: 'LAC', actor: 'lac.staff' }));
      await audit.recordNow(event({ action: 'test.http', queueCode: null, actor: 'system', subject: '=HYPERLINK("x")' }));
      await audit.recordNow(event({ action: 'test.http_other', queueCode: 'SAC' }));
    });

    it('should answer managers every matching row, newest first, with Content-Range and X-Total-Count', async () => {
      const response = await manager.get('/api/audit-events?action=test.http&perPage=2');
      expect(response.status).toBe(200);
      expect(response.body.map((row: { id: number }) => row.id)).toEqual([firstId + 2, firstId + 1]);
      expect(response.headers.get('content-range')).toBe('audit-events 0-1/3');
      expect(response.headers.get('x-total-count')).toBe('3');
      expect(response.body[0]).toMatchObject({ action: 'test.http', queue: null, actor: 'system', sealed: false, hash: null });
    });

    it('should take react-admin filter, range and sort', async () => {
      const query = new URLSearchParams({ filter: JSON.stringify({ action: ['test.http', 'test.http_other'], queue: 'sac' }), range: '[1,5]', sort: '["id","ASC"]' });
      const response = await manager.get(`/api/audit-events?${query}`);
      expect(response.status).toBe(200);
      expect(response.body.map((row: { id: number }) => row.id)).toEqual([firstId + 3]);
      expect(response.headers.get('content-range')).toBe('audit-events 1-1/2');
    });

    it('should match the actor without regard to case and filter by time', async () => {
      const from = encodeURIComponent(new Date(Date.now() - 60_000).toISOString());
      const response = await manager.get(`/api/audit-events?actor=sac.staff&action=test.http&from=${from}`);
      expect(response.body).toEqual([expect.objectContaining({ id: firstId, actor: 'Sac.Staff', details: { note: 'has "quotes", commas\nand a line' } })]);
      const future = await manager.get(`/api/audit-events?action=test.http&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
      expect(future.body).toEqual([]);
      expect(future.headers.get('content-range')).toBe('audit-events */0');
    });

    it('should answer supervisors only the rows of the queues they supervise', async () => {
      const response = await supervisor.get('/api/audit-events?action=test.http');
      expect(response.status).toBe(200);
      expect(response.body.map((row: { id: number }) => row.id)).toEqual([firstId]);
      await expect(supervisor.get(`/api/audit-events/${firstId + 1}`)).resolves.toMatchObject({ status: 404 });
      await expect(supervisor.get(`/api/audit-events/${firstId}`)).resolves.toMatchObject({ status: 200, body: { id: firstId } });
    });

    it('should refuse staff with 403 and anyone without a session with 401', async () => {
      await expect(staff.get('/api/audit-events')).resolves.toMatchObject({ status: 403 });
      await expect(StaffClient.withToken(sut.url, '').get('/api/audit-events')).resolves.toMatchObject({ status: 401 });
    });

    it.each([
      ['perPage=500', 'perPage'],
      ['range=[0,500]', 'range'],
      ['sort=password', 'sort'],
      ['from=yesterday', 'from'],
      ['colour=red', 'colour'],
      ['format=xml', 'format'],
    ])('should answer 400 naming the parameter when the query has %s', async (query, field) => {
      await expect(manager.get(`/api/audit-events?${query}`)).resolves.toMatchObject({ status: 400, body: { code: 'invalid_query', field } });
    });

    it('should export every matching row as CSV with a header row and quoted cells when format=csv', async () => {
      const response = await manager.get('/api/audit-events?action=test.http&sort=id&order=ASC&perPage=1&format=csv');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="audit-events.csv"/);
      const lines = response.text.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[0]).toBe('id,occurred_at,actor_type,actor,action,entity_type,entity_id,subject,queue,details,ip_address,prev_hash,hash');
      expect(lines).toHaveLength(5); // header, three rows, and the empty text after the last CRLF
      const [first] = (await manager.get(`/api/audit-events?id=${firstId}`)).body;
      const details = '"{""note"":""has \\""quotes\\"", commas\\nand a line""}"';
      expect(lines[1]).toBe(`${firstId},${first.occurredAt},system,Sac.Staff,test.http,,,${first.subject},SAC,${details},,,`);
      expect(lines[3]).toContain(`,"'=HYPERLINK(""x"")",`);
    });

    it('should export CSV for a supervisor only from their queues when the Accept header asks for it', async () => {
      const response = await supervisor.get('/api/audit-events?action=test.http', { accept: 'text/csv' });
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(response.text.replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(2);
    });

    it('should answer verify to managers', async () => {
      await sealer.drainOnce();
      await expect(manager.get('/api/audit-events/verify')).resolves.toMatchObject({ status: 200, body: { ok: true, unsealed: 0, firstBrokenId: null } });
      await expect(supervisor.get('/api/audit-events/verify')).resolves.toMatchObject({ status: 403 });
    });

    it('should record a failed login that verify then sees sealed', async () => {
      const response = await fetch(`${sut.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'manager', password: 'wrong' }) });
      expect(response.status).toBe(401);
      await expect(rowsOf('auth.login_failed')).resolves.toHaveLength(1);
      await expect(sealer.drainOnce()).resolves.toBeGreaterThanOrEqual(1);
      await expect(manager.get('/api/audit-events/verify')).resolves.toMatchObject({ body: { ok: true, unsealed: 0 } });
    });
  });
});


describe('audit sealer loop', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await TestApp.start({ provider: 'simulator', env: { AUDIT_SEAL_INTERVAL_MS: '50' } });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('should seal a recorded row shortly after it commits when the sealer runs', async () => {
    await sut.app.get(AuditService).recordNow({ actorType: 'system', actor: 'system', action: 'test.loop' });
    await eventually(async () => (await sut.query<{ hash: string | null }>('SELECT hash FROM audit_events WHERE action = ?', ['test.loop']))[0]?.hash, 'the row sealed');
    await expect(sut.app.get(AuditVerifier).verify()).resolves.toMatchObject({ ok: true });
  });
});
