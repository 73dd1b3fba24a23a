import { SANDI_SEARCH_DEFAULT_LIMIT } from '../sandi-adapter.constants';
import type {
  CommLogEntry,
  CommLogResult,
  SandiAdapter,
  SandiClient,
  SandiClientDetail,
  SandiUser,
} from '../sandi-adapter.interface';
import { createDummyHash, parseScryptHash, type ScryptHash, verifyPassword } from './scrypt-password';
import {
  type StubClientFixture,
  type StubFixtures,
  type StubUserFixture,
  usernameKey,
} from './stub-fixtures';
import { loadStubFixtures } from './stub-fixtures.loader';
import { assertValidStubFixtures } from './stub-fixtures.validator';

export const STUB_COMM_LOG_UNSUPPORTED_REASON =
  'SANDI Comm Log writing is not available yet: copy the conversation and paste it into the Comm Log.';

/** A search word counts as a phone when it is made of phone characters and has this many digits. */
const MIN_PHONE_DIGITS = 4;
const PHONE_WORD = /^[\d+\-().]+$/;

interface StubUser {
  fixture: StubUserFixture;
  hash: ScryptHash;
}

interface IndexedClient {
  fixture: StubClientFixture;
  displayName: string;
  /** Folded names of the client and its patients, for search. */
  names: string[];
  phoneDigits: string[];
}

/**
 * A `SandiAdapter` answering from a fixture file, for demos, training and tests: never for real
 * clients. Fixtures are validated when the adapter is built, so a bad file stops the app at start.
 */
export class StubSandiAdapter implements SandiAdapter {
  private readonly users = new Map<string, StubUser>();
  private readonly clients: IndexedClient[];
  /** Compared against when the username is unknown, so the answer takes as long as a wrong password. */
  private readonly dummyHash: ScryptHash;

  /** Build from a fixture file; without a path, the shipped demo fixtures. */
  static fromFile(fixturesPath?: string): StubSandiAdapter {
    return new StubSandiAdapter(loadStubFixtures(fixturesPath));
  }

  constructor(fixtures: StubFixtures) {
    assertValidStubFixtures(fixtures, 'given to StubSandiAdapter');
    for (const user of fixtures.users) {
      const parsed = parseScryptHash(user.passwordHash);
      // Unreachable after validation; the check narrows the type without a cast.
      if (!parsed.ok) throw new Error(`users "${user.username}": passwordHash ${parsed.problem}`);
      this.users.set(usernameKey(user.username), { fixture: user, hash: parsed.value });
    }
    const first = this.users.values().next().value;
    this.dummyHash = createDummyHash(first?.hash.cost ?? 2 ** 14, first?.hash.hash.length ?? 32);
    this.clients = fixtures.clients.map(indexClient).sort(byName);
  }

  async authenticate(username: string, password: string): Promise<SandiUser | null> {
    const user = this.users.get(usernameKey(username));
    const matches = await verifyPassword(password, user?.hash ?? this.dummyHash);
    return user && matches ? toSandiUser(user.fixture) : null;
  }

  async getUser(username: string): Promise<SandiUser | null> {
    const user = this.users.get(usernameKey(username));
    return user ? toSandiUser(user.fixture) : null;
  }

  async findClientsByPhone(e164: string): Promise<SandiClient[]> {
    return this.clients
      .filter((client) => client.fixture.phones.some((phone) => phone.number === e164))
      .map(toSandiClient);
  }

  async getClient(id: string): Promise<SandiClientDetail | null> {
    const client = this.clients.find((candidate) => candidate.fixture.id === id);
    return client ? toSandiClientDetail(client) : null;
  }

  async searchClients(query: string, limit: number = SANDI_SEARCH_DEFAULT_LIMIT): Promise<SandiClient[]> {
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new RangeError(`searchClients: limit must be a positive integer, got ${limit}`);
    }
    const words = joinPhoneWords(query.split(/\s+/).filter((word) => word !== ''));
    if (words.length === 0) return [];
    return this.clients
      .filter((client) => words.every((word) => matchesWord(client, word)))
      .slice(0, limit)
      .map(toSandiClient);
  }

  async appendCommLog(_entry: CommLogEntry): Promise<CommLogResult> {
    return { supported: false, reason: STUB_COMM_LOG_UNSUPPORTED_REASON };
  }
}

/** Staff type a phone with spaces ("(217) 555-0108", "+1 217 555 0108"): search it as one word. */
function joinPhoneWords(words: string[]): string[] {
  const joined: string[] = [];
  for (const word of words) {
    const last = joined.length - 1;
    if (last >= 0 && PHONE_WORD.test(word) && PHONE_WORD.test(joined[last])) {
      joined[last] += word;
    } else {
      joined.push(word);
    }
  }
  return joined;
}

function matchesWord(client: IndexedClient, word: string): boolean {
  const folded = fold(word);
  if (folded !== '' && client.names.some((name) => name.includes(folded))) return true;
  if (word.toLowerCase() === client.fixture.id.toLowerCase()) return true;
  const digits = word.replace(/\D/g, '');
  if (!PHONE_WORD.test(word) || digits.length < MIN_PHONE_DIGITS) return false;
  return client.phoneDigits.some((phone) => phone.includes(digits));
}

/** Case, accents and apostrophes do not matter to staff typing a name ("obrien" finds "O'Brien"). */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`.]/g, '')
    .toLowerCase();
}

function indexClient(fixture: StubClientFixture): IndexedClient {
  const displayName = fixture.displayName ?? `${fixture.firstName} ${fixture.lastName}`;
  const patientNames = fixture.patients.map((patient) => patient.name);
  return {
    fixture,
    displayName,
    names: [fixture.firstName, fixture.lastName, displayName, ...patientNames].map(fold),
    phoneDigits: fixture.phones.map((phone) => phone.number.replace(/\D/g, '')),
  };
}

function byName(a: IndexedClient, b: IndexedClient): number {
  return (
    a.fixture.lastName.localeCompare(b.fixture.lastName, 'en') ||
    a.fixture.firstName.localeCompare(b.fixture.firstName, 'en') ||
    a.fixture.id.localeCompare(b.fixture.id, 'en')
  );
}

// The mappers build new objects on every call so a caller cannot change the fixtures through them.

function toSandiUser(user: StubUserFixture): SandiUser {
  const { id, username, displayName, permissions } = user;
  return { id, username, displayName, permissions: [...permissions] };
}

function toSandiClient(client: IndexedClient): SandiClient {
  const { fixture } = client;
  return {
    id: fixture.id,
    firstName: fixture.firstName,
    lastName: fixture.lastName,
    displayName: client.displayName,
    phones: fixture.phones.map((phone) => ({ number: phone.number, type: phone.type })),
    patients: fixture.patients.map(({ id, name, species }) => ({ id, name, species })),
  };
}

function toSandiClientDetail(client: IndexedClient): SandiClientDetail {
  return {
    ...toSandiClient(client),
    patients: client.fixture.patients.map((patient) => ({
      id: patient.id,
      name: patient.name,
      species: patient.species,
      breed: patient.breed ?? null,
      status: patient.status,
    })),
  };
}
