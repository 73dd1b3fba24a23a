import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
// js-yaml comes with @nestjs/swagger; `docker-compose config` (1.29) prints YAML only.
import { load } from 'js-yaml';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const COMPOSE_FILE = join(REPO_ROOT, 'docker-compose.yml');
const DOCKERFILE = join(REPO_ROOT, 'Dockerfile');

/** The variables the compose file interpolates; PUBLIC_BASE_URL and JWT_SECRET are `${VAR:?…}`. */
const COMPOSE_ENV = {
  PUBLIC_BASE_URL: 'https://ivm.example.test',
  JWT_SECRET: 'compose-test-secret-compose-test-secret',
  IVM_DB_PASSWORD: 'compose-test-password',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'compose-test-token',
};

const composeInstalled = !spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).error;
const runningInCi = !!process.env.CI && !/^(0|false)$/i.test(process.env.CI);
if (!composeInstalled && !runningInCi) {
  console.warn('docker-compose not installed: skipping the docker-compose.yml checks (apt-get install -y docker-compose runs them)');
}
const itWithCompose = composeInstalled ? it : it.skip;

describe('docker-compose.yml', () => {
  let scratch: string;
  let emptyEnvFile: string;
  let parsed: Promise<ComposeConfig> | undefined;

  /** Runs docker-compose on our file only: no COMPOSE_* or .env from the developer's shell. */
  const compose = (args: string[], env: Record<string, string | undefined> = COMPOSE_ENV) => {
    const childEnv: NodeJS.ProcessEnv = {};
    for (const [name, value] of Object.entries(process.env)) {
      if (!name.startsWith('COMPOSE_') && !(name in COMPOSE_ENV) && name !== 'MESSAGING_PROVIDER') childEnv[name] = value;
    }
    for (const [name, value] of Object.entries(env)) if (value !== undefined) childEnv[name] = value;
    return promisify(execFile)(
      'docker-compose',
      ['--env-file', emptyEnvFile, '--project-directory', REPO_ROOT, '-f', COMPOSE_FILE, ...args],
      { cwd: REPO_ROOT, env: childEnv, encoding: 'utf8' },
    );
  };
  const config = () => (parsed ??= compose(['config']).then(({ stdout }) => load(stdout) as ComposeConfig));

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'ivm-compose-'));
    emptyEnvFile = join(scratch, 'empty.env');
    writeFileSync(emptyEnvFile, '');
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  if (!composeInstalled && runningInCi) {
    it('should find docker-compose when CI is set', () => {
      throw new Error('docker-compose is not installed and CI is set: the compose checks may not be skipped in CI (apt-get install -y docker-compose)');
    });
  }

  itWithCompose('should validate when the required variables are set', async () => {
    await expect(compose(['config', '-q'])).resolves.toMatchObject({ stdout: '' });
  });

  itWithCompose.each(['PUBLIC_BASE_URL', 'JWT_SECRET'])('should fail naming %s when it is unset', async (name) => {
    await expect(compose(['config', '-q'], { ...COMPOSE_ENV, [name]: undefined })).rejects.toThrow(name);
  });

  itWithCompose('should define the mariadb and api services when parsed', async () => {
    const { services } = await config();
    expect(Object.keys(services).sort()).toEqual(['api', 'mariadb']);
    expect(services.mariadb.image).toBe('mariadb:10.11');
    expect(services.api.build).toMatchObject({ context: REPO_ROOT });
  });

  itWithCompose('should start api only when mariadb is healthy', async () => {
    const { services } = await config();
    expect(services.api.depends_on).toEqual({ mariadb: expect.objectContaining({ condition: 'service_healthy' }) });
    expect(services.mariadb.healthcheck?.test).toEqual(['CMD', 'healthcheck.sh', '--connect', '--innodb_initialized']);
  });

  itWithCompose('should publish port 3000 when api runs', async () => {
    const { services } = await config();
    expect((services.api.ports ?? []).map(portMapping)).toEqual([{ published: 3000, target: 3000 }]);
  });

  itWithCompose('should keep the database and the data folder in named volumes when parsed', async () => {
    const { services, volumes } = await config();
    const mounts = (name: string) => (services[name].volumes ?? []).map(volumeMount);
    expect(mounts('mariadb')).toEqual([{ source: 'mariadb-data', target: '/var/lib/mysql' }]);
    expect(mounts('api')).toEqual([{ source: 'api-data', target: '/app/data' }]);
    expect(Object.keys(volumes ?? {}).sort()).toEqual(['api-data', 'mariadb-data']);
  });

  itWithCompose('should point DATABASE_URL at the mariadb service when the stack runs', async () => {
    const { services } = await config();
    const env = services.api.environment ?? {};
    const url = new URL(String(env.DATABASE_URL));
    expect({ protocol: url.protocol, host: url.host, database: url.pathname, user: url.username, password: url.password }).toEqual({
      protocol: 'mysql:',
      host: 'mariadb:3306',
      database: '/ivm',
      user: 'ivm',
      password: COMPOSE_ENV.IVM_DB_PASSWORD,
    });
    expect(services.mariadb.environment).toMatchObject({
      MARIADB_DATABASE: 'ivm',
      MARIADB_USER: 'ivm',
      MARIADB_PASSWORD: COMPOSE_ENV.IVM_DB_PASSWORD,
    });
    expect(services.mariadb.command).toEqual(['--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci']);
  });

  itWithCompose('should run api in production with Twilio when MESSAGING_PROVIDER is unset', async () => {
    const { services } = await config();
    expect(services.api.environment).toMatchObject({
      NODE_ENV: 'production',
      MESSAGING_PROVIDER: 'twilio',
      PUBLIC_BASE_URL: COMPOSE_ENV.PUBLIC_BASE_URL,
      JWT_SECRET: COMPOSE_ENV.JWT_SECRET,
      TWILIO_ACCOUNT_SID: COMPOSE_ENV.TWILIO_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: COMPOSE_ENV.TWILIO_AUTH_TOKEN,
    });
    expect(services.api.restart).toBe('unless-stopped');
  });
});

