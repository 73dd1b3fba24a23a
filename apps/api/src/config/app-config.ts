import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MESSAGING_PROVIDER_NAMES, type MessagingProviderName } from '@ivm/messaging-provider';

export type DatabaseConfig =
  | { driver: 'sqlite'; path: string }
  | { driver: 'mysql'; url: string };

export interface OutboxConfig {
  /** Whether this instance sends: off for an instance that should only take webhooks and staff requests. */
  workerEnabled: boolean;
  /** Segments per second each hospital number may send (Twilio toll-free: 3). */
  segmentsPerSecond: number;
  /** How often an idle worker looks for due texts. */
  pollIntervalMs: number;
  /** First retry delay; doubles each attempt, with jitter. */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** Attempts before a transiently failing text is marked failed. */
  maxAttempts: number;
  /** How long a claimed text belongs to one worker before another may reconcile it. */
  claimLeaseMs: number;
}

export interface AuthConfig {
  /** Where SANDI permission names are mapped to IVM roles and queues. */
  permissionMapPath: string;
  sessionMaxMs: number;
  sessionIdleMs: number;
  /** How often a session's SANDI permissions are fetched again. */
  permissionRefreshMs: number;
  /** Failed logins allowed per username, then per address, within the window. */
  loginFailuresPerUser: number;
  loginFailuresPerAddress: number;
  loginWindowMs: number;
  /** Roles that may block and unblock clients (supervisors only for queues the phone has texted). */
  blockRoles: Array<'supervisor' | 'manager'>;
}

export interface AuditConfig {
  /** Whether this instance seals audit rows; any number of instances may (there is one chain). */
  sealerEnabled: boolean;
  /** How often an idle sealer looks for rows to seal. */
  sealIntervalMs: number;
  /**
   * How long a missing audit id holds up sealing before the sealer treats it as never committed
   * (a rolled-back insert) and chains past it. On MySQL/MariaDB an id still being inserted is
   * also checked with a lock, so this only has to outlast the instant between taking an id and
   * writing the row.
   */
  sealGapGraceMs: number;
}

export interface AppConfig {
  production: boolean;
  port: number;
  publicBaseUrl: string;
  database: DatabaseConfig;
  dataDir: string;
  messagingProvider: MessagingProviderName;
  twilio: { accountSid: string; authToken: string; apiBaseUrl?: string; requestTimeoutMs: number } | null;
  simulator: { receiptDelayMs: number };
  sandi: { adapter: 'stub'; fixturesPath?: string };
  auth: AuthConfig;
  jwtSecret: string;
  redisUrl?: string;
  /** Prefix of the Redis channels live events travel on: instances of one IVM share it. */
  redisChannelPrefix: string;
  trustProxy: number;
  timeZone: string;
  outbox: OutboxConfig;
  audit: AuditConfig;
}

