import type { SandiPatientStatus, SandiPhoneType, SandiSpecies } from '../sandi-adapter.constants';

/**
 * The stub's fixture file: SANDI users and clients for demos, training and tests. Keys starting
 * with `$` (e.g. `"$comment"`) are ignored anywhere; any other unknown key is a problem, so a typo
 * ("bread" for "breed") is caught at load instead of silently dropping data.
 */
export interface StubFixtures {
  users: StubUserFixture[];
  clients: StubClientFixture[];
}

export interface StubUserFixture {
  id: string;
  username: string;
  displayName: string;
  /** `scrypt$<N>$<saltBase64>$<hashBase64>`, from `scripts/hash-password.js`. */
  passwordHash: string;
  permissions: string[];
}

export interface StubClientFixture {
  id: string;
  firstName: string;
  lastName: string;
  /** Defaults to "firstName lastName"; set it for a farm or business. */
  displayName?: string;
  phones: { number: string; type: SandiPhoneType }[];
  patients: StubPatientFixture[];
}

export interface StubPatientFixture {
  id: string;
  name: string;
  species: SandiSpecies;
  breed?: string | null;
  status: SandiPatientStatus;
}

export type StubFixturesErrorCode = 'SANDI_FIXTURES_UNREADABLE' | 'SANDI_FIXTURES_INVALID';

/** The fixtures could not be used; `problems` lists every one found, each with its JSON path. */
export class StubFixturesError extends Error {
  constructor(
    readonly code: StubFixturesErrorCode,
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'StubFixturesError';
  }
}

/** The one spelling of a username used for look-ups and for the duplicate check. */
export function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}
