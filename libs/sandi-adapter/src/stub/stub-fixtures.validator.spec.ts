import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from './scrypt-password';
import { StubFixturesError } from './stub-fixtures';
import { assertValidStubFixtures, validateStubFixtures } from './stub-fixtures.validator';

const DEMO_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'demo-fixtures.json');

// Plain JSON-shaped data, as JSON.parse gives it: the validator's input is `unknown`.
// `any` so each test can break a field of any type without a cast: that is the point of the test.
type Json = Record<string, any>;

function validFixtures(): Json {
  const passwordHash = hashPassword('demo', 1024);
  return {
    users: [
      { id: 'U1', username: 'sac.staff', displayName: 'Sam Carter', passwordHash, permissions: ['IVM.SAC.STAFF'] },
      { id: 'U2', username: 'no.access', displayName: 'Nora Quinn', passwordHash, permissions: [] },
    ],
    clients: [
      {
        id: 'C1',
        firstName: 'Jane',
        lastName: 'Doe',
        phones: [{ number: '+12175550101', type: 'cell' }],
        patients: [{ id: 'P1', name: 'Bella', species: 'canine', breed: 'Labrador Retriever', status: 'active' }],
      },
      {
        id: 'C2',
        firstName: 'John',
        lastName: 'Doe',
        phones: [{ number: '+12175550101', type: 'cell' }],
        patients: [{ id: 'P2', name: 'Duke', species: 'canine', breed: null, status: 'deceased' }],
      },
    ],
  };
}

