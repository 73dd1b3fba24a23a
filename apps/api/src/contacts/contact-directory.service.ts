import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { SANDI_ADAPTER, type SandiAdapter } from '@ivm/sandi-adapter';
import { IsNull } from 'typeorm';
import { ConversationEntity } from '../conversations/conversation.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent, PendingEvents, type InboundEventPayload } from '../events/domain-events';
import { ContactEntity } from './contact.entity';
import { searchTextOf, toCachedClients } from './sandi-cache';

/** SANDI answers older than this are looked up again when a list shows them. */
export const SANDI_CACHE_MAX_AGE_MS = 4 * 3600_000;
const UNCHANGED_TOUCH_EVERY_MS = 10 * 60_000;

/**
 * Keeps each contact's SANDI matches (clients and their patients) cached on the contact, so lists
 * and search are fast and keep working while SANDI is slow or down. Refreshed on each inbound
 * text, and in the background when a list shows a stale one. A phone that matches exactly one
 * client links its conversations to that client.
 */
@Injectable()
export class ContactDirectoryService {
  private readonly logger = new Logger(ContactDirectoryService.name);
  private readonly inFlight = new Map<number, Promise<void>>();

  constructor(
    @Inject(SANDI_ADAPTER) private readonly sandi: SandiAdapter,
    private readonly transactions: TransactionRunner,
    private readonly events: EventEmitter2,
  ) {}

  @OnEvent(DomainEvent.InboundReceived)
  onInbound(payload: InboundEventPayload): Promise<void> {
    return this.refresh(payload.contactId);
  }

  /** Refreshes the stale ones without making the caller wait. */
  refreshStale(contacts: ContactEntity[]): void {
    const now = Date.now();
    for (const contact of contacts) {
      if (!contact.sandiRefreshedAt || now - contact.sandiRefreshedAt.getTime() > SANDI_CACHE_MAX_AGE_MS) void this.refresh(contact.id);
    }
  }

  /** One look-up per contact at a time; failures are logged and the old cache kept. */
  refresh(contactId: number): Promise<void> {
    const running = this.inFlight.get(contactId);
    if (running) return running;
    const work = this.lookUp(contactId)
      .catch((error: unknown) => this.logger.warn(`SANDI look-up for contact ${contactId} failed; keeping the cached names: ${(error as Error).message}`))
      .finally(() => this.inFlight.delete(contactId));
    this.inFlight.set(contactId, work);
    return work;
  }

  private async lookUp(contactId: number): Promise<void> {
    const contact = await this.transactions.reader.getRepository(ContactEntity).findOneBy({ id: contactId });
    if (!contact) return;
    const clients = toCachedClients(await this.sandi.findClientsByPhone(contact.phone));
    const matchesJson = JSON.stringify(clients);
    const changed = matchesJson !== contact.sandiMatchesJson;
    const events = new PendingEvents();
    await this.transactions.run(async (manager) => {
      // SANDI said the same as last time: only note when it was asked (for the staleness check).
      const stale = !contact.sandiRefreshedAt || Date.now() - contact.sandiRefreshedAt.getTime() > UNCHANGED_TOUCH_EVERY_MS;
      if (changed || stale) {
        await manager.getRepository(ContactEntity).update({ id: contactId }, {
          ...(changed ? { sandiMatchesJson: matchesJson, searchText: searchTextOf(clients) } : {}),
          sandiRefreshedAt: new Date(),
        });
      }
      const conversations = manager.getRepository(ConversationEntity);
      // A new conversation of a phone that matches exactly one client is linked to that client.
      const linked = clients.length === 1
        ? (await conversations.update({ contactId, sandiClientId: IsNull() }, { sandiClientId: clients[0].id })).affected ?? 0
        : 0;
      if (!changed && linked === 0) return;
      for (const conversation of await conversations.find({ where: { contactId }, select: { id: true, queueId: true } })) {
        events.add(DomainEvent.ConversationUpdated, { conversationId: conversation.id, queueId: conversation.queueId });
      }
    });
    events.publish(this.events);
  }
}
