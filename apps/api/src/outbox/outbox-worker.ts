import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import {
  MESSAGING_PROVIDER, type MessagingProvider, type OutboundText, type SentText,
} from '@ivm/messaging-provider';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { BackgroundLoop } from '../common/background-loop';
import { APP_CONFIG } from '../config/config.module';
import { ContactEntity } from '../contacts/contact.entity';
import { describeDeliveryError } from '../conversations/delivery-errors';
import { MessageEntity } from '../conversations/message.entity';
import { MessageStatusService } from '../conversations/message-status.service';
import { ConversationEntity } from '../conversations/conversation.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent, PendingEvents } from '../events/domain-events';
import { ConsentService } from '../opt-in/consent.service';
import { OutboxRepository, type OutboxClaim } from './outbox.repository';
import { decideRetry } from './retry-policy';

const CLAIM_BATCH = 50;
const CLAIM_HORIZON_MS = 1000;
// Wider than the provider's clock-skew allowance, so no earlier twin of a text is overlooked.
const RECONCILE_WINDOW_MS = 10 * 60_000;
// Receipts that raced their text's provider id are swept up this often, looking this far back.
const ORPHAN_SWEEP_EVERY_MS = 2000;
const ORPHAN_SWEEP_WINDOW_MS = 60 * 60_000;

