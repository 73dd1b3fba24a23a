import { Module } from '@nestjs/common';
import { OptInModule } from '../opt-in/opt-in.module';
import { ConversationsService } from './conversations.service';
import { MessageStatusService } from './message-status.service';

@Module({
  imports: [OptInModule],
  providers: [ConversationsService, MessageStatusService],
  exports: [ConversationsService, MessageStatusService],
})
export class ConversationsModule {}
