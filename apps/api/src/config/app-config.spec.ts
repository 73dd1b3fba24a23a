import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const TWILIO = { MESSAGING_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'token' };
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig({ JWT_SECRET: 'secret', ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe(loadConfig.name, () => {
  it('should default to the embedded mode: SQLite in ./data, the simulator, port 3000, Chicago time', () => {
    const sut = loadConfig({ JWT_SECRET: 'secret' });
    expect(sut).toMatchObject({
      production: false,
      port: 3000,
      publicBaseUrl: 'http://localhost:3000',
      database: { driver: 'sqlite', path: join(process.cwd(), 'data', 'ivm.sqlite') },
      messagingProvider: 'simulator',
      twilio: null,
      timeZone: 'America/Chicago',
      outbox: { segmentsPerSecond: 3, workerEnabled: true },
    });
  });

  it('should read a MySQL URL and the Twilio variables', () => {
    const sut = loadConfig({ JWT_SECRET: 's', DATABASE_URL: 'mysql://ivm:pw@db:3306/ivm', PUBLIC_BASE_URL: 'https://ivm.example.edu/', ...TWILIO });
    expect(sut.database).toEqual({ driver: 'mysql', url: 'mysql://ivm:pw@db:3306/ivm' });
    expect(sut.publicBaseUrl).toBe('https://ivm.example.edu');
    expect(sut.twilio).toEqual({ accountSid: TWILIO.TWILIO_ACCOUNT_SID, authToken: 'token', apiBaseUrl: undefined, requestTimeoutMs: 15000 });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://host' }, 'DATABASE_URL'],
    [{ MESSAGING_PROVIDER: 'carrier-pigeon' }, 'MESSAGING_PROVIDER'],
    [{ PUBLIC_BASE_URL: 'ivm.example.edu' }, 'PUBLIC_BASE_URL'],
    [{ ...TWILIO, TWILIO_ACCOUNT_SID: 'AC123' }, 'TWILIO_ACCOUNT_SID'],
    [{ ...TWILIO, TWILIO_AUTH_TOKEN: '' }, 'TWILIO_AUTH_TOKEN'],
    [{ OUTBOX_SEGMENTS_PER_SECOND: '0' }, 'OUTBOX_SEGMENTS_PER_SECOND'],
    [{ HOSPITAL_TIME_ZONE: 'Urbana/Illinois' }, 'HOSPITAL_TIME_ZONE'],
    [{ OUTBOX_WORKER_ENABLED: 'yes' }, 'OUTBOX_WORKER_ENABLED'],
  ])('should stop the start with a message naming the variable when %p', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${variable}`));
  });

  it('should require the production variables when NODE_ENV=production, so no simulator runs silently', () => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: '' });
    expect(problems).toEqual([
      'JWT_SECRET is required when NODE_ENV=production.',
      'PUBLIC_BASE_URL is required when NODE_ENV=production.',
      'MESSAGING_PROVIDER is required when NODE_ENV=production.',
    ]);
  });

  it('should keep a generated session secret in the data folder in the embedded mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ivm-config-'));
    const first = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'ivm.sqlite')}` });
    const second = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'ivm.sqlite')}` });
    expect(first.jwtSecret).toHaveLength(43);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8')).toBe(first.jwtSecret);
  });
});