/** A configuration value that stops the start; the message names the variable and what it expects. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the environment once. `NODE_ENV=production` is read here and nowhere else:
 * it makes the production variables required (no silent simulator in production).
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const reader = new EnvReader(env, problems);
  const production = env.NODE_ENV === 'production';

  const port = reader.integer('PORT', 3000, { min: 0, max: 65535 });
  const database = readDatabase(reader);
  const dataDir = resolve(
    env.IVM_DATA_DIR ?? (database?.driver === 'sqlite' ? dirname(database.path) : './data'),
  );

  if (production) {
    for (const name of ['JWT_SECRET', 'PUBLIC_BASE_URL', 'MESSAGING_PROVIDER']) {
      if (!env[name]) problems.push(`${name} is required when NODE_ENV=production.`);
    }
  }
  const publicBaseUrl = reader.url('PUBLIC_BASE_URL', `http://localhost:${port}`)?.replace(/\/+$/, '');
  const messagingProvider = reader.oneOf('MESSAGING_PROVIDER', MESSAGING_PROVIDER_NAMES, 'simulator');
  const twilio = messagingProvider === 'twilio' ? readTwilio(reader, env, problems) : null;

  const config: AppConfig = {
    production,
    port: port ?? 3000,
    publicBaseUrl: publicBaseUrl ?? `http://localhost:${port}`,
    database: database ?? { driver: 'sqlite', path: resolve('./data/ivm.sqlite') },
    dataDir,
    messagingProvider: messagingProvider ?? 'simulator',
    twilio,
    simulator: { receiptDelayMs: reader.integer('SIMULATOR_RECEIPT_DELAY_MS', 300, { min: 0 }) ?? 300 },
    sandi: {
      adapter: reader.oneOf('SANDI_ADAPTER', ['stub'] as const, 'stub') ?? 'stub',
      fixturesPath: env.SANDI_FIXTURES || undefined,
    },
    auth: {
      permissionMapPath: resolve(env.SANDI_PERMISSION_MAP || repoFile('config', 'sandi-permissions.json')),
      sessionMaxMs: (reader.number('SESSION_MAX_HOURS', 12, { min: 0.01, max: 24 * 30 }) ?? 12) * 3600_000,
      sessionIdleMs: (reader.number('SESSION_IDLE_MINUTES', 120, { min: 1, max: 24 * 60 }) ?? 120) * 60_000,
      permissionRefreshMs: (reader.number('SESSION_PERMISSION_REFRESH_SECONDS', 300, { min: 0 }) ?? 300) * 1000,
      loginFailuresPerUser: reader.integer('LOGIN_MAX_FAILURES_PER_USER', 5, { min: 1 }) ?? 5,
      loginFailuresPerAddress: reader.integer('LOGIN_MAX_FAILURES_PER_ADDRESS', 100, { min: 1 }) ?? 100,
      loginWindowMs: (reader.integer('LOGIN_FAILURE_WINDOW_MINUTES', 15, { min: 1 }) ?? 15) * 60_000,
      blockRoles: readBlockRoles(reader, env),
    },
    jwtSecret: env.JWT_SECRET ?? '',
    redisUrl: reader.url('REDIS_URL', undefined, ['redis:', 'rediss:']),
    redisChannelPrefix: env.REDIS_CHANNEL_PREFIX || 'ivm',
    trustProxy: reader.integer('TRUST_PROXY', 0, { min: 0, max: 10 }) ?? 0,
    timeZone: readTimeZone(reader, env),
    outbox: {
      workerEnabled: reader.oneOf('OUTBOX_WORKER_ENABLED', ['true', 'false'] as const, 'true') !== 'false',
      segmentsPerSecond: reader.number('OUTBOX_SEGMENTS_PER_SECOND', 3, { min: 0.01, max: 1000 }) ?? 3,
      pollIntervalMs: reader.integer('OUTBOX_POLL_INTERVAL_MS', 500, { min: 10 }) ?? 500,
      retryBaseDelayMs: reader.integer('OUTBOX_RETRY_BASE_DELAY_MS', 2000, { min: 1 }) ?? 2000,
      retryMaxDelayMs: reader.integer('OUTBOX_RETRY_MAX_DELAY_MS', 300000, { min: 1 }) ?? 300000,
      maxAttempts: reader.integer('OUTBOX_MAX_ATTEMPTS', 12, { min: 1, max: 100 }) ?? 12,
      claimLeaseMs: reader.integer('OUTBOX_CLAIM_LEASE_MS', 60000, { min: 100 }) ?? 60000,
    },
    audit: {
      sealerEnabled: reader.oneOf('AUDIT_SEALER_ENABLED', ['true', 'false'] as const, 'true') !== 'false',
      sealIntervalMs: reader.integer('AUDIT_SEAL_INTERVAL_MS', 1000, { min: 10 }) ?? 1000,
      sealGapGraceMs: reader.integer('AUDIT_SEAL_GAP_GRACE_MS', 10000, { min: 0 }) ?? 10000,
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  if (!config.jwtSecret) config.jwtSecret = embeddedJwtSecret(config.dataDir);
  return config;
}

function readDatabase(reader: EnvReader): DatabaseConfig | undefined {
  const raw = reader.raw('DATABASE_URL') ?? 'sqlite:./data/ivm.sqlite';
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) return reader.fail('DATABASE_URL', 'expects sqlite:<path> or mysql://user:pass@host:port/db');
    return { driver: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (/^(mysql|mariadb):\/\//.test(raw)) {
    try {
      const url = new URL(raw);
      if (!url.hostname || url.pathname.length < 2) throw new Error('no database name');
      return { driver: 'mysql', url: raw };
    } catch {
      return reader.fail('DATABASE_URL', 'expects mysql://user:pass@host:port/db (a database name is required)');
    }
  }
  return reader.fail('DATABASE_URL', 'expects sqlite:<path> or mysql://user:pass@host:port/db');
}

function readTwilio(reader: EnvReader, env: Env, problems: string[]): AppConfig['twilio'] {
  const accountSid = env.TWILIO_ACCOUNT_SID ?? '';
  const authToken = env.TWILIO_AUTH_TOKEN ?? '';
  if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid)) {
    problems.push('TWILIO_ACCOUNT_SID is required for MESSAGING_PROVIDER=twilio and looks like AC followed by 32 hex digits.');
  }
  if (!authToken) problems.push('TWILIO_AUTH_TOKEN is required for MESSAGING_PROVIDER=twilio.');
  return {
    accountSid,
    authToken,
    apiBaseUrl: reader.url('TWILIO_API_BASE_URL', undefined),
    requestTimeoutMs: reader.integer('TWILIO_REQUEST_TIMEOUT_MS', 15000, { min: 100 }) ?? 15000,
  };
}

function readBlockRoles(reader: EnvReader, env: Env): AuthConfig['blockRoles'] {
  const raw = (env.BLOCK_CLIENT_ROLES || 'supervisor,manager').split(',').map((role) => role.trim()).filter(Boolean);
  if (raw.length === 0 || !raw.every((role) => role === 'supervisor' || role === 'manager')) {
    reader.fail('BLOCK_CLIENT_ROLES', 'expects a comma-separated list of supervisor and/or manager');
    return ['supervisor', 'manager'];
  }
  return raw as AuthConfig['blockRoles'];
}

/** A file shipped with IVM, found from the sources (tests) and from the compiled dist/ alike. */
export function repoFile(...parts: string[]): string {
  let dir = __dirname;
  for (let depth = 0; depth < 8; depth += 1) {
    if (existsSync(join(dir, 'nest-cli.json'))) return join(dir, ...parts);
    dir = dirname(dir);
  }
  return join(process.cwd(), ...parts);
}

