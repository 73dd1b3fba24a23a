import { Injectable } from '@nestjs/common';
import type { ProviderDeliveryStatus, StatusUpdate } from '@ivm/messaging-provider';
import { In, type EntityManager } from 'typeorm';
import { ConsentService } from '../opt-in/consent.service';
import { describeDeliveryError } from './delivery-errors';
import { MessageStatusEventEntity } from './message-status-event.entity';
import { MessageEntity } from './message.entity';
import { statusesBelow, type MessageStatus } from './message-status';

const CARRIER_BLOCK_CODE = '21610';

/**
 * Applies delivery receipts. Statuses only move forward and the first final one stays, whatever
 * order receipts arrive in; each change is one conditional UPDATE, so concurrent receipts cannot
 * overwrite each other. Every receipt is stored first: one that arrives before the send call has
 * returned the provider's id is applied once the id is recorded (`applyStoredReceipts`).
 */
@Injectable()
export class MessageStatusService {
  constructor(private readonly consent: ConsentService) {}

  /** Returns the message whose status changed, or null when nothing changed. */
  async recordReceipt(manager: EntityManager, update: StatusUpdate, providerStatus: string): Promise<MessageEntity | null> {
    await manager.getRepository(MessageStatusEventEntity).insert({
      providerMessageId: update.providerMessageId,
      // Our status when the plugin mapped one, else the provider's own word (kept for the record).
      providerStatus: update.status ?? providerStatus,
      errorCode: update.errorCode,
      errorMessage: update.errorMessage,
    });
    return this.applyReceipt(manager, update);
  }

  async applyStoredReceipts(manager: EntityManager, providerMessageId: string): Promise<MessageEntity | null> {
    const events = await manager.getRepository(MessageStatusEventEntity).find({
      where: { providerMessageId },
      order: { id: 'ASC' },
    });
    let changed: MessageEntity | null = null;
    for (const event of events) {
      const status = receiptStatus(event.providerStatus);
      const result = await this.applyReceipt(manager, {
        providerMessageId, status, errorCode: event.errorCode, errorMessage: event.errorMessage,
      });
      changed = result ?? changed;
    }
    return changed;
  }

  /**
   * Applies receipts that found no text when they arrived and whose text now has its provider id.
   * On MySQL a receipt can commit in the instant between the send's id being written and that
   * transaction applying the receipts stored so far; this sweep (run by the outbox worker) makes
   * sure such a receipt still lands. Returns the messages that changed.
   */
  async applyOrphanReceipts(manager: EntityManager, since: Date): Promise<MessageEntity[]> {
    const rows = await manager.getRepository(MessageStatusEventEntity).createQueryBuilder('e')
      .innerJoin(MessageEntity, 'm', 'm.provider_message_id = e.provider_message_id')
      .select('DISTINCT e.provider_message_id', 'providerMessageId')
      .where('e.created_at >= :since', { since })
      .andWhere('m.status IN (:...open)', { open: ['queued', 'sending', 'sent'] })
      .andWhere('e.provider_status IN (:...final)', { final: ['delivered', 'undelivered', 'failed', 'canceled'] })
      .getRawMany<{ providerMessageId: string }>();
    const changed: MessageEntity[] = [];
    for (const row of rows) {
      const message = await this.applyStoredReceipts(manager, row.providerMessageId);
      if (message) changed.push(message);
    }
    return changed;
  }

  /** Moves a message to `status` if that is forward from where it is. True when it moved. */
  async advance(
    manager: EntityManager,
    where: { id: number } | { providerMessageId: string },
    status: MessageStatus,
    error: { code: string | null; message: string | null } = { code: null, message: null },
  ): Promise<boolean> {
    const result = await manager.getRepository(MessageEntity).update(
      { ...where, status: In(statusesBelow(status)) },
      {
        status,
        errorCode: error.code,
        errorMessage: error.code || error.message ? describeDeliveryError(error.code, error.message) : null,
        statusChangedAt: new Date(),
      },
    );
    return (result.affected ?? 0) > 0;
  }

  private async applyReceipt(manager: EntityManager, update: StatusUpdate): Promise<MessageEntity | null> {
    if (!update.status) return null;
    const message = await manager.getRepository(MessageEntity).findOne({ where: { providerMessageId: update.providerMessageId } });
    if (!message) return null;
    if (update.errorCode === CARRIER_BLOCK_CODE) {
      await this.consent.markCarrierBlocked(manager, {
        phone: message.toNumber, hospitalNumber: message.fromNumber, code: CARRIER_BLOCK_CODE, messageId: message.id,
      });
    }
    const final = update.status !== 'sent';
    const moved = await this.advance(manager, { id: message.id }, update.status, final && update.status !== 'delivered'
      ? { code: update.errorCode, message: update.errorMessage }
      : { code: null, message: null });
    return moved ? manager.getRepository(MessageEntity).findOneByOrFail({ id: message.id }) : null;
  }
}

const RECEIPT_STATUSES: readonly ProviderDeliveryStatus[] = ['sent', 'delivered', 'undelivered', 'failed', 'canceled'];

/** A stored receipt's status, when it is one of ours. */
export function receiptStatus(stored: string): ProviderDeliveryStatus | null {
  return (RECEIPT_STATUSES as readonly string[]).includes(stored) ? (stored as ProviderDeliveryStatus) : null;
}
