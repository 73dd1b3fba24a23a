import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { SandiAdapterModuleOptions } from './sandi-adapter.options';

export const {
  ConfigurableModuleClass: SandiAdapterConfigurableModule,
  MODULE_OPTIONS_TOKEN: SANDI_ADAPTER_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<SandiAdapterModuleOptions>({ moduleName: 'SandiAdapter' })
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: false }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
