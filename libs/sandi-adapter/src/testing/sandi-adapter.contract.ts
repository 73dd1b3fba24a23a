import type { SandiAdapter, SandiClient, SandiClientDetail, SandiUser } from '../sandi-adapter.interface';

/**
 * What the fixtures (or the test SANDI) behind an adapter are known to hold. The contract asserts
 * the adapter's answers against these facts, so it can run against any data set.
 */
export interface SandiAdapterContractFacts {
  /** A login that works, and the user SANDI should answer for it. */
  validLogin: { username: string; password: string; user: SandiUser };
  /** A username SANDI does not have. */
  unknownUsername: string;
  /** A phone (E.164) that exactly these clients (two or more) have among their numbers. */
  sharedPhone: { number: string; clientIds: string[] };
  /** A phone (E.164) no client has. */
  unknownPhone: string;
  /** A client with more than one patient, exactly as `getClient` should answer it. */
  clientWithPatients: SandiClientDetail;
  /** A client id SANDI does not have. */
  unknownClientId: string;
  search: {
    /** A word of one client's name, and that client's id. */
    byClientName: { query: string; clientId: string };
    /** A patient's name, and the owner's id. */
    byPatientName: { query: string; clientId: string };
    /** Phone digits with punctuation as staff type them ("555-0108"), and the client's id. */
    byPhoneDigits: { query: string; clientId: string };
    /** A query matching at least three clients, to check `limit`. */
    matchingSeveral: string;
  };
}

export interface SandiAdapterContractContext {
  adapter: SandiAdapter;
  facts: SandiAdapterContractFacts;
  /** Stops whatever the setup started (a fake SANDI server, say). */
  teardown?: () => Promise<void>;
}

/**
 * The behaviour every `SandiAdapter` must have. Call it from the adapter's spec:
 *
 *     describeSandiAdapterContract(StubSandiAdapter.name, async () => ({ adapter, facts }));
 */
