import { Inject, Injectable } from '@nestjs/common';
import { SANDI_ADAPTER, type SandiAdapter } from '@ivm/sandi-adapter';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ContactEntity } from '../contacts/contact.entity';
import { readCachedClients } from '../contacts/sandi-cache';
import { ConversationQueryService } from '../conversations/conversation-query.service';
import { describeDeliveryError } from '../conversations/delivery-errors';
import { MessageEntity, type MessageMedia } from '../conversations/message.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { QueueAccessService } from '../queues/queue-access.service';
import { formatTranscriptHtml, formatTranscriptText, type TranscriptInput } from './transcript-formatter';

export type TranscriptFormat = 'text/plain' | 'text/html';

/** The whole conversation formatted for pasting into the SANDI Comm Log. Each export is audited. */
@Injectable()
export class TranscriptService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SANDI_ADAPTER) private readonly sandi: SandiAdapter,
    private readonly conversations: ConversationQueryService,
    private readonly access: QueueAccessService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async export(user: AuthUser, ipAddress: string | null, conversationId: number, format: TranscriptFormat): Promise<string> {
    const input = await this.input(user, conversationId);
    const output = format === 'text/html' ? formatTranscriptHtml(input) : formatTranscriptText(input);
    await this.audit.recordNow({
      actorType: 'user', actor: user.username, action: 'transcript.exported', entityType: 'conversation',
      entityId: String(conversationId), queueCode: input.queue.code, ipAddress,
      details: { format, messages: input.messages.filter((m) => m.direction !== 'internal').length },
    });
    return output;
  }

  private async input(user: AuthUser, conversationId: number): Promise<TranscriptInput> {
    const conversation = await this.conversations.findWorkable(user, conversationId);
    const queue = await this.access.assertWorkable(user, conversation.queueId);
    const reader = this.transactions.reader;
    const contact = await reader.getRepository(ContactEntity).findOneByOrFail({ id: conversation.contactId });
    const messages = await reader.getRepository(MessageEntity).find({ where: { conversationId }, order: { id: 'ASC' } });
    const cached = readCachedClients(contact.sandiMatchesJson);
    const linked = cached.find((client) => client.id === conversation.sandiClientId) ?? (cached.length === 1 ? cached[0] : null);
    // The linked client's patients with their status (deceased …) when SANDI answers; the cache otherwise.
    const detail = linked ? await this.sandi.getClient(linked.id).catch(() => null) : null;
    const patients = detail
      ? detail.patients.map((p) => ({ name: p.name, species: p.species, status: p.status }))
      : (linked ? [linked] : []).flatMap((client) => client.patients.map((p) => ({ name: p.name, species: p.species })));
    return {
      client: linked ? { displayName: linked.displayName, sandiClientId: linked.id } : null,
      otherClients: linked ? [] : cached.map((client) => ({ displayName: client.displayName, sandiClientId: client.id })),
      phone: contact.phone,
      queue: { code: queue.code, name: queue.name, phoneNumber: conversation.hospitalNumber },
      patients,
      messages: messages.map((message) => ({
        direction: message.direction,
        kind: message.kind,
        body: message.body,
        media: message.mediaJson ? (JSON.parse(message.mediaJson) as MessageMedia[]) : [],
        createdAt: message.createdAt,
        senderDisplayName: message.senderDisplayName,
        status: message.status,
        errorMessage: message.errorMessage ?? (message.errorCode ? describeDeliveryError(message.errorCode) : null),
      })),
      timeZone: queue.timeZone || this.config.timeZone,
      exportedAt: new Date(),
      exportedBy: user.displayName,
    };
  }
}
