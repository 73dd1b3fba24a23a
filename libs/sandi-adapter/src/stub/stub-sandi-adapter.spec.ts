import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describeSandiAdapterContract } from '../testing/sandi-adapter.contract';
import { hashPassword, verifyPassword } from './scrypt-password';
import type { StubFixtures } from './stub-fixtures';
import { StubFixturesError } from './stub-fixtures';
import { STUB_COMM_LOG_UNSUPPORTED_REASON, StubSandiAdapter } from './stub-sandi-adapter';

// node:crypto's functions cannot be spied on, so watch the hash checks one level up, still real.
jest.mock('./scrypt-password', () => {
  const actual = jest.requireActual<typeof import('./scrypt-password')>('./scrypt-password');
  return { ...actual, verifyPassword: jest.fn(actual.verifyPassword) };
});

const DEMO_PASSWORD = 'demo';

describeSandiAdapterContract(`${StubSandiAdapter.name} with the demo fixtures`, () => ({
  adapter: StubSandiAdapter.fromFile(),
  facts: {
    validLogin: {
      username: 'sac.staff',
      password: DEMO_PASSWORD,
      user: {
        id: 'U1001',
        username: 'sac.staff',
        displayName: 'Sam Carter',
        permissions: ['IVM.SAC.STAFF', 'SANDI.RECORDS.READ'],
      },
    },
    unknownUsername: 'nobody.here',
    sharedPhone: { number: '+12175550101', clientIds: ['C10001', 'C10002'] },
    unknownPhone: '+12175550199',
    clientWithPatients: {
      id: 'C10005',
      firstName: 'Emily',
      lastName: 'Chen',
      displayName: 'Emily Chen',
      phones: [{ number: '+12175550106', type: 'cell' }],
      patients: [
        { id: 'P20012', name: 'Biscuit', species: 'canine', breed: 'Golden Retriever', status: 'deceased' },
        { id: 'P20013', name: 'Mochi', species: 'canine', breed: 'Shiba Inu', status: 'active' },
      ],
    },
    unknownClientId: 'C99999',
    search: {
      byClientName: { query: 'Patel', clientId: 'C10008' },
      byPatientName: { query: 'Thumper', clientId: 'C10003' },
      byPhoneDigits: { query: '(217) 555-0108', clientId: 'C10007' },
      matchingSeveral: '217555',
    },
  },
}));

/** Small fixtures with a cheap scrypt cost, to test what the demo data does not show. */
function smallFixtures(): StubFixtures {
  return {
    users: [
      {
        id: 'U1',
        username: 'Pat.Lee',
        displayName: 'Pat Lee',
        passwordHash: hashPassword('s3cret', 1024),
        permissions: ['IVM.SAC.STAFF'],
      },
    ],
    clients: [
      {
        id: 'C1',
        firstName: 'Zoë',
        lastName: "O'Neil",
        phones: [{ number: '+12175550150', type: 'cell' }],
        patients: [{ id: 'P1', name: 'Rex', species: 'canine', status: 'active' }],
      },
      {
        id: 'C2',
        firstName: 'Ann',
        lastName: 'Avery',
        displayName: 'Avery Acres',
        phones: [{ number: '+12175550151', type: 'home' }],
        patients: [],
      },
    ],
  };
}

