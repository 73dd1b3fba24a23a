/** DI token for the active `SandiAdapter`. */
export const SANDI_ADAPTER = Symbol('SANDI_ADAPTER');

/** Adapters this library can build (`SANDI_ADAPTER` in the environment). An HTTP one comes later. */
export const SANDI_ADAPTER_NAMES = ['stub'] as const;
export type SandiAdapterName = (typeof SANDI_ADAPTER_NAMES)[number];

/** How SANDI classes a client's phone number. */
export const SANDI_PHONE_TYPES = ['cell', 'home', 'work'] as const;
export type SandiPhoneType = (typeof SANDI_PHONE_TYPES)[number];

/** SANDI's species codes: a fixed list, so IVM can pick an icon or a word without guessing. */
export const SANDI_SPECIES = [
  'canine',
  'feline',
  'equine',
  'bovine',
  'caprine',
  'ovine',
  'camelid',
  'porcine',
  'lagomorph',
  'avian',
  'other',
] as const;
export type SandiSpecies = (typeof SANDI_SPECIES)[number];

export const SANDI_PATIENT_STATUSES = ['active', 'deceased', 'inactive'] as const;
export type SandiPatientStatus = (typeof SANDI_PATIENT_STATUSES)[number];

/** `searchClients` answers at most this many clients when the caller gives no limit. */
export const SANDI_SEARCH_DEFAULT_LIMIT = 20;
