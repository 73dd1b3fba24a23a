import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createDummyHash, hashPassword, parseScryptHash, type ScryptHash, verifyPassword } from './scrypt-password';

const HASH_SCRIPT = join(__dirname, '..', '..', 'scripts', 'hash-password.js');

function runHashScript(args: string[], input?: string): string {
  return execFileSync(process.execPath, [HASH_SCRIPT, ...args], { input, encoding: 'utf8' }).trim();
}

function parsed(text: string): ScryptHash {
  const result = parseScryptHash(text);
  if (!result.ok) throw new Error(`test hash does not parse: ${result.problem}`);
  return result.value;
}

describe(verifyPassword.name, () => {
  const sut = verifyPassword;
  let fromScript: ScryptHash;

  beforeAll(() => {
    fromScript = parsed(runHashScript(['correct horse']));
  });

  it('should answer true when the password is the one hash-password.js hashed', async () => {
    await expect(sut('correct horse', fromScript)).resolves.toBe(true);
  });

  it('should answer false when the password is another', async () => {
    await expect(sut('correct horsE', fromScript)).resolves.toBe(false);
  });

  it('should answer true when hash-password.js read the password from standard input', async () => {
    const hash = parsed(runHashScript([], 'from stdin\n'));

    await expect(sut('from stdin', hash)).resolves.toBe(true);
  });

  it('should answer true when hashPassword hashed the password at the cost it was given', async () => {
    const hash = parsed(hashPassword('quick', 1024));

    expect(hash.cost).toBe(1024);
    await expect(sut('quick', hash)).resolves.toBe(true);
  });

  it('should answer false for every password when the hash is a dummy', async () => {
    const dummy = createDummyHash(1024, 32);

    await expect(sut('', dummy)).resolves.toBe(false);
    await expect(sut('demo', dummy)).resolves.toBe(false);
  });
});

describe(parseScryptHash.name, () => {
  const sut = parseScryptHash;

  it('should answer the cost, salt and hash when hash-password.js wrote it', () => {
    const result = sut(runHashScript(['demo']));

    expect(result).toMatchObject({ ok: true, value: { cost: 16384 } });
    expect(result.ok && [result.value.salt.length, result.value.hash.length]).toEqual([16, 32]);
  });

  it('should answer a problem when the base64 has characters Node would skip', () => {
    const good = runHashScript(['demo']);
    const [, cost, salt, hash] = good.split('$');

    expect(sut(`scrypt$${cost}$${salt.slice(0, 4)}!${salt.slice(4)}$${hash}`)).toEqual({
      ok: false,
      problem: 'has a salt that is not base64 of at least 8 bytes',
    });
  });
});
