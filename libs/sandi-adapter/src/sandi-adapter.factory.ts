import { SANDI_ADAPTER_NAMES } from './sandi-adapter.constants';
import type { SandiAdapter } from './sandi-adapter.interface';
import type { SandiAdapterModuleOptions } from './sandi-adapter.options';
import { StubSandiAdapter } from './stub/stub-sandi-adapter';

/**
 * Build the adapter the options name. The name is checked here as well as by its type because
 * `forRootAsync` options usually come from the environment at run time.
 */
export function createSandiAdapter(options: SandiAdapterModuleOptions): SandiAdapter {
  switch (options.adapter) {
    case 'stub':
      return StubSandiAdapter.fromFile(options.fixturesPath);
    default:
      throw new Error(
        `Unknown SANDI adapter ${JSON.stringify(options.adapter)}: ` +
          `expected one of ${SANDI_ADAPTER_NAMES.join(', ')}`,
      );
  }
}
