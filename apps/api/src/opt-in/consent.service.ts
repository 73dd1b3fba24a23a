import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { EntityManager } from 'typeorm';
import { ContactEntity, type ConsentState } from '../contacts/contact.entity';
import { QueueEntity } from '../queues/queue.entity';
import { CarrierBlockEntity } from './carrier-block.entity';
import { ConsentRecordEntity } from './consent-record.entity';
import {
  classifyKeyword, decideConsent, mayReceive, type AutomaticReply, type KeywordClass,
} from './consent-policy';

export interface InboundConsentResult {
  keywordClass: KeywordClass;
  keyword: string | null;
  /** The automatic text to send back, if any (the caller still checks that the client is not blocked). */
  reply: AutomaticReply | null;
  changed: boolean;
}

/** Why a text may not go to a phone from a number, in a code the inbox turns into words. */
export type OutboundRefusal = 'opted_out' | 'not_opted_in' | 'carrier_blocked' | 'client_blocked';

/**
 * Owns a phone's consent and its carrier blocks. Every change is written as a consent record in
 * the same transaction as the change.
 */
@Injectable()
export class ConsentService {
  constructor(private readonly audit: AuditService) {}

  async applyInbound(
    manager: EntityManager,
    contact: ContactEntity,
    input: { hospitalNumber: string; body: string; messageId: number; now: Date },
  ): Promise<InboundConsentResult> {
    const { keywordClass, keyword } = classifyKeyword(input.body);
    const block = await this.findBlock(manager, contact.id, input.hospitalNumber);
    const decision = decideConsent({
      state: contact.consentState,
      lastPromptedAt: contact.lastPromptedAt,
      carrierBlockedHere: Boolean(block?.blockedAt),
      keywordClass,
      now: input.now,
    });
    const fromState = contact.consentState;
    const base = { contactId: contact.id, hospitalNumber: input.hospitalNumber, messageId: input.messageId };

    const changes: Partial<ContactEntity> = {};
    if (decision.nextState !== fromState) {
      changes.consentState = decision.nextState;
      changes.consentChangedAt = input.now;
    }
    if (decision.reply === 'opt_in_prompt') changes.lastPromptedAt = input.now;
    if (Object.keys(changes).length > 0) {
      await manager.getRepository(ContactEntity).update({ id: contact.id }, changes);
      Object.assign(contact, changes);
    }
    if (decision.record) {
      await this.record(manager, { ...base, fromState, toState: decision.nextState, event: decision.record, keyword });
    }
    if (decision.carrierBlock === 'set') {
      await this.setCarrierBlock(manager, { ...base, state: decision.nextState, reason: 'stop_keyword', keyword });
    } else if (decision.carrierBlock === 'lift') {
      await manager.getRepository(CarrierBlockEntity).update({ id: block!.id }, { blockedAt: null, reason: null });
      await this.record(manager, {
        ...base, fromState, toState: decision.nextState, event: 'carrier_unblocked', keyword,
      });
    }
    return { keywordClass, keyword, reply: decision.reply, changed: Boolean(decision.record || decision.carrierBlock) };
  }

  /** The provider refused a text with 21610: the carrier blocks this (phone, number) pair. */
  async markCarrierBlocked(
    manager: EntityManager,
    input: { phone: string; hospitalNumber: string; code: string; messageId: number | null },
  ): Promise<void> {
    const contact = await manager.getRepository(ContactEntity).findOne({ where: { phone: input.phone } });
    if (!contact) return;
    const existing = await this.findBlock(manager, contact.id, input.hospitalNumber);
    if (existing?.blockedAt) return;
    await this.setCarrierBlock(manager, {
      contactId: contact.id, hospitalNumber: input.hospitalNumber, messageId: input.messageId,
      state: contact.consentState, reason: input.code, keyword: input.code,
    });
  }

  /**
   * Whether a text of this kind may go to the phone from this number now. To a phone that has
   * not opted in only the prompt and the HELP text go; to an opted-out phone, nothing.
   */
  async refusal(
    manager: EntityManager,
    contact: ContactEntity,
    hospitalNumber: string,
    kind: AutomaticReply | 'other',
  ): Promise<OutboundRefusal | null> {
    if (contact.blockedAt) return 'client_blocked';
    const permitted = mayReceive(contact.consentState, kind === 'welcome' ? 'other' : kind);
    if (!permitted) return contact.consentState === 'opted_out' ? 'opted_out' : 'not_opted_in';
    const block = await this.findBlock(manager, contact.id, hospitalNumber);
    return block?.blockedAt ? 'carrier_blocked' : null;
  }

  private findBlock(manager: EntityManager, contactId: number, hospitalNumber: string) {
    return manager.getRepository(CarrierBlockEntity).findOne({ where: { contactId, hospitalNumber } });
  }

  private async setCarrierBlock(
    manager: EntityManager,
    input: {
      contactId: number; hospitalNumber: string; messageId: number | null;
      state: ConsentState; reason: string; keyword: string | null;
    },
  ): Promise<void> {
    const repository = manager.getRepository(CarrierBlockEntity);
    const now = new Date();
    await manager.createQueryBuilder().insert().into(CarrierBlockEntity)
      .values({ contactId: input.contactId, hospitalNumber: input.hospitalNumber, blockedAt: now, reason: input.reason })
      .orIgnore().execute();
    await repository.update(
      { contactId: input.contactId, hospitalNumber: input.hospitalNumber },
      { blockedAt: now, reason: input.reason },
    );
    await this.record(manager, {
      contactId: input.contactId, hospitalNumber: input.hospitalNumber, messageId: input.messageId,
      fromState: input.state, toState: input.state, event: 'carrier_blocked', keyword: input.keyword,
    });
  }

  private async record(
    manager: EntityManager,
    record: Pick<ConsentRecordEntity, 'contactId' | 'fromState' | 'toState' | 'event' | 'keyword' | 'hospitalNumber' | 'messageId'>,
  ): Promise<void> {
    await manager.getRepository(ConsentRecordEntity).insert(record);
    const contact = await manager.getRepository(ContactEntity).findOneOrFail({ where: { id: record.contactId }, select: { id: true, phone: true } });
    // Keywords are the client's own doing; a carrier block the provider reported (an error code) is the system's.
    const byClient = !(record.event === 'carrier_blocked' && /^\d+$/.test(record.keyword ?? ''));
    const queue = await manager.getRepository(QueueEntity).findOne({ where: { phoneNumber: record.hospitalNumber }, select: { code: true } });
    await this.audit.record(manager, {
      actorType: byClient ? 'client' : 'system',
      actor: byClient ? contact.phone : 'system',
      action: `consent.${record.event}`,
      entityType: 'contact',
      entityId: String(record.contactId),
      subject: contact.phone,
      queueCode: queue?.code ?? null,
      details: { from: record.fromState, to: record.toState, keyword: record.keyword, hospitalNumber: record.hospitalNumber, messageId: record.messageId },
    });
  }
}