describe(StubSandiAdapter.name, () => {
  let sut: StubSandiAdapter;

  beforeEach(() => {
    sut = new StubSandiAdapter(smallFixtures());
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('authenticate', () => {
    it('should answer the user when the username has surrounding spaces and another case', async () => {
      await expect(sut.authenticate('  pat.lee ', 's3cret').then((u) => u?.username)).resolves.toBe('Pat.Lee');
    });

    it('should check the password against a hash of the same cost when the username is unknown', async () => {
      const verify = jest.mocked(verifyPassword);
      verify.mockClear();

      await expect(sut.authenticate('pat.lee', 'wrong')).resolves.toBeNull();
      await expect(sut.authenticate('someone.else', 'wrong')).resolves.toBeNull();

      expect(verify).toHaveBeenCalledTimes(2);
      const [known, unknown] = verify.mock.calls.map(([, hash]) => hash);
      expect({ cost: unknown.cost, bytes: unknown.hash.length }).toEqual({ cost: known.cost, bytes: known.hash.length });
      expect(unknown.hash.equals(known.hash)).toBe(false);
    });

    it('should answer null when the username is unknown and the password is the one of a known user', async () => {
      await expect(sut.authenticate('someone.else', 's3cret')).resolves.toBeNull();
    });
  });

  describe('answers', () => {
    it('should answer fresh copies when a caller changes what it was given', async () => {
      const client = await sut.getClient('C1');
      client?.patients.push({ id: 'P9', name: 'Intruder', species: 'other', breed: null, status: 'active' });
      client?.phones.splice(0);
      const user = await sut.getUser('pat.lee');
      user?.permissions.push('IVM.MANAGER');

      await expect(sut.getClient('C1').then((c) => [c?.patients.length, c?.phones.length])).resolves.toEqual([1, 1]);
      await expect(sut.getUser('pat.lee').then((u) => u?.permissions)).resolves.toEqual(['IVM.SAC.STAFF']);
    });

    it('should answer breed null when the fixtures leave it out', async () => {
      await expect(sut.getClient('C1').then((c) => c?.patients[0].breed)).resolves.toBeNull();
    });

    it('should answer the fixture display name when one is set, else first and last name', async () => {
      await expect(sut.searchClients('e').then((found) => found.map((c) => c.displayName))).resolves.toEqual([
        'Avery Acres',
        "Zoë O'Neil",
      ]);
    });
  });

  describe('searchClients', () => {
    it('should find the client when the query leaves out accents and apostrophes', async () => {
      await expect(sut.searchClients('zoe oneil').then((found) => found.map((c) => c.id))).resolves.toEqual(['C1']);
    });

    it('should find the client when the phone is typed in groups with spaces', async () => {
      await expect(sut.searchClients('+1 217 555 0150').then((found) => found.map((c) => c.id))).resolves.toEqual(['C1']);
    });

    it('should not treat a word as a phone when it has fewer than four digits', async () => {
      await expect(sut.searchClients('217')).resolves.toEqual([]);
    });

    it('should find the client when the query is its display name', async () => {
      await expect(sut.searchClients('acres').then((found) => found.map((c) => c.id))).resolves.toEqual(['C2']);
    });
  });

  describe('appendCommLog', () => {
    it('should answer not supported with what to do instead when asked to write', async () => {
      await expect(sut.appendCommLog({ clientId: 'C1', text: 'Transcript', author: 'pat.lee' })).resolves.toEqual({
        supported: false,
        reason: STUB_COMM_LOG_UNSUPPORTED_REASON,
      });
    });
  });

  describe('construction', () => {
    let dir: string;

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'sandi-stub-'));
    });

    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('should load the fixtures when given a path relative to the working directory', async () => {
      const file = join(dir, 'fixtures.json');
      writeFileSync(file, JSON.stringify(smallFixtures()));

      const adapter = StubSandiAdapter.fromFile(relative(process.cwd(), file));

      await expect(adapter.getClient('C2').then((c) => c?.lastName)).resolves.toBe('Avery');
    });

    it('should throw naming the file when it does not exist', () => {
      const file = join(dir, 'missing.json');

      expect(() => StubSandiAdapter.fromFile(file)).toThrow(`SANDI stub fixtures ${file} does not exist`);
    });

    it('should throw naming the file when it is not JSON', () => {
      const file = join(dir, 'broken.json');
      writeFileSync(file, '{ "users": [');

      expect(() => StubSandiAdapter.fromFile(file)).toThrow(`SANDI stub fixtures ${file} are not valid JSON`);
    });

    it('should throw listing every problem when the file does not validate', () => {
      const file = join(dir, 'bad.json');
      const fixtures = smallFixtures();
      fixtures.clients[0].phones[0].number = '217555';
      fixtures.users[0].passwordHash = 'plain-text';
      writeFileSync(file, JSON.stringify(fixtures));

      const error = captureError(() => StubSandiAdapter.fromFile(file));

      expect(error).toBeInstanceOf(StubFixturesError);
      expect(error).toMatchObject({
        code: 'SANDI_FIXTURES_INVALID',
        problems: [
          expect.stringMatching(/^users\[0\]\.passwordHash: /),
          'clients[0].phones[0].number: "217555" is not an E.164 phone number (+1XXXXXXXXXX)',
        ],
      });
      expect((error as Error).message).toContain(`SANDI stub fixtures ${file} have 2 problems:`);
    });

    it('should throw when fixtures given directly do not validate', () => {
      const fixtures = smallFixtures();
      fixtures.clients[1].id = 'C1';

      expect(() => new StubSandiAdapter(fixtures)).toThrow('clients[1].id: "C1" duplicates clients[0].id');
    });
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}
