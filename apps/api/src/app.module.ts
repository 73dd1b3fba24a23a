import { Module, type DynamicModule } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { MessagingProviderModule } from '@ivm/messaging-provider';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { OutboxModule } from './outbox/outbox.module';
import { QueuesModule } from './queues/queues.module';
import { SettingsModule } from './settings/settings.module';
import { WebModule } from './web/web.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        EventEmitterModule.forRoot(),
        DatabaseModule,
        MessagingProviderModule.forRoot({
          isGlobal: true,
          provider: config.messagingProvider,
          publicBaseUrl: config.publicBaseUrl,
          twilio: config.twilio ?? undefined,
          simulator: { receiptDelayMs: config.simulator.receiptDelayMs },
        }),
        QueuesModule,
        SettingsModule,
        OutboxModule,
        WebhooksModule,
        HealthModule,
        WebModule,
      ],
    };
  }
}
