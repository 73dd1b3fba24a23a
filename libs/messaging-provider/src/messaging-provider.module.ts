import { Module } from '@nestjs/common';
import { MESSAGING_PROVIDER, SIMULATOR_CONTROLS } from './messaging-provider.constants';
import { createMessagingProvider, createSimulatedCarrier } from './messaging-provider.factory';
import { ConfigurableMessagingProviderModule, MESSAGING_PROVIDER_MODULE_OPTIONS } from './messaging-provider.module-definition';
import type { MessagingProviderModuleOptions } from './messaging-provider.options';
import type { SimulatedCarrier } from './simulator/simulated-carrier';
import { createSimulatorControls } from './simulator/simulator.controls';

// Internal: one carrier behind both the provider and the controls, closed by Nest on shutdown.
const SIMULATED_CARRIER = Symbol('SIMULATED_CARRIER');

/**
 * Provides the configured `MessagingProvider` as `MESSAGING_PROVIDER`, and the simulator's
 * controls as `SIMULATOR_CONTROLS` (null unless the simulator runs).
 * `MessagingProviderModule.forRoot({ provider, publicBaseUrl, twilio?, simulator? })` or `forRootAsync`.
 */
@Module({
  providers: [
    {
      provide: SIMULATED_CARRIER,
      useFactory: (options: MessagingProviderModuleOptions) => createSimulatedCarrier(options),
      inject: [MESSAGING_PROVIDER_MODULE_OPTIONS],
    },
    {
      provide: MESSAGING_PROVIDER,
      useFactory: (options: MessagingProviderModuleOptions, carrier: SimulatedCarrier | null) =>
        createMessagingProvider(options, carrier),
      inject: [MESSAGING_PROVIDER_MODULE_OPTIONS, SIMULATED_CARRIER],
    },
    {
      provide: SIMULATOR_CONTROLS,
      useFactory: (carrier: SimulatedCarrier | null) => (carrier ? createSimulatorControls(carrier) : null),
      inject: [SIMULATED_CARRIER],
    },
  ],
  exports: [MESSAGING_PROVIDER, SIMULATOR_CONTROLS],
})
export class MessagingProviderModule extends ConfigurableMessagingProviderModule {}
