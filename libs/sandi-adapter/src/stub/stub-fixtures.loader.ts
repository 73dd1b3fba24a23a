import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StubFixturesError, type StubFixtures } from './stub-fixtures';
import { assertValidStubFixtures } from './stub-fixtures.validator';

const DEMO_FIXTURES = join('libs', 'sandi-adapter', 'fixtures', 'demo-fixtures.json');

/**
 * Where the shipped demo fixtures are. The JSON file is not compiled, so this module may run from
 * `libs/sandi-adapter/src/stub` (ts sources under jest or ts-node) or from
 * `dist/libs/sandi-adapter/src/stub` (the built app); both sit below the repository root. We walk
 * up from here and take the first folder holding `libs/sandi-adapter/fixtures/demo-fixtures.json`,
 * which needs no copy step in the build and also finds a copy placed beside a deployed `dist/`.
 */
export function resolveDemoFixturesPath(startDir: string = __dirname): string {
  const searched: string[] = [];
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const candidate = join(dir, DEMO_FIXTURES);
    if (existsSync(candidate)) return candidate;
    searched.push(dir);
    if (dirname(dir) === dir) break;
  }
  throw new StubFixturesError(
    'SANDI_FIXTURES_UNREADABLE',
    `SANDI stub demo fixtures (${DEMO_FIXTURES}) not found in ${searched[0]} or any folder above it: ` +
      'set SANDI_FIXTURES to a fixture file',
  );
}

/**
 * Read and validate a fixture file; without a path, the shipped demo fixtures. A relative path is
 * taken from the working directory, as for any path given in the environment.
 */
export function loadStubFixtures(fixturesPath?: string): StubFixtures {
  const path = fixturesPath === undefined ? resolveDemoFixturesPath() : resolve(fixturesPath);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const reason = missing ? 'does not exist' : `cannot be read (${reasonOf(error)})`;
    throw new StubFixturesError('SANDI_FIXTURES_UNREADABLE', `SANDI stub fixtures ${path} ${reason}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StubFixturesError(
      'SANDI_FIXTURES_INVALID',
      `SANDI stub fixtures ${path} are not valid JSON: ${reasonOf(error)}`,
    );
  }
  return assertValidStubFixtures(raw, path);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
