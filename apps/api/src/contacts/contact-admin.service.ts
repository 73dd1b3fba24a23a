import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { formatPhoneForPeople } from '../common/phone';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ConversationEntity } from '../conversations/conversation.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent, PendingEvents } from '../events/domain-events';
import { CarrierBlockEntity } from '../opt-in/carrier-block.entity';
import { ConsentRecordEntity } from '../opt-in/consent-record.entity';
import { notFound } from '../queues/queue-access.service';
import { QueueEntity } from '../queues/queue.entity';
import { ContactEntity } from './contact.entity';
import { readCachedClients, type CachedSandiClient } from './sandi-cache';

export interface ContactResponse {
  id: number;
  phone: string;
  phoneDisplay: string;
  consentState: string;
  consentChangedAt: string | null;
  consentRecords: Array<{ id: number; event: string; fromState: string; toState: string; keyword: string | null; hospitalNumber: string; at: string }>;
  carrierBlocks: Array<{ hospitalNumber: string; queue: string | null; since: string; reason: string | null }>;
  blocked: { at: string; by: string | null; reason: string | null } | null;
  sandiClients: CachedSandiClient[];
  sandiRefreshedAt: string | null;
  /** The queues this phone has texted that the user may work. */
  queues: string[];
  canBlock: boolean;
}

/**
 * A client phone seen from the inbox: consent history, carrier blocks, SANDI matches, and staff
 * blocking. A contact is visible to users who work a queue the phone has texted (404 otherwise).
 */
@Injectable()
export class ContactAdminService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async get(user: AuthUser, id: number): Promise<ContactResponse> {
    const { contact, queues } = await this.visible(user, id);
    const reader = this.transactions.reader;
    const records = await reader.getRepository(ConsentRecordEntity).find({ where: { contactId: id }, order: { id: 'ASC' } });
    const blocks = await reader.getRepository(CarrierBlockEntity).find({ where: { contactId: id } });
    const allQueues = await reader.getRepository(QueueEntity).find();
    return {
      id: contact.id,
      phone: contact.phone,
      phoneDisplay: formatPhoneForPeople(contact.phone),
      consentState: contact.consentState,
      consentChangedAt: contact.consentChangedAt?.toISOString() ?? null,
      consentRecords: records.map((r) => ({
        id: r.id, event: r.event, fromState: r.fromState, toState: r.toState, keyword: r.keyword, hospitalNumber: r.hospitalNumber, at: r.createdAt.toISOString(),
      })),
      carrierBlocks: blocks.filter((b) => b.blockedAt).map((b) => ({
        hospitalNumber: b.hospitalNumber,
        queue: allQueues.find((q) => q.phoneNumber === b.hospitalNumber)?.code ?? null,
        since: b.blockedAt!.toISOString(),
        reason: b.reason,
      })),
      blocked: contact.blockedAt ? { at: contact.blockedAt.toISOString(), by: contact.blockedBy, reason: contact.blockedReason } : null,
      sandiClients: readCachedClients(contact.sandiMatchesJson),
      sandiRefreshedAt: contact.sandiRefreshedAt?.toISOString() ?? null,
      queues: queues.filter((code) => user.queueRoles[code]),
      canBlock: this.mayBlock(user, queues),
    };
  }

  /** Blocks the client in every queue and archives their open conversations. */
  async block(user: AuthUser, ipAddress: string | null, id: number, reason: string): Promise<ContactResponse> {
    await this.changeBlock(user, ipAddress, id, async (contact, manager, events) => {
      if (contact.blockedAt) throw new DomainError('already_blocked', 409, 'This client is already blocked.');
      await manager.getRepository(ContactEntity).update({ id }, { blockedAt: new Date(), blockedBy: user.username, blockedReason: reason });
      const open = await manager.getRepository(ConversationEntity).find({ where: { contactId: id, status: 'open' } });
      if (open.length > 0) {
        await manager.getRepository(ConversationEntity).update({ id: In(open.map((c) => c.id)) }, { status: 'archived', openKey: null, archivedAt: new Date(), unreadCount: 0 });
      }
      for (const conversation of open) events.add(DomainEvent.ConversationUpdated, { conversationId: conversation.id, queueId: conversation.queueId });
      return { action: 'contact.blocked', details: { reason, archivedConversations: open.map((c) => c.id) } };
    });
    return this.get(user, id);
  }

  async unblock(user: AuthUser, ipAddress: string | null, id: number): Promise<ContactResponse> {
    await this.changeBlock(user, ipAddress, id, async (contact, manager) => {
      if (!contact.blockedAt) throw new DomainError('not_blocked', 409, 'This client is not blocked.');
      await manager.getRepository(ContactEntity).update({ id }, { blockedAt: null, blockedBy: null, blockedReason: null });
      return { action: 'contact.unblocked', details: { previousReason: contact.blockedReason, blockedBy: contact.blockedBy } };
    });
    return this.get(user, id);
  }

  private async changeBlock(
    user: AuthUser,
    ipAddress: string | null,
    id: number,
    apply: (contact: ContactEntity, manager: EntityManager, events: PendingEvents) => Promise<{ action: string; details: Record<string, unknown> }>,
  ): Promise<void> {
    const { queues } = await this.visible(user, id);
    if (!this.mayBlock(user, queues)) {
      throw new DomainError('forbidden', 403, 'Only a supervisor of a queue this client has texted, or a manager, can block or unblock a client. See your supervisor or manager.');
    }
    const events = new PendingEvents();
    await this.transactions.run(async (manager) => {
      const contact = await manager.getRepository(ContactEntity).findOneByOrFail({ id });
      const { action, details } = await apply(contact, manager, events);
      await this.audit.record(manager, {
        actorType: 'user', actor: user.username, action, entityType: 'contact', entityId: String(id), subject: contact.phone,
        queueCode: queues.find((code) => user.queueRoles[code]) ?? null, ipAddress, details: { ...details, queues },
      });
      events.add(DomainEvent.ConsentChanged, { contactId: id });
    });
    events.publish(this.events);
  }

  /** By default supervisors of a queue the phone has texted, and managers (BLOCK_CLIENT_ROLES). */
  private mayBlock(user: AuthUser, queues: string[]): boolean {
    const roles = this.config.auth.blockRoles;
    if (user.role === 'manager' && roles.includes('manager')) return true;
    return roles.includes('supervisor') && queues.some((code) => user.queueRoles[code] === 'supervisor');
  }

  /** The contact and the queues of the numbers it has texted; 404 unless the user works one of them. */
  private async visible(user: AuthUser, id: number): Promise<{ contact: ContactEntity; queues: string[] }> {
    const reader = this.transactions.reader;
    const contact = Number.isInteger(id) ? await reader.getRepository(ContactEntity).findOneBy({ id }) : null;
    if (!contact) throw notFound('contact');
    const conversations = await reader.getRepository(ConversationEntity).find({ where: { contactId: id }, select: { hospitalNumber: true, queueId: true } });
    const queueRows = await reader.getRepository(QueueEntity).find();
    const texted = new Set<string>();
    for (const conversation of conversations) {
      const byNumber = queueRows.find((q) => q.phoneNumber === conversation.hospitalNumber);
      const byWork = queueRows.find((q) => q.id === conversation.queueId);
      if (byNumber) texted.add(byNumber.code);
      if (byWork) texted.add(byWork.code);
    }
    const queues = [...texted].sort();
    if (!queues.some((code) => user.queueRoles[code])) throw notFound('contact');
    return { contact, queues };
  }
}
