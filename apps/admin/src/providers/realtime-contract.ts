import type { Conversation, Message } from './api-types';

/** Mirror of apps/api/src/realtime/realtime.contract.ts (socket.io namespace `/inbox`). */
export const INBOX_NAMESPACE = '/inbox';

export interface Person {
  username: string;
  displayName: string;
}

export interface ServerToClientEvents {
  'message.created': (payload: { message: Message; conversation: Conversation }) => void;
  'message.updated': (payload: { message: Message }) => void;
  'conversation.updated': (payload: { conversation: Conversation }) => void;
  presence: (payload: { conversationId: number; viewers: Person[] }) => void;
  typing: (payload: { conversationId: number; user: Person }) => void;
}

export interface ClientToServerEvents {
  'presence.viewing': (payload: { conversationId: number | null }) => void;
  typing: (payload: { conversationId: number }) => void;
}