/**
 * Sends due outbox rows through the active provider. One loop per API instance; any number of
 * instances may run against one MySQL/MariaDB database. A text is claimed (with a lease), sent,
 * and finished in its own transaction; a text whose attempt may have reached the provider is
 * looked up there before any retry, so none goes out twice.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  private readonly workerId = randomBytes(6).toString('hex');
  private readonly loop: BackgroundLoop;
  private lastOrphanSweep = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MESSAGING_PROVIDER) private readonly provider: MessagingProvider,
    private readonly outbox: OutboxRepository,
    private readonly transactions: TransactionRunner,
    private readonly statuses: MessageStatusService,
    private readonly consent: ConsentService,
    private readonly events: EventEmitter2,
  ) {
    this.loop = new BackgroundLoop('Outbox', async () => {
      const claimed = await this.drainOnce();
      await this.sweepOrphanReceipts();
      return claimed > 0;
    }, config.outbox.pollIntervalMs, this.logger);
  }

  onApplicationBootstrap(): void {
    if (!this.config.outbox.workerEnabled) {
      this.logger.log('The outbox worker is off on this instance (OUTBOX_WORKER_ENABLED=false).');
      return;
    }
    this.loop.start();
  }

  /** Stops claiming and waits for texts already claimed, so a graceful stop loses nothing. */
  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  @OnEvent(DomainEvent.OutboxEnqueued)
  nudge(): void {
    this.loop.wake();
  }

  /** Claims and sends once; what the loop does each turn (also used by tests and the benchmark). */
  async drainOnce(): Promise<number> {
    const claims = await this.outbox.claimDue({
      workerId: this.workerId,
      now: new Date(),
      limit: CLAIM_BATCH,
      leaseMs: this.config.outbox.claimLeaseMs,
      segmentsPerSecond: this.config.outbox.segmentsPerSecond,
      horizonMs: CLAIM_HORIZON_MS,
    });
    const byNumber = new Map<string, OutboxClaim[]>();
    for (const claim of claims) byNumber.set(claim.item.fromNumber, [...(byNumber.get(claim.item.fromNumber) ?? []), claim]);
    // Numbers send in parallel; one number's texts go in order, each at its reserved slot.
    await Promise.all([...byNumber.values()].map(async (queue) => {
      for (const claim of queue) {
        await sleep(claim.notBefore.getTime() - Date.now());
        await this.deliver(claim);
      }
    }));
    return claims.length;
  }

  private async sweepOrphanReceipts(): Promise<void> {
    if (Date.now() - this.lastOrphanSweep < ORPHAN_SWEEP_EVERY_MS) return;
    this.lastOrphanSweep = Date.now();
    const events = new PendingEvents();
    await this.transactions.run(async (manager) => {
      for (const message of await this.statuses.applyOrphanReceipts(manager, new Date(Date.now() - ORPHAN_SWEEP_WINDOW_MS))) {
        events.add(DomainEvent.MessageUpdated, await this.eventPayload(manager, message));
      }
    });
    events.publish(this.events);
  }

  private async deliver(claim: OutboxClaim): Promise<void> {
    const message = await this.transactions.reader.getRepository(MessageEntity).findOneByOrFail({ id: claim.item.messageId });
    const text: OutboundText = {
      reference: String(claim.item.id),
      from: claim.item.fromNumber,
      to: claim.item.toNumber,
      body: message.body,
      statusCallbackUrl: `${this.config.publicBaseUrl}/webhooks/${this.provider.name}/status`,
    };
    const refusal = await this.refusalFor(message);
    if (refusal) return this.cancel(claim, message, refusal);
    try {
      if (claim.reconcile) {
        const since = claim.item.firstAttemptAt ?? claim.item.createdAt;
        const earlier = await this.provider.findSent(text, since, await this.recordedProviderIds(message, since));
        if (earlier) return this.markSent(claim, message, earlier);
      }
      const sent = await this.provider.send(text);
      await this.markSent(claim, message, sent);
    } catch (error) {
      await this.handleFailure(claim, message, error);
    }
  }

  /** Provider ids of texts to the same phone from the same number that IVM already matched. */
  private async recordedProviderIds(message: MessageEntity, since: Date): Promise<Set<string>> {
    const rows = await this.transactions.reader.getRepository(MessageEntity).createQueryBuilder('m')
      .select('m.provider_message_id', 'id')
      .where('m.to_number = :to AND m.from_number = :from', { to: message.toNumber, from: message.fromNumber })
      .andWhere('m.provider_message_id IS NOT NULL AND m.id <> :id', { id: message.id })
      .andWhere('m.created_at >= :earliest', { earliest: new Date(since.getTime() - RECONCILE_WINDOW_MS) })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /** Consent can change while a text waits (a STOP arrives): check again right before sending. */
  private async refusalFor(message: MessageEntity) {
    const reader = this.transactions.reader;
    const contact = await reader.getRepository(ContactEntity).findOneByOrFail({ phone: message.toNumber });
    const kind = message.kind === 'opt_in_prompt' || message.kind === 'help' || message.kind === 'welcome' ? message.kind : 'other';
    return this.consent.refusal(reader, contact, message.fromNumber, kind);
  }

  private async markSent(claim: OutboxClaim, message: MessageEntity, sent: SentText): Promise<void> {
    const events = new PendingEvents();
    await this.transactions.run(async (manager) => {
      if (!(await this.outbox.finish(manager, claim, 'done', { lastError: null }))) return this.lostClaim(claim);
      await manager.getRepository(MessageEntity).update({ id: message.id }, {
        providerMessageId: sent.providerMessageId,
        ...(sent.segments ? { segments: sent.segments } : {}),
      });
      await this.statuses.advance(manager, { id: message.id }, 'sent');
      // A receipt may have come before the provider's id was known.
      await this.statuses.applyStoredReceipts(manager, sent.providerMessageId);
      events.add(DomainEvent.MessageUpdated, await this.eventPayload(manager, message));
    });
    events.publish(this.events);
  }

  private async handleFailure(claim: OutboxClaim, message: MessageEntity, error: unknown): Promise<void> {
    const failure = this.provider.classifyError(error);
    const decision = decideRetry(failure, claim.item.attempts, this.config.outbox);
    const events = new PendingEvents();
    await this.transactions.run(async (manager) => {
      const lastError = `${failure.kind}${failure.code ? ` ${failure.code}` : ''}: ${failure.message}`;
      if (decision.action !== 'fail') {
        const state = decision.action === 'retry' ? 'pending' : 'unknown';
        const nextAttemptAt = new Date(Date.now() + decision.delayMs);
        if (!(await this.outbox.finish(manager, claim, state, { nextAttemptAt, lastError }))) return this.lostClaim(claim);
        if (decision.action === 'retry') {
          await manager.getRepository(MessageEntity).update({ id: message.id, status: 'sending' }, { status: 'queued' });
        }
        this.logger.warn(`Text ${message.id} not sent (attempt ${claim.item.attempts}, ${lastError}); ${decision.action} in ${decision.delayMs} ms`);
        return;
      }
      if (!(await this.outbox.finish(manager, claim, 'failed', { lastError }))) return this.lostClaim(claim);
      if (decision.carrierBlocked) {
        await this.consent.markCarrierBlocked(manager, {
          phone: message.toNumber, hospitalNumber: message.fromNumber, code: decision.code ?? '21610', messageId: message.id,
        });
      }
      await this.statuses.advance(manager, { id: message.id }, 'failed', { code: decision.code, message: failure.message });
      this.logger.warn(`Text ${message.id} failed for good: ${lastError}`);
      events.add(DomainEvent.MessageUpdated, await this.eventPayload(manager, message));
    });
    events.publish(this.events);
  }

  private async cancel(claim: OutboxClaim, message: MessageEntity, reason: string): Promise<void> {
    const events = new PendingEvents();
    await this.transactions.run(async (manager) => {
      if (!(await this.outbox.finish(manager, claim, 'canceled', { lastError: reason }))) return this.lostClaim(claim);
      await this.statuses.advance(manager, { id: message.id }, 'canceled', { code: reason, message: describeDeliveryError(reason) });
      events.add(DomainEvent.MessageUpdated, await this.eventPayload(manager, message));
    });
    events.publish(this.events);
  }

  private async eventPayload(manager: EntityManager, message: MessageEntity) {
    const conversation = await manager.getRepository(ConversationEntity).findOneByOrFail({ id: message.conversationId });
    return { messageId: message.id, conversationId: conversation.id, queueId: conversation.queueId };
  }

  private lostClaim(claim: OutboxClaim): void {
    this.logger.warn(`Outbox item ${claim.item.id}: the claim ${claim.token} expired and another worker took it over`);
  }
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
