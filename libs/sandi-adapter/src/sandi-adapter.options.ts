import type { SandiAdapterName } from './sandi-adapter.constants';

export interface SandiAdapterModuleOptions {
  adapter: SandiAdapterName;
  /**
   * The stub's fixture file (`SANDI_FIXTURES`). A relative path is taken from the working
   * directory. Default: the shipped demo fixtures, `libs/sandi-adapter/fixtures/demo-fixtures.json`.
   */
  fixturesPath?: string;
}
