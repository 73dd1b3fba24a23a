import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveDemoFixturesPath } from './stub-fixtures.loader';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
const DEMO_FIXTURES = join(REPO_ROOT, 'libs', 'sandi-adapter', 'fixtures', 'demo-fixtures.json');

describe(resolveDemoFixturesPath.name, () => {
  const sut = resolveDemoFixturesPath;

  it('should find the shipped fixtures when running from the ts sources', () => {
    expect(existsSync(join(REPO_ROOT, 'nest-cli.json'))).toBe(true);

    expect(sut(__dirname)).toBe(DEMO_FIXTURES);
  });

  it('should find the shipped fixtures when running from the compiled dist folder', () => {
    expect(sut(join(REPO_ROOT, 'dist', 'libs', 'sandi-adapter', 'src', 'stub'))).toBe(DEMO_FIXTURES);
  });

  it('should throw saying to set SANDI_FIXTURES when no folder above holds them', () => {
    const elsewhere = join(tmpdir(), 'elsewhere');

    expect(() => sut(elsewhere)).toThrow(`not found in ${elsewhere} or any folder above it: set SANDI_FIXTURES`);
  });
});
