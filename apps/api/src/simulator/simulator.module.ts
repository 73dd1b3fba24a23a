import { Module, type DynamicModule } from '@nestjs/common';
import type { MessagingProviderName } from '@ivm/messaging-provider';
import { SimulatorController } from './simulator.controller';

/** The phone simulator's API exists only when the simulator provider runs. */
@Module({})
export class SimulatorModule {
  static forProvider(provider: MessagingProviderName): DynamicModule {
    return { module: SimulatorModule, controllers: provider === 'simulator' ? [SimulatorController] : [] };
  }
}
