/**
 * The contract between IVM and SANDI, the hospital's records system: staff logins and their
 * permissions, and client & patient look-ups. The fixture-backed stub implements it today; a
 * real (HTTP) adapter later is one folder implementing this interface and passing the shared
 * contract suite in `testing/`.
 */
import type { SandiPatientStatus, SandiPhoneType, SandiSpecies } from './sandi-adapter.constants';

/** A SANDI login as SANDI describes it. */
export interface SandiUser {
  /** SANDI's own user id: stable when a username is renamed. */
  id: string;
  /** The canonical spelling SANDI keeps (logins match it case-insensitively). */
  username: string;
  /** The name to show staff, e.g. "Sam Carter". */
  displayName: string;
  /**
   * Raw SANDI permission names (`IVM.SAC.STAFF`, `IVM.MANAGER`, `SANDI.RECORDS.READ`, …). The app
   * maps them to IVM roles and queues through configuration; an adapter passes them on untouched.
   */
  permissions: string[];
}

export interface SandiPhone {
  /** E.164, e.g. "+12175550101". */
  number: string;
  type: SandiPhoneType;
}

/** A patient as listed in a client summary. */
export interface SandiPatientSummary {
  id: string;
  name: string;
  species: SandiSpecies;
}

/** A patient with the details staff see on the client's card. */
export interface SandiPatient extends SandiPatientSummary {
  /** Free text as SANDI records it ("Labrador Retriever", "Holstein"); null when not recorded. */
  breed: string | null;
  /** A deceased patient is still listed, so staff do not ask after it by mistake. */
  status: SandiPatientStatus;
}

/** A client (an owner of patients) as look-ups and searches list them. */
export interface SandiClient {
  /** SANDI's client id. */
  id: string;
  firstName: string;
  lastName: string;
  /** How SANDI names the client: usually "First Last", a farm's or business's name where set. */
  displayName: string;
  phones: SandiPhone[];
  patients: SandiPatientSummary[];
}

/** A client with its patients' details, from `getClient`. */
export interface SandiClientDetail extends Omit<SandiClient, 'patients'> {
  patients: SandiPatient[];
}

/** A note to write into the client's SANDI Comm Log. */
export interface CommLogEntry {
  clientId: string;
  /** The transcript as plain text. */
  text: string;
  /** The SANDI username of the staff member filing it. */
  author: string;
}

/** SANDI took the entry. */
export interface CommLogWritten {
  supported: true;
  /** SANDI's id for the new Comm Log entry. */
  entryId: string;
}

/** The adapter cannot write to the Comm Log (yet): not an error, staff paste the transcript. */
export interface CommLogUnsupported {
  supported: false;
  /** A sentence for staff saying what to do instead. */
  reason: string;
}

export type CommLogResult = CommLogWritten | CommLogUnsupported;

export interface SandiAdapter {
  /**
   * Check a SANDI login. Usernames match case-insensitively (surrounding spaces ignored); passwords
   * exactly. Null for an unknown user and for a wrong password alike, in about the same time, so
   * the answer does not reveal which usernames exist.
   */
  authenticate(username: string, password: string): Promise<SandiUser | null>;

  /** The user as SANDI knows it now, to refresh a session's permissions without a password. */
  getUser(username: string): Promise<SandiUser | null>;

  /**
   * Every client with this phone among its numbers (a family may share one). `e164` must be in
   * E.164 form ("+12175550101"); anything else matches nothing. An empty array when none match.
   */
  findClientsByPhone(e164: string): Promise<SandiClient[]>;

  /** The client with its phones and patients' details; null when SANDI has no such client. */
  getClient(id: string): Promise<SandiClientDetail | null>;

  /**
   * Clients matching every word of `query` (case-insensitive): a word matches a client's first,
   * last or display name or a patient's name (any part of it), the client id (whole), or a phone
   * (four digits or more, punctuation ignored: "555-0101", "(217) 555"). Blank query: none.
   * At most `limit` clients (default 20); `limit` must be a positive integer (else RangeError).
   */
  searchClients(query: string, limit?: number): Promise<SandiClient[]>;

  /**
   * Write a transcript into the client's SANDI Comm Log. Adapters that cannot yet answer
   * `{ supported: false, reason }` rather than throw.
   */
  appendCommLog(entry: CommLogEntry): Promise<CommLogResult>;
}