describe('Dockerfile', () => {
  const stages = dockerfileStages(readFileSync(DOCKERFILE, 'utf8'));
  const runtime = stages[stages.length - 1] ?? [];
  const args = (stage: Instruction[], keyword: string) => stage.filter((i) => i.keyword === keyword).map((i) => i.args);

  it('should build in two stages on node:20-bookworm-slim when parsed', () => {
    expect(stages.map((stage) => stage[0].args)).toEqual(['node:20-bookworm-slim AS build', 'node:20-bookworm-slim AS runtime']);
  });

  it('should install, compile and prune the dependencies when the build stage runs', () => {
    const commands = args(stages[0], 'RUN').join(' && ');
    for (const step of ['npm ci', 'npm run build', 'npm prune --omit=dev']) expect(commands).toContain(step);
    expect(commands.indexOf('npm ci')).toBeLessThan(commands.indexOf('npm prune --omit=dev'));
  });

  it('should run as a non-root user when the container starts', () => {
    const users = args(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1].split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('should start the entry point of npm run start:dist when the container starts', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const [cmd] = args(runtime, 'CMD');
    expect(JSON.parse(cmd)).toEqual(pkg.scripts['start:dist'].split(' '));
  });

  it('should copy the pruned dependencies, the build and the demo fixtures when the runtime stage is built', () => {
    const copied = args(runtime, 'COPY')
      .filter((a) => a.includes('--from=build'))
      .flatMap((a) => a.split(/\s+/).filter((word) => !word.startsWith('--')).slice(0, -1));
    expect(copied).toEqual(expect.arrayContaining(['/app/node_modules', '/app/dist', '/app/libs/sandi-adapter/fixtures', '/app/package.json']));
    expect(existsSync(join(REPO_ROOT, 'libs/sandi-adapter/fixtures/demo-fixtures.json'))).toBe(true);
  });

  it('should run in production, expose 3000 and check /health when the container runs', () => {
    expect(args(runtime, 'ENV')).toContain('NODE_ENV=production');
    expect(args(runtime, 'EXPOSE')).toEqual(['3000']);
    expect(args(runtime, 'VOLUME').join(' ')).toContain('/app/data');
    const [healthcheck] = args(runtime, 'HEALTHCHECK');
    expect(healthcheck).toMatch(/CMD \["node", "-e", ".*fetch\('http:\/\/127\.0\.0\.1:.*\/health'/);
  });

  it('should leave local artefacts out of the build context when .dockerignore is read', () => {
    const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8').split(/\r?\n/).map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data', '.git', 'coverage', '*.sqlite']));
  });
});

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string };
  command?: string[] | string;
  depends_on?: Record<string, { condition?: string }> | string[];
  ports?: Array<string | { published?: number | string; target: number | string }>;
  environment?: Record<string, string | null>;
  volumes?: Array<string | { source?: string; target: string }>;
  healthcheck?: { test?: string[] | string };
  restart?: string;
}

interface ComposeConfig {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** docker-compose 1.29 and v2 print ports and mounts in different long forms; compare their essence. */
function portMapping(port: NonNullable<ComposeService['ports']>[number]): { published: number; target: number } {
  if (typeof port === 'string') {
    const [published, target] = port.replace(/\/tcp$/, '').split(':').slice(-2);
    return { published: Number(published), target: Number(target) };
  }
  return { published: Number(port.published), target: Number(port.target) };
}

function volumeMount(volume: NonNullable<ComposeService['volumes']>[number]): { source?: string; target: string } {
  if (typeof volume === 'string') {
    const [source, target] = volume.split(':');
    return { source, target };
  }
  return { source: volume.source, target: volume.target };
}

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions (continuations joined, comments dropped), grouped by stage. */
function dockerfileStages(text: string): Instruction[][] {
  const stages: Instruction[][] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#') || line === '') continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(`${pending}${line}`)!;
    pending = '';
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages[stages.length - 1]?.push(instruction);
  }
  return stages;
}
