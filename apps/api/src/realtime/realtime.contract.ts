import type { ConversationResponseDto, MessageResponseDto } from '../conversations/dto/conversation-response.dto';

/**
 * The socket.io contract of the staff inbox (namespace `/inbox`). The handshake sends the staff
 * session token as `auth: { token }`; a socket without a valid one is refused. The server puts
 * each socket in a `queue:<CODE>` room for every queue its user may work, and nowhere else.
 * Domain events carry the same shapes as the REST responses.
 */
export const INBOX_NAMESPACE = '/inbox';

export interface ServerToClientEvents {
  /** A text was stored (inbound, outbound queued, or a staff note), with its conversation as it is now. */
  'message.created': (payload: { message: MessageResponseDto; conversation: ConversationResponseDto }) => void;
  /** A text's delivery status changed. */
  'message.updated': (payload: { message: MessageResponseDto }) => void;
  /** A conversation changed: new, archived, unarchived, moved (sent to both queues), read, linked, consent or block. */
  'conversation.updated': (payload: { conversation: ConversationResponseDto }) => void;
  /** Who is looking at a conversation right now (ephemeral). */
  presence: (payload: { conversationId: number; viewers: Array<{ username: string; displayName: string }> }) => void;
  /** Someone is typing a reply in a conversation (ephemeral; repeat while typing). */
  typing: (payload: { conversationId: number; user: { username: string; displayName: string } }) => void;
}

export interface ClientToServerEvents {
  /** The conversation this socket is looking at (null: none). Ignored for conversations the user may not work. */
  'presence.viewing': (payload: { conversationId: number | null }) => void;
  typing: (payload: { conversationId: number }) => void;
}

export function queueRoom(code: string): string {
  return `queue:${code}`;
}

export function conversationRoom(id: number): string {
  return `conversation:${id}`;
}
