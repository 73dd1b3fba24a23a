import { Module } from '@nestjs/common';
import { SANDI_ADAPTER } from './sandi-adapter.constants';
import { createSandiAdapter } from './sandi-adapter.factory';
import {
  SANDI_ADAPTER_MODULE_OPTIONS,
  SandiAdapterConfigurableModule,
} from './sandi-adapter.module-definition';

/**
 * Provides and exports `SANDI_ADAPTER`, built from `forRoot({ adapter, fixturesPath })` or
 * `forRootAsync({ useFactory, inject })`; pass `isGlobal: true` to make it visible app-wide.
 */
@Module({
  providers: [
    {
      provide: SANDI_ADAPTER,
      inject: [SANDI_ADAPTER_MODULE_OPTIONS],
      useFactory: createSandiAdapter,
    },
  ],
  exports: [SANDI_ADAPTER],
})
export class SandiAdapterModule extends SandiAdapterConfigurableModule {}
