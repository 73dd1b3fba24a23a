import { Inject, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SANDI_ADAPTER } from './sandi-adapter.constants';
import type { SandiAdapter } from './sandi-adapter.interface';
import { SandiAdapterModule } from './sandi-adapter.module';
import { StubSandiAdapter } from './stub/stub-sandi-adapter';

describe(SandiAdapterModule.name, () => {
  it('should provide the stub adapter when forRoot names the stub', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [SandiAdapterModule.forRoot({ adapter: 'stub' })],
    }).compile();

    const sut = moduleRef.get<SandiAdapter>(SANDI_ADAPTER);

    expect(sut).toBeInstanceOf(StubSandiAdapter);
    await expect(sut.getUser('sac.staff').then((u) => u?.displayName)).resolves.toBe('Sam Carter');
  });

  it('should provide the stub adapter when forRootAsync builds the options', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [SandiAdapterModule.forRootAsync({ useFactory: async () => ({ adapter: 'stub' as const }) })],
    }).compile();

    await expect(moduleRef.get<SandiAdapter>(SANDI_ADAPTER).getUser('no.access')).resolves.toMatchObject({
      permissions: ['SANDI.RECORDS.READ'],
    });
  });

  it('should let any module inject the adapter when isGlobal is set', async () => {
    @Injectable()
    class LookupService {
      constructor(@Inject(SANDI_ADAPTER) readonly sandi: SandiAdapter) {}
    }
    @Module({ providers: [LookupService], exports: [LookupService] })
    class FeatureModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [SandiAdapterModule.forRoot({ adapter: 'stub', isGlobal: true }), FeatureModule],
    }).compile();

    expect(moduleRef.get(LookupService).sandi).toBe(moduleRef.get(SANDI_ADAPTER));
  });

  it('should fail to start naming the file when the fixtures path does not exist', async () => {
    const builder = Test.createTestingModule({
      imports: [SandiAdapterModule.forRoot({ adapter: 'stub', fixturesPath: '/nonexistent/fixtures.json' })],
    });

    await expect(builder.compile()).rejects.toThrow('SANDI stub fixtures /nonexistent/fixtures.json does not exist');
  });
});
