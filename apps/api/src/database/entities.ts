import { AuditEventEntity } from '../audit/audit-event.entity';
import { SessionEntity } from '../auth/session.entity';
import { ContactEntity } from '../contacts/contact.entity';
import { ConversationEntity } from '../conversations/conversation.entity';
import { MessageStatusEventEntity } from '../conversations/message-status-event.entity';
import { MessageEntity } from '../conversations/message.entity';
import { CarrierBlockEntity } from '../opt-in/carrier-block.entity';
import { ConsentRecordEntity } from '../opt-in/consent-record.entity';
import { OutboxItemEntity } from '../outbox/outbox-item.entity';
import { SenderRateEntity } from '../outbox/sender-rate.entity';
import { QueueEntity } from '../queues/queue.entity';
import { SettingEntity } from '../settings/setting.entity';

/** Every entity of the schema; the migrations of both drivers must match them (see the drift test). */
export const ENTITIES = [
  QueueEntity,
  ContactEntity,
  ConsentRecordEntity,
  CarrierBlockEntity,
  ConversationEntity,
  MessageEntity,
  MessageStatusEventEntity,
  OutboxItemEntity,
  SenderRateEntity,
  SettingEntity,
  SessionEntity,
  AuditEventEntity,
];
