import { formatPhoneForPeople } from '../common/phone';
import type { ContactEntity } from '../contacts/contact.entity';
import { readCachedClients } from '../contacts/sandi-cache';
import { describeDeliveryError } from './delivery-errors';
import type { ConversationEntity } from './conversation.entity';
import type { MessageEntity, MessageMedia } from './message.entity';
import { isAutomaticKind } from './message-kinds';
import type { ConversationResponseDto, MessageResponseDto } from './dto/conversation-response.dto';

export interface ConversationContext {
  queueCode: string;
  contact: ContactEntity;
  carrierBlocked: boolean;
}

/** Why staff cannot text the client from this conversation, in a code and in words; null when they can. */
export function replyBlock(conversation: ConversationEntity, context: ConversationContext): { code: string; reason: string } | null {
  const { contact } = context;
  const name = titleOf(conversation, contact);
  const since = contact.consentChangedAt ? ` on ${hospitalDate(contact.consentChangedAt)}` : '';
  if (contact.blockedAt) return { code: 'client_blocked', reason: `${name} is blocked: IVM does not text blocked clients.` };
  if (contact.consentState === 'opted_out') {
    return { code: 'opted_out', reason: `${name} opted out by texting STOP${since}. They must text START to receive texts again.` };
  }
  if (contact.consentState !== 'opted_in') {
    return { code: 'not_opted_in', reason: `${name} has not opted in yet: they must reply YES to the opt-in text before staff can text them.` };
  }
  if (context.carrierBlocked) {
    return { code: 'carrier_blocked', reason: `${name} texted STOP to ${formatPhoneForPeople(conversation.hospitalNumber)}: they must text START to that number to receive texts from it.` };
  }
  if (conversation.status === 'archived') return { code: 'archived', reason: 'This conversation is archived. Unarchive it to reply.' };
  return null;
}

/** MM/DD/YYYY in the hospital's time zone, as the inbox and the transcript write dates. */
function hospitalDate(date: Date): string {
  return date.toLocaleDateString('en-US', { timeZone: 'America/Chicago', month: '2-digit', day: '2-digit', year: 'numeric' });
}

export function titleOf(conversation: ConversationEntity, contact: ContactEntity): string {
  const clients = readCachedClients(contact.sandiMatchesJson);
  const linked = clients.find((client) => client.id === conversation.sandiClientId);
  if (linked) return linked.displayName;
  if (clients.length === 1) return clients[0].displayName;
  if (clients.length > 1) return clients.map((client) => client.displayName).join(' or ');
  return formatPhoneForPeople(contact.phone);
}

export function mapConversation(conversation: ConversationEntity, context: ConversationContext): ConversationResponseDto {
  const { contact } = context;
  const clients = readCachedClients(contact.sandiMatchesJson);
  const linked = clients.find((client) => client.id === conversation.sandiClientId);
  const block = replyBlock(conversation, context);
  return {
    id: conversation.id,
    queue: context.queueCode,
    hospitalNumber: conversation.hospitalNumber,
    status: conversation.status,
    title: titleOf(conversation, contact),
    contact: {
      id: contact.id,
      phone: contact.phone,
      phoneDisplay: formatPhoneForPeople(contact.phone),
      consentState: contact.consentState,
      consentChangedAt: contact.consentChangedAt?.toISOString() ?? null,
      blocked: Boolean(contact.blockedAt),
      carrierBlocked: context.carrierBlocked,
    },
    clients,
    linkedClientId: conversation.sandiClientId,
    patients: (linked ? [linked] : clients).flatMap((client) => client.patients),
    lastMessageAt: conversation.lastMessageAt.toISOString(),
    lastMessagePreview: conversation.lastMessagePreview,
    unreadCount: conversation.unreadCount,
    archivedAt: conversation.archivedAt?.toISOString() ?? null,
    canReply: block === null,
    replyBlockedCode: block?.code ?? null,
    replyBlockedReason: block?.reason ?? null,
  };
}

export function mapMessage(message: MessageEntity): MessageResponseDto {
  return {
    id: message.id,
    conversationId: message.conversationId,
    direction: message.direction,
    kind: message.kind,
    automatic: isAutomaticKind(message.kind),
    body: message.body,
    media: message.mediaJson ? (JSON.parse(message.mediaJson) as MessageMedia[]) : [],
    status: message.status,
    errorCode: message.errorCode,
    errorMessage: message.errorMessage ?? (message.errorCode ? describeDeliveryError(message.errorCode) : null),
    segments: message.segments,
    sender: message.senderUsername ? { username: message.senderUsername, displayName: message.senderDisplayName ?? message.senderUsername } : null,
    createdAt: message.createdAt.toISOString(),
    statusChangedAt: message.statusChangedAt?.toISOString() ?? null,
  };
}