describe(validateStubFixtures.name, () => {
  const sut = validateStubFixtures;

  it('should find no problem when the shipped demo fixtures are checked', () => {
    const demo: unknown = JSON.parse(readFileSync(DEMO_FIXTURES, 'utf8'));

    expect(sut(demo)).toEqual([]);
  });

  it('should find no problem when the fixtures are valid, a shared phone and comments included', () => {
    const fixtures = validFixtures();
    fixtures.$comment = 'demo data';
    fixtures.clients[0].$comment = 'Champaign';

    expect(sut(fixtures)).toEqual([]);
  });

  it('should report the phone with its path when a number is not E.164', () => {
    const fixtures = validFixtures();
    fixtures.clients[1].phones[0].number = '217555';

    expect(sut(fixtures)).toEqual(['clients[1].phones[0].number: "217555" is not an E.164 phone number (+1XXXXXXXXXX)']);
  });

  it('should report the phone type when it is not cell, home or work', () => {
    const fixtures = validFixtures();
    fixtures.clients[0].phones[0].type = 'mobile';

    expect(sut(fixtures)).toEqual(['clients[0].phones[0].type: "mobile" is not a known phone type (one of cell, home, work)']);
  });

  it('should report the second phone when a client lists the same number twice', () => {
    const fixtures = validFixtures();
    fixtures.clients[0].phones.push({ number: '+12175550101', type: 'home' });

    expect(sut(fixtures)).toEqual([
      'clients[0].phones[1].number: "+12175550101" duplicates clients[0].phones[0].number (must be unique in clients[0].phones)',
    ]);
  });

  it('should report each missing field when required fields are left out', () => {
    const fixtures = validFixtures();
    delete fixtures.users[0].displayName;
    delete fixtures.clients[0].lastName;
    delete fixtures.clients[1].patients[0].status;

    expect(sut(fixtures)).toEqual([
      'users[0].displayName: is required',
      'clients[0].lastName: is required',
      'clients[1].patients[0].status: is required (one of active, deceased, inactive)',
    ]);
  });

  it('should report a field of the wrong type or empty when one is given', () => {
    const fixtures = validFixtures();
    fixtures.users[0].id = 42;
    fixtures.clients[0].firstName = ' ';
    fixtures.users[1].permissions = 'IVM.MANAGER';

    expect(sut(fixtures)).toEqual([
      'users[0].id: must be a string, got number 42',
      'users[1].permissions: must be an array, got string "IVM.MANAGER"',
      'clients[0].firstName: must not be empty',
    ]);
  });

  it('should report the later user when two usernames differ only in case', () => {
    const fixtures = validFixtures();
    fixtures.users[1].username = 'SAC.Staff';

    expect(sut(fixtures)).toEqual([
      'users[1].username: "sac.staff" duplicates users[0].username (must be unique in users) (usernames are case-insensitive)',
    ]);
  });

  it('should report the later user when two user ids are the same', () => {
    const fixtures = validFixtures();
    fixtures.users[1].id = 'U1';

    expect(sut(fixtures)).toEqual(['users[1].id: "U1" duplicates users[0].id (must be unique in users)']);
  });

  it('should report the later client when two client ids are the same', () => {
    const fixtures = validFixtures();
    fixtures.clients[1].id = 'C1';

    expect(sut(fixtures)).toEqual(['clients[1].id: "C1" duplicates clients[0].id (must be unique in clients)']);
  });

  it('should report the later patient when two patients share an id across clients', () => {
    const fixtures = validFixtures();
    fixtures.clients[1].patients[0].id = 'P1';

    expect(sut(fixtures)).toEqual([
      'clients[1].patients[0].id: "P1" duplicates clients[0].patients[0].id (must be unique in patients)',
    ]);
  });

  it.each([
    ['a plain password', 'demo', /is not in the form scrypt\$<N>\$<saltBase64>\$<hashBase64>/],
    ['another algorithm', 'bcrypt$10$abc$def', /is not in the form/],
    ['a cost that is not a power of two', `scrypt$1000$${'A'.repeat(22)}==$${'A'.repeat(43)}=`, /cost N = "1000"/],
    ['a cost too high', `scrypt$${2 ** 20}$${'A'.repeat(22)}==$${'A'.repeat(43)}=`, /cost N = "1048576"/],
    ['a salt that is not base64', `scrypt$1024$not*base64$${'A'.repeat(43)}=`, /salt that is not base64/],
    ['a hash too short', `scrypt$1024$${'A'.repeat(22)}==$AAAA`, /hash that is not base64 of at least 16 bytes/],
  ])('should report the password hash when it is %s', (_case, passwordHash, expected) => {
    const fixtures = validFixtures();
    fixtures.users[0].passwordHash = passwordHash;

    const problems = sut(fixtures);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^users\[0\]\.passwordHash: /);
    expect(problems[0]).toMatch(expected);
    expect(problems[0]).toContain('scripts/hash-password.js');
  });

  it('should report the species with the known list when it is not one of them', () => {
    const fixtures = validFixtures();
    fixtures.clients[0].patients[0].species = 'dog';

    expect(sut(fixtures)).toEqual([
      'clients[0].patients[0].species: "dog" is not a known species (one of canine, feline, equine, bovine, caprine, ovine, camelid, porcine, lagomorph, avian, other)',
    ]);
  });

  it('should report the patient status when it is not active, deceased or inactive', () => {
    const fixtures = validFixtures();
    fixtures.clients[0].patients[0].status = 'alive';

    expect(sut(fixtures)).toEqual([
      'clients[0].patients[0].status: "alive" is not a known patient status (one of active, deceased, inactive)',
    ]);
  });

  it('should report a field it does not know when a key is misspelled', () => {
    const fixtures = validFixtures();
    fixtures.clients[0].patients[0].bread = 'Poodle';

    expect(sut(fixtures)).toEqual([
      'clients[0].patients[0].bread: is not a known field (expected id, name, species, breed, status)',
    ]);
  });

  it('should report the lists when users and clients are missing or not arrays', () => {
    expect(sut({ clients: {} })).toEqual([
      'users: is required (an array of users)',
      'clients: must be an array, got an object',
    ]);
  });

  it('should report the root when the file is not an object', () => {
    expect(sut([])).toEqual(['(root): must be an object with "users" and "clients", got an array']);
  });

  it('should report every problem in one pass when there are several', () => {
    const fixtures = validFixtures();
    fixtures.users[1].username = 'sac.staff';
    fixtures.clients[0].phones[0].number = '555-0101';
    fixtures.clients[1].patients[0].species = 'unicorn';

    expect(sut(fixtures)).toHaveLength(3);
  });
});

describe(assertValidStubFixtures.name, () => {
  const sut = assertValidStubFixtures;

  it('should answer the fixtures when they are valid', () => {
    const fixtures = validFixtures();

    expect(sut(fixtures, 'test.json')).toBe(fixtures);
  });

  it('should throw an error with a code, the source and every problem when they are not valid', () => {
    const fixtures = validFixtures();
    fixtures.clients[0].phones[0].number = '217555';
    fixtures.clients[0].patients[0].species = 'dog';

    let thrown: unknown;
    try {
      sut(fixtures, 'test.json');
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(StubFixturesError);
    expect(thrown).toMatchObject({ code: 'SANDI_FIXTURES_INVALID', problems: validateStubFixtures(fixtures) });
    expect((thrown as Error).message).toBe(
      'SANDI stub fixtures test.json have 2 problems:\n' +
        '  - clients[0].phones[0].number: "217555" is not an E.164 phone number (+1XXXXXXXXXX)\n' +
        '  - clients[0].patients[0].species: "dog" is not a known species (one of canine, feline, equine, bovine, caprine, ovine, camelid, porcine, lagomorph, avian, other)',
    );
  });
});
