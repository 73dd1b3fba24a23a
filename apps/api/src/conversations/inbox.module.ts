import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ContactsModule } from '../contacts/contacts.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ContactAdminService } from '../contacts/contact-admin.service';
import { ContactsController } from '../contacts/contacts.controller';
import { QueueStatsService } from '../queues/queue-stats.service';
import { QueuesController } from '../queues/queues.controller';
import { QueuesModule } from '../queues/queues.module';
import { ConversationActionsService } from './conversation-actions.service';
import { ConversationQueryService } from './conversation-query.service';
import { ConversationsController } from './conversations.controller';
import { ConversationsModule } from './conversations.module';
import { MessagesController } from './messages.controller';
import { StaffMessagingService } from './staff-messaging.service';

/** The staff inbox API: queues, conversation lists and threads, replies, notes, archive, move, link, contacts and blocking. */
@Module({
  imports: [ConversationsModule, OutboxModule, QueuesModule, ContactsModule, AuditModule],
  controllers: [QueuesController, ConversationsController, MessagesController, ContactsController],
  providers: [ConversationQueryService, ConversationActionsService, StaffMessagingService, QueueStatsService, ContactAdminService],
  exports: [ConversationQueryService],
})
export class InboxModule {}
