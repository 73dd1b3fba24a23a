/**
 * The shapes the IVM API answers with, mirrored from apps/api (the web app cannot import the Nest
 * code): conversations/dto/conversation-response.dto.ts, auth/dto/auth-response.dto.ts,
 * queues/queues.controller.ts, contacts/contact-admin.service.ts, simulator/simulator.controller.ts.
 */

export type Role = 'staff' | 'supervisor' | 'manager';

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  queues: string[];
  queueRoles: Record<string, Role>;
}

export interface LoginResponse {
  accessToken: string;
  user: StaffUser;
}

export interface Queue {
  id: string;
  code: string;
  name: string;
  phoneNumber: string;
  role: Role;
  openCount: number;
  unreadConversations: number;
  unreadCount: number;
}

export interface Patient {
  id: string;
  name: string;
  species: string;
}

export interface SandiClient {
  id: string;
  displayName: string;
  patients: Patient[];
}

export type ConsentState = 'none' | 'pending' | 'opted_in' | 'opted_out';

export interface ConversationContact {
  id: number;
  phone: string;
  phoneDisplay: string;
  consentState: ConsentState;
  consentChangedAt: string | null;
  blocked: boolean;
  carrierBlocked: boolean;
}

export interface Conversation {
  id: number;
  queue: string;
  hospitalNumber: string;
  status: 'open' | 'archived';
  title: string;
  contact: ConversationContact;
  clients: SandiClient[];
  linkedClientId: string | null;
  patients: Patient[];
  lastMessageAt: string;
  lastMessagePreview: string | null;
  unreadCount: number;
  archivedAt: string | null;
  canReply: boolean;
  replyBlockedCode: 'opted_out' | 'not_opted_in' | 'carrier_blocked' | 'client_blocked' | 'archived' | null;
  replyBlockedReason: string | null;
}

export type MessageStatus = 'received' | 'note' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'canceled';

export interface Message {
  id: number;
  conversationId: number;
  direction: 'inbound' | 'outbound' | 'internal';
  kind: 'client' | 'staff' | 'opt_in_prompt' | 'welcome' | 'help' | 'auto_reply' | 'note';
  automatic: boolean;
  body: string;
  media: Array<{ url: string; contentType: string | null }>;
  status: MessageStatus;
  errorCode: string | null;
  errorMessage: string | null;
  segments: number;
  sender: { username: string; displayName: string } | null;
  createdAt: string;
  statusChangedAt: string | null;
}

export interface Contact {
  id: number;
  phone: string;
  phoneDisplay: string;
  consentState: ConsentState;
  consentChangedAt: string | null;
  blocked: { at: string; by: string | null; reason: string | null } | null;
  sandiClients: SandiClient[];
  queues: string[];
  canBlock: boolean;
}

export interface SimulatedText {
  providerMessageId: string;
  from: string;
  to: string;
  body: string;
  mediaUrls: string[];
  status: string;
  sentAt: string;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  provider: 'simulator' | 'twilio' | string;
}

/** The API's error body: `message` is written for people. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  field?: string;
}
