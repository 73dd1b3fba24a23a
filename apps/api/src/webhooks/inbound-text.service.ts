import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { InboundText } from '@ivm/messaging-provider';
import type { EntityManager } from 'typeorm';
import { toE164 } from '../common/phone';
import { countSmsSegments } from '@ivm/messaging-provider';
import { DomainError } from '../common/domain-error';
import { ContactsService } from '../contacts/contacts.service';
import type { ContactEntity } from '../contacts/contact.entity';
import type { ConversationEntity } from '../conversations/conversation.entity';
import { ConversationsService } from '../conversations/conversations.service';
import { MessageEntity } from '../conversations/message.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent, PendingEvents } from '../events/domain-events';
import type { AutomaticReply } from '../opt-in/consent-policy';
import { ConsentService } from '../opt-in/consent.service';
import { OutboxService } from '../outbox/outbox.service';
import { QueuesService } from '../queues/queues.service';
import { SettingsService, type SettingKey } from '../settings/settings.service';

export type InboundOutcome =
  | { outcome: 'stored'; messageId: number; conversationId: number; reply: AutomaticReply | null }
  | { outcome: 'duplicate'; messageId: number }
  | { outcome: 'unknown_number' };

const REPLY_TEXT: Record<AutomaticReply, SettingKey> = {
  opt_in_prompt: 'texts.opt_in_prompt',
  welcome: 'texts.welcome',
  help: 'texts.help',
};

/**
 * A client's text, from the webhook to the inbox: the `To` number picks the queue; the text joins
 * the phone's open conversation with that number; consent keywords are applied; the automatic
 * reply, if any, is queued in the outbox. All of it is one transaction, keyed on the provider's
 * message id, so a webhook delivered twice (or twenty times at once) is stored once and answered once.
 */
@Injectable()
export class InboundTextService {
  private readonly logger = new Logger(InboundTextService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly queues: QueuesService,
    private readonly contacts: ContactsService,
    private readonly consent: ConsentService,
    private readonly conversations: ConversationsService,
    private readonly outbox: OutboxService,
    private readonly settings: SettingsService,
    private readonly events: EventEmitter2,
  ) {}

  async receive(inbound: InboundText): Promise<InboundOutcome> {
    const from = toE164(inbound.from);
    if (!from) throw new DomainError('invalid_from', 400, `From "${inbound.from}" is not a phone number IVM can text back.`, { field: 'From' });
    const to = toE164(inbound.to) ?? inbound.to;
    const queue = await this.queues.findByNumber(to);
    if (!queue) {
      this.logger.warn(`A text to ${inbound.to}, which is not a hospital number in IVM, was ignored (${inbound.providerMessageId}).`);
      return { outcome: 'unknown_number' };
    }

    const events = new PendingEvents();
    const outcome = await this.transactions.run(async (manager): Promise<InboundOutcome> => {
      const existing = await this.findByProviderId(manager, inbound.providerMessageId);
      if (existing) return { outcome: 'duplicate', messageId: existing.id };
      const now = new Date();
      // Texts from one phone are applied one at a time: three YES at once must welcome once.
      const contact = await this.contacts.findOrCreate(manager, from, { lock: this.transactions.isMySql });
      const conversation = await this.conversations.conversationFor(manager, queue, contact, to, now);
      const message = await this.conversations.addMessage(manager, conversation, {
        direction: 'inbound',
        kind: 'client',
        body: inbound.body,
        media: inbound.media,
        fromNumber: from,
        toNumber: to,
        status: 'received',
        segments: countSmsSegments(inbound.body),
        providerMessageId: inbound.providerMessageId,
        fromBlockedClient: Boolean(contact.blockedAt),
      }, now);
      events.add(DomainEvent.MessageCreated, { messageId: message.id, conversationId: conversation.id, queueId: conversation.queueId });
      events.add(DomainEvent.InboundReceived, { contactId: contact.id, conversationId: conversation.id, queueId: conversation.queueId });

      const consent = await this.consent.applyInbound(manager, contact, { hospitalNumber: to, body: inbound.body, messageId: message.id, now });
      if (consent.changed) events.add(DomainEvent.ConsentChanged, { contactId: contact.id });
      // A blocked client's texts are kept, and their consent keywords honoured, but IVM does not answer.
      const reply = consent.reply && !contact.blockedAt ? consent.reply : null;
      if (reply) await this.queueReply(manager, conversation, contact, reply, now, events);
      events.add(DomainEvent.ConversationUpdated, { conversationId: conversation.id, queueId: conversation.queueId });
      return { outcome: 'stored', messageId: message.id, conversationId: conversation.id, reply };
    });
    events.publish(this.events);
    return outcome;
  }

  private async queueReply(
    manager: EntityManager,
    conversation: ConversationEntity,
    contact: ContactEntity,
    reply: AutomaticReply,
    now: Date,
    events: PendingEvents,
  ): Promise<void> {
    if (await this.consent.refusal(manager, contact, conversation.hospitalNumber, reply)) return;
    const body = await this.settings.get(REPLY_TEXT[reply], manager);
    const message = await this.outbox.enqueue(manager, conversation, contact, { kind: reply, body }, now);
    events.add(DomainEvent.MessageCreated, { messageId: message.id, conversationId: conversation.id, queueId: conversation.queueId });
    events.add(DomainEvent.OutboxEnqueued, {});
  }

  private findByProviderId(manager: EntityManager, providerMessageId: string) {
    return manager.getRepository(MessageEntity).findOne({ where: { providerMessageId }, select: { id: true } });
  }
}
