import type { SandiClient } from '@ivm/sandi-adapter';

/** What IVM keeps of a SANDI client on the contact: enough for lists, search and the transcript header. */
export interface CachedSandiClient {
  id: string;
  displayName: string;
  patients: Array<{ id: string; name: string; species: string }>;
}

export function toCachedClients(clients: SandiClient[]): CachedSandiClient[] {
  return clients.map((client) => ({
    id: client.id,
    displayName: client.displayName,
    patients: client.patients.map((patient) => ({ id: patient.id, name: patient.name, species: patient.species })),
  }));
}

export function readCachedClients(json: string | null): CachedSandiClient[] {
  if (!json) return [];
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? (parsed as CachedSandiClient[]) : [];
  } catch {
    return [];
  }
}

/** Lower-case client and patient names, for the inbox search. */
export function searchTextOf(clients: CachedSandiClient[]): string {
  return clients.flatMap((client) => [client.displayName, ...client.patients.map((patient) => patient.name)]).join(' | ').toLowerCase();
}