export function describeSandiAdapterContract(
  name: string,
  setup: () => SandiAdapterContractContext | Promise<SandiAdapterContractContext>,
): void {
  describe(`SandiAdapter contract: ${name}`, () => {
    let sut: SandiAdapter;
    let facts: SandiAdapterContractFacts;
    let teardown: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ adapter: sut, facts, teardown } = await setup());
    });

    afterAll(async () => {
      await teardown?.();
    });

    describe('authenticate', () => {
      it('should answer the user with its permissions when the username and password are right', async () => {
        const { username, password, user } = facts.validLogin;

        await expect(sut.authenticate(username, password).then(normalizeUser)).resolves.toEqual(normalizeUser(user));
      });

      it('should answer the same user when the username is typed in another case', async () => {
        const { username, password, user } = facts.validLogin;

        await expect(sut.authenticate(swapCase(username), password).then((u) => u?.id)).resolves.toBe(user.id);
      });

      it('should answer null when the password is wrong', async () => {
        const { username, password } = facts.validLogin;

        await expect(sut.authenticate(username, `${password}x`)).resolves.toBeNull();
      });

      it('should answer null when the password differs only in case', async () => {
        const { username, password } = facts.validLogin;

        await expect(sut.authenticate(username, swapCase(password))).resolves.toBeNull();
      });

      it('should answer null when the password is empty', async () => {
        await expect(sut.authenticate(facts.validLogin.username, '')).resolves.toBeNull();
      });

      it('should answer null when the username is unknown', async () => {
        await expect(sut.authenticate(facts.unknownUsername, facts.validLogin.password)).resolves.toBeNull();
      });
    });

    describe('getUser', () => {
      it('should answer the user when the username is known, in any case', async () => {
        const { username, user } = facts.validLogin;

        await expect(sut.getUser(swapCase(username)).then(normalizeUser)).resolves.toEqual(normalizeUser(user));
      });

      it('should answer null when the username is unknown', async () => {
        await expect(sut.getUser(facts.unknownUsername)).resolves.toBeNull();
      });
    });

    describe('findClientsByPhone', () => {
      it('should answer every client sharing the phone when a family shares one', async () => {
        const { number, clientIds } = facts.sharedPhone;

        const found = await sut.findClientsByPhone(number);

        expect(ids(found)).toEqual([...clientIds].sort());
        expect(found.every((client) => client.phones.some((phone) => phone.number === number))).toBe(true);
      });

      it('should answer the client with its summary when the phone is one of its numbers', async () => {
        const client = facts.clientWithPatients;
        const found = await sut.findClientsByPhone(client.phones[0].number);

        expect(normalizeClient(found.find((c) => c.id === client.id))).toEqual(normalizeClient(summaryOf(client)));
      });

      it('should answer an empty list when no client has the phone', async () => {
        await expect(sut.findClientsByPhone(facts.unknownPhone)).resolves.toEqual([]);
      });

      it('should answer an empty list when the phone is not in E.164 form', async () => {
        const national = facts.sharedPhone.number.replace(/^\+1/, '');

        await expect(sut.findClientsByPhone(national)).resolves.toEqual([]);
      });
    });

    describe('getClient', () => {
      it('should answer the client with its phones and patients when the id is known', async () => {
        const client = facts.clientWithPatients;

        await expect(sut.getClient(client.id).then(normalizeClient)).resolves.toEqual(normalizeClient(client));
      });

      it('should answer null when the id is unknown', async () => {
        await expect(sut.getClient(facts.unknownClientId)).resolves.toBeNull();
      });
    });

    describe('searchClients', () => {
      it('should find the client when the query is a word of its name, in any case', async () => {
        const { query, clientId } = facts.search.byClientName;

        await expect(sut.searchClients(query.toUpperCase()).then(ids)).resolves.toContain(clientId);
        await expect(sut.searchClients(query.toLowerCase()).then(ids)).resolves.toContain(clientId);
      });

      it('should find the owner when the query is a patient name', async () => {
        const { query, clientId } = facts.search.byPatientName;

        const found = await sut.searchClients(query);

        const owner = found.find((client) => client.id === clientId);
        expect(owner?.patients.map((p) => p.name.toLowerCase())).toContain(query.toLowerCase());
      });

      it('should find the client when the query is phone digits with punctuation', async () => {
        const { query, clientId } = facts.search.byPhoneDigits;

        await expect(sut.searchClients(query).then(ids)).resolves.toContain(clientId);
      });

      it('should find the client when the query is its id', async () => {
        const { id } = facts.clientWithPatients;

        await expect(sut.searchClients(id).then(ids)).resolves.toContain(id);
      });

      it('should find the client when the query is its first and last name', async () => {
        const { id, firstName, lastName } = facts.clientWithPatients;

        await expect(sut.searchClients(`${firstName} ${lastName}`).then(ids)).resolves.toContain(id);
      });

      it('should answer an empty list when one word of the query matches no client', async () => {
        const { lastName } = facts.clientWithPatients;

        await expect(sut.searchClients(`${lastName} ${facts.unknownClientId}`)).resolves.toEqual([]);
      });

      it('should answer at most limit clients when more match', async () => {
        const all = await sut.searchClients(facts.search.matchingSeveral);
        expect(all.length).toBeGreaterThanOrEqual(3);

        await expect(sut.searchClients(facts.search.matchingSeveral, 2).then((r) => r.length)).resolves.toBe(2);
      });

      it('should answer an empty list when the query is blank', async () => {
        await expect(sut.searchClients('   ')).resolves.toEqual([]);
      });

      it('should reject with a RangeError when the limit is not a positive integer', async () => {
        await expect(sut.searchClients(facts.search.matchingSeveral, 0)).rejects.toThrow(RangeError);
        await expect(sut.searchClients(facts.search.matchingSeveral, 1.5)).rejects.toThrow(RangeError);
      });
    });

    describe('appendCommLog', () => {
      it('should resolve to a result saying whether the entry was written when asked to write one', async () => {
        const result = await sut.appendCommLog({
          clientId: facts.clientWithPatients.id,
          text: 'Contract test transcript',
          author: facts.validLogin.user.username,
        });

        expect(result.supported ? result.entryId : result.reason).toMatch(/\S/);
      });
    });
  });
}

function ids(clients: SandiClient[]): string[] {
  return clients.map((client) => client.id).sort();
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

/** Permission order carries no meaning. */
function normalizeUser(user: SandiUser | null): SandiUser | null {
  return user && { ...user, permissions: [...user.permissions].sort() };
}

function summaryOf(client: SandiClientDetail): SandiClient {
  return { ...client, patients: client.patients.map(({ id, name, species }) => ({ id, name, species })) };
}

/** The order of phones and patients carries no meaning either. */
function normalizeClient<T extends SandiClient | SandiClientDetail>(client: T | null | undefined): T | null {
  if (!client) return null;
  const phones = [...client.phones].sort((a, b) => a.number.localeCompare(b.number) || a.type.localeCompare(b.type));
  const patients = [...client.patients].sort((a, b) => a.id.localeCompare(b.id));
  return { ...client, phones, patients };
}
