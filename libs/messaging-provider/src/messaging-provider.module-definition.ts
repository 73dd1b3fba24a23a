import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { MessagingProviderModuleOptions } from './messaging-provider.options';

export interface MessagingProviderModuleExtras {
  /** Register the providers globally, so feature modules inject them without importing. Default true. */
  isGlobal?: boolean;
}

export const {
  ConfigurableModuleClass: ConfigurableMessagingProviderModule,
  MODULE_OPTIONS_TOKEN: MESSAGING_PROVIDER_MODULE_OPTIONS,
  OPTIONS_TYPE: MESSAGING_PROVIDER_MODULE_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: MESSAGING_PROVIDER_MODULE_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<MessagingProviderModuleOptions>({ moduleName: 'MessagingProvider' })
  .setClassMethodName('forRoot')
  .setExtras<MessagingProviderModuleExtras>({ isGlobal: true }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();
