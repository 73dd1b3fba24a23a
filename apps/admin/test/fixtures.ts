import type { Conversation, Message, Queue } from '../src/providers/api-types';

let nextId = 100;

export function aQueue(overrides: Partial<Queue> = {}): Queue {
  return { id: 'SAC', code: 'SAC', name: 'Small Animal Clinic', phoneNumber: '+18444073300', role: 'staff', openCount: 3, unreadConversations: 3, unreadCount: 5, ...overrides };
}

export function aConversation(overrides: Partial<Conversation> = {}): Conversation {
  const id = overrides.id ?? nextId++;
  return {
    id,
    queue: 'SAC',
    hospitalNumber: '+18444073300',
    status: 'open',
    title: 'Jane Doe',
    contact: { id, phone: '+12175550101', phoneDisplay: '(217) 555-0101', consentState: 'opted_in', consentChangedAt: '2026-03-11T15:00:00Z', blocked: false, carrierBlocked: false },
    clients: [{ id: 'C10001', displayName: 'Jane Doe', patients: [{ id: 'P1', name: 'Bella', species: 'canine' }, { id: 'P2', name: 'Whiskers', species: 'feline' }] }],
    linkedClientId: 'C10001',
    patients: [{ id: 'P1', name: 'Bella', species: 'canine' }, { id: 'P2', name: 'Whiskers', species: 'feline' }],
    lastMessageAt: '2026-03-12T19:14:00Z',
    lastMessagePreview: 'Is Bella ready for pickup?',
    unreadCount: 0,
    archivedAt: null,
    canReply: true,
    replyBlockedCode: null,
    replyBlockedReason: null,
    ...overrides,
  };
}

export function aMessage(overrides: Partial<Message> = {}): Message {
  return {
    id: nextId++,
    conversationId: 1,
    direction: 'inbound',
    kind: 'client',
    automatic: false,
    body: 'Is Bella ready for pickup?',
    media: [],
    status: 'received',
    errorCode: null,
    errorMessage: null,
    segments: 1,
    sender: null,
    createdAt: '2026-03-12T19:14:00Z',
    statusChangedAt: null,
    ...overrides,
  };
}
