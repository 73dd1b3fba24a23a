export type {
  CommLogEntry,
  CommLogResult,
  CommLogUnsupported,
  CommLogWritten,
  SandiAdapter,
  SandiClient,
  SandiClientDetail,
  SandiPatient,
  SandiPatientSummary,
  SandiPhone,
  SandiUser,
} from './sandi-adapter.interface';
export {
  SANDI_ADAPTER,
  SANDI_ADAPTER_NAMES,
  SANDI_PATIENT_STATUSES,
  SANDI_PHONE_TYPES,
  SANDI_SEARCH_DEFAULT_LIMIT,
  SANDI_SPECIES,
} from './sandi-adapter.constants';
export type { SandiAdapterName, SandiPatientStatus, SandiPhoneType, SandiSpecies } from './sandi-adapter.constants';
export type { SandiAdapterModuleOptions } from './sandi-adapter.options';
export { SandiAdapterModule } from './sandi-adapter.module';
export { StubSandiAdapter } from './stub/stub-sandi-adapter';
