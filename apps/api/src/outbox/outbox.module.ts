import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { OptInModule } from '../opt-in/opt-in.module';
import { OutboxWorker } from './outbox-worker';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

@Module({
  imports: [ConversationsModule, OptInModule],
  providers: [OutboxService, OutboxRepository, OutboxWorker],
  exports: [OutboxService, OutboxWorker],
})
export class OutboxModule {}
