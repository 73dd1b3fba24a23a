import { Module, type DynamicModule } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { MessagingProviderModule } from '@ivm/messaging-provider';
import { SandiAdapterModule } from '@ivm/sandi-adapter';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { InboxModule } from './conversations/inbox.module';
import { HealthModule } from './health/health.module';
import { RealtimeModule } from './realtime/realtime.module';
import { SimulatorModule } from './simulator/simulator.module';
import { TranscriptsModule } from './transcripts/transcripts.module';
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
        SandiAdapterModule.forRoot({ isGlobal: true, adapter: config.sandi.adapter, fixturesPath: config.sandi.fixturesPath }),
        AuthModule,
        AuditModule,
        QueuesModule,
        SettingsModule,
        OutboxModule,
        WebhooksModule,
        InboxModule,
        TranscriptsModule,
        RealtimeModule,
        SimulatorModule.forProvider(config.messagingProvider),
        HealthModule,
        WebModule.forRoot(),
      ],
    };
  }
}
