import { Module } from '@nestjs/common';
import { OptInModule } from '../opt-in/opt-in.module';
import { ConversationsService } from './conversations.service';
import { MessageStatusService } from './message-status.service';

/** The domain services the webhooks and the outbox use; the staff-facing API is InboxModule. */
@Module({
  imports: [OptInModule],
  providers: [ConversationsService, MessageStatusService],
  exports: [ConversationsService, MessageStatusService],
})
export class ConversationsModule {}
