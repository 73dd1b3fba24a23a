import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { OptInModule } from '../opt-in/opt-in.module';
import { OutboxModule } from '../outbox/outbox.module';
import { QueuesModule } from '../queues/queues.module';
import { SettingsModule } from '../settings/settings.module';
import { DeliveryReceiptService } from './delivery-receipt.service';
import { InboundTextService } from './inbound-text.service';
import { WebhookSignatureGuard } from './webhook-signature.guard';
import { WebhooksController } from './webhooks.controller';

@Module({
  imports: [QueuesModule, ContactsModule, OptInModule, ConversationsModule, OutboxModule, SettingsModule],
  controllers: [WebhooksController],
  providers: [InboundTextService, DeliveryReceiptService, WebhookSignatureGuard],
  exports: [InboundTextService],
})
export class WebhooksModule {}