function readTimeZone(reader: EnvReader, env: Env): string {
  const zone = env.HOSPITAL_TIME_ZONE || 'America/Chicago';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    reader.fail('HOSPITAL_TIME_ZONE', 'expects an IANA time zone such as America/Chicago');
    return 'America/Chicago';
  }
}

/** The embedded mode keeps a generated session secret beside its database, so sessions survive restarts. */
function embeddedJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  fail(name: string, expectation: string): undefined {
    this.problems.push(`${name}=${JSON.stringify(this.env[name] ?? '')} is not valid: ${name} ${expectation}.`);
    return undefined;
  }

  number(name: string, fallback: number, range: { min?: number; max?: number } = {}): number | undefined {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    const { min = -Infinity, max = Infinity } = range;
    if (!Number.isFinite(value) || value < min || value > max) {
      return this.fail(name, `expects a number${describeRange(min, max)}`);
    }
    return value;
  }

  integer(name: string, fallback: number, range: { min?: number; max?: number } = {}): number | undefined {
    const raw = this.raw(name);
    if (raw !== undefined && !/^-?\d+$/.test(raw.trim())) {
      const { min = -Infinity, max = Infinity } = range;
      return this.fail(name, `expects a whole number${describeRange(min, max)}`);
    }
    return this.number(name, fallback, range);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T | undefined {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    return this.fail(name, `expects one of: ${allowed.join(', ')}`);
  }

  url(name: string, fallback: string | undefined, protocols = ['http:', 'https:']): string | undefined {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    try {
      const url = new URL(raw);
      if (!protocols.includes(url.protocol)) throw new Error('wrong scheme');
      return raw;
    } catch {
      const example = protocols[0] === 'http:' ? 'https://ivm.example.edu' : 'redis://127.0.0.1:6379';
      return this.fail(name, `expects an absolute ${protocols.map((p) => p.slice(0, -1)).join('/')} URL such as ${example}`);
    }
  }
}

function describeRange(min: number, max: number): string {
  if (min > -Infinity && max < Infinity) return ` from ${min} to ${max}`;
  if (min > -Infinity) return ` of at least ${min}`;
  if (max < Infinity) return ` of at most ${max}`;
  return '';
}
