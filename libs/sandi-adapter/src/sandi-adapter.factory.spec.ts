import { join } from 'node:path';
import type { SandiAdapterName } from './sandi-adapter.constants';
import { createSandiAdapter } from './sandi-adapter.factory';
import { StubSandiAdapter } from './stub/stub-sandi-adapter';

describe(createSandiAdapter.name, () => {
  const sut = createSandiAdapter;

  it('should build the stub with the demo fixtures when no fixtures path is given', async () => {
    const adapter = sut({ adapter: 'stub' });

    expect(adapter).toBeInstanceOf(StubSandiAdapter);
    await expect(adapter.getUser('manager').then((u) => u?.permissions)).resolves.toContain('IVM.MANAGER');
  });

  it('should build the stub from the file when a fixtures path is given', () => {
    const missing = join(__dirname, 'no-such-fixtures.json');

    expect(() => sut({ adapter: 'stub', fixturesPath: missing })).toThrow(`${missing} does not exist`);
  });

  it('should throw listing the known adapters when the name is unknown', () => {
    // Options from the environment can carry any name at run time, whatever the type says.
    const adapter = 'http' as SandiAdapterName;

    expect(() => sut({ adapter })).toThrow('Unknown SANDI adapter "http": expected one of stub');
  });
});
