import { SANDI_PATIENT_STATUSES, SANDI_PHONE_TYPES, SANDI_SPECIES } from '../sandi-adapter.constants';
import { parseScryptHash } from './scrypt-password';
import { StubFixturesError, type StubFixtures, usernameKey } from './stub-fixtures';

/** The stub holds North American numbers only, which is all the hospital's clients text from. */
const E164_NANP = /^\+1\d{10}$/;

type JsonObject = Record<string, unknown>;

/**
 * Every problem in a parsed fixture file, each as `<json path>: <what is wrong>`, e.g.
 * `clients[3].phones[0].number: "217555" is not an E.164 phone number (+1XXXXXXXXXX)`.
 * Empty when the fixtures are usable.
 */
export function validateStubFixtures(raw: unknown): string[] {
  const problems: string[] = [];
  const report = (path: string, message: string): void => {
    problems.push(`${path}: ${message}`);
  };

  if (!isObject(raw)) {
    report('(root)', `must be an object with "users" and "clients", got ${kindOf(raw)}`);
    return problems;
  }
  checkKeys(raw, '', ['users', 'clients'], report);
  validateUsers(raw.users, report);
  validateClients(raw.clients, report);
  return problems;
}

/** The fixtures, typed, when they validate; otherwise a `StubFixturesError` listing every problem. */
export function assertValidStubFixtures(raw: unknown, source: string): StubFixtures {
  const problems = validateStubFixtures(raw);
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    throw new StubFixturesError(
      'SANDI_FIXTURES_INVALID',
      `SANDI stub fixtures ${source} have ${count}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      problems,
    );
  }
  return raw as StubFixtures;
}

type Report = (path: string, message: string) => void;

function validateUsers(value: unknown, report: Report): void {
  const users = requireArray(value, 'users', 'an array of users', report);
  if (users === null) return;
  const ids = new FirstSeen();
  const usernames = new FirstSeen();
  users.forEach((user, index) => {
    const path = `users[${index}]`;
    if (!isObject(user)) {
      report(path, `must be an object, got ${kindOf(user)}`);
      return;
    }
    checkKeys(user, path, ['id', 'username', 'displayName', 'passwordHash', 'permissions'], report);
    const id = requireText(user, path, 'id', report);
    if (id !== null) ids.check(id, `${path}.id`, 'users', report);

    const username = requireText(user, path, 'username', report);
    if (username !== null) {
      if (/\s/.test(username)) {
        report(`${path}.username`, `${JSON.stringify(username)} must not contain spaces`);
      } else {
        const note = ' (usernames are case-insensitive)';
        usernames.check(usernameKey(username), `${path}.username`, 'users', report, note);
      }
    }
    requireText(user, path, 'displayName', report);

    const hash = requireText(user, path, 'passwordHash', report);
    if (hash !== null) {
      const parsed = parseScryptHash(hash);
      if (!parsed.ok) {
        const hint = '(make one with libs/sandi-adapter/scripts/hash-password.js)';
        report(`${path}.passwordHash`, `${parsed.problem} ${hint}`);
      }
    }

    const permissions = requireArray(
      user.permissions,
      `${path}.permissions`,
      'an array of SANDI permission names, may be empty',
      report,
    );
    permissions?.forEach((permission, i) => {
      if (typeof permission !== 'string' || permission.trim() === '') {
        report(`${path}.permissions[${i}]`, `must be a non-empty string, got ${kindOf(permission)}`);
      }
    });
  });
}

function validateClients(value: unknown, report: Report): void {
  const clients = requireArray(value, 'clients', 'an array of clients', report);
  if (clients === null) return;
  const clientIds = new FirstSeen();
  const patientIds = new FirstSeen();
  clients.forEach((client, index) => {
    const path = `clients[${index}]`;
    if (!isObject(client)) {
      report(path, `must be an object, got ${kindOf(client)}`);
      return;
    }
    checkKeys(client, path, ['id', 'firstName', 'lastName', 'displayName', 'phones', 'patients'], report);
    const id = requireText(client, path, 'id', report);
    if (id !== null) clientIds.check(id, `${path}.id`, 'clients', report);
    requireText(client, path, 'firstName', report);
    requireText(client, path, 'lastName', report);
    if (client.displayName !== undefined) requireText(client, path, 'displayName', report);
    validatePhones(client.phones, `${path}.phones`, report);
    validatePatients(client.patients, `${path}.patients`, patientIds, report);
  });
}

function validatePhones(value: unknown, path: string, report: Report): void {
  const phones = requireArray(value, path, 'an array, may be empty', report);
  if (phones === null) return;
  const numbers = new FirstSeen();
  phones.forEach((phone, index) => {
    const phonePath = `${path}[${index}]`;
    if (!isObject(phone)) {
      report(phonePath, `must be an object, got ${kindOf(phone)}`);
      return;
    }
    checkKeys(phone, phonePath, ['number', 'type'], report);
    const number = requireText(phone, phonePath, 'number', report);
    if (number !== null) {
      if (!E164_NANP.test(number)) {
        const problem = `${JSON.stringify(number)} is not an E.164 phone number (+1XXXXXXXXXX)`;
        report(`${phonePath}.number`, problem);
      } else {
        numbers.check(number, `${phonePath}.number`, path, report);
      }
    }
    requireOneOf(phone, phonePath, 'type', SANDI_PHONE_TYPES, 'phone type', report);
  });
}

function validatePatients(value: unknown, path: string, patientIds: FirstSeen, report: Report): void {
  const patients = requireArray(value, path, 'an array, may be empty', report);
  if (patients === null) return;
  patients.forEach((patient, index) => {
    const patientPath = `${path}[${index}]`;
    if (!isObject(patient)) {
      report(patientPath, `must be an object, got ${kindOf(patient)}`);
      return;
    }
    checkKeys(patient, patientPath, ['id', 'name', 'species', 'breed', 'status'], report);
    const id = requireText(patient, patientPath, 'id', report);
    if (id !== null) patientIds.check(id, `${patientPath}.id`, 'patients', report);
    requireText(patient, patientPath, 'name', report);
    requireOneOf(patient, patientPath, 'species', SANDI_SPECIES, 'species', report);
    if (patient.breed !== undefined && patient.breed !== null) {
      requireText(patient, patientPath, 'breed', report);
    }
    requireOneOf(patient, patientPath, 'status', SANDI_PATIENT_STATUSES, 'patient status', report);
  });
}

/** Remembers where each value was first seen, to name both places of a duplicate. */
class FirstSeen {
  private readonly paths = new Map<string, string>();

  check(value: string, path: string, scope: string, report: Report, note = ''): void {
    const first = this.paths.get(value);
    if (first === undefined) {
      this.paths.set(value, path);
    } else {
      report(path, `${JSON.stringify(value)} duplicates ${first} (must be unique in ${scope})${note}`);
    }
  }
}

function requireArray(value: unknown, path: string, what: string, report: Report): unknown[] | null {
  if (Array.isArray(value)) return value;
  report(path, value === undefined ? `is required (${what})` : `must be an array, got ${kindOf(value)}`);
  return null;
}

function requireText(object: JsonObject, path: string, key: string, report: Report): string | null {
  const value = object[key];
  if (value === undefined) {
    report(`${path}.${key}`, 'is required');
    return null;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    const problem = typeof value === 'string' ? 'must not be empty' : `must be a string, got ${kindOf(value)}`;
    report(`${path}.${key}`, problem);
    return null;
  }
  return value;
}

function requireOneOf(
  object: JsonObject,
  path: string,
  key: string,
  allowed: readonly string[],
  what: string,
  report: Report,
): void {
  const value = object[key];
  if (value === undefined) {
    report(`${path}.${key}`, `is required (one of ${allowed.join(', ')})`);
  } else if (typeof value !== 'string' || !allowed.includes(value)) {
    const list = allowed.join(', ');
    report(`${path}.${key}`, `${JSON.stringify(value)} is not a known ${what} (one of ${list})`);
  }
}

function checkKeys(object: JsonObject, path: string, known: readonly string[], report: Report): void {
  for (const key of Object.keys(object)) {
    if (!key.startsWith('$') && !known.includes(key)) {
      report(path ? `${path}.${key}` : key, `is not a known field (expected ${known.join(', ')})`);
    }
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
