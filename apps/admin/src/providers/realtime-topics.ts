import type { Conversation } from './api-types';
import type { ConnectionState, RealtimeConnection } from './realtime';
import type { Person } from './realtime-contract';

/** react-admin's realtime event shape (the same as its Enterprise package uses). */
export interface RealtimeEvent<T = unknown> {
  topic: string;
  type: string;
  payload: { ids: Array<number | string>; data: T; [key: string]: unknown };
  date: Date;
}

// `any`: one callback type serves every topic; each listener knows the record its topic carries.
export type RealtimeCallback = (event: RealtimeEvent<any>) => void;

export const CONVERSATIONS_TOPIC = 'resource/conversations';
export const conversationTopic = (id: number | string) => `resource/conversations/${id}`;
export const messagesTopic = (conversationId: number | string) => `resource/messages/${conversationId}`;
/** Not a resource: the socket's own state (`state` events, replayed on subscribe) and `resync` signals. */
export const CONNECTION_TOPIC = 'realtime/connection';

/**
 * Socket events → react-admin topics:
 * - `resource/conversations`: `created` (a text arrived or left; payload.message is that text) and
 *   `updated` (archived, moved, read, linked, consent…), both carrying the conversation as `data`.
 * - `resource/conversations/<id>`: the same conversation changes as `updated`, plus the ephemeral
 *   `presence` ({viewers}) and `typing` ({user}) signals.
 * - `resource/messages/<conversationId>`: `created` and `updated` (delivery status) with the message.
 * - `realtime/connection`: `state` ({state}) and `resync`.
 */
export interface TopicHub {
  subscribe(topic: string, callback: RealtimeCallback): void;
  unsubscribe(topic: string, callback: RealtimeCallback): void;
}

export function createTopicHub(connection: RealtimeConnection): TopicHub {
  const listeners = new Map<string, Set<RealtimeCallback>>();
  let detach: Array<() => void> = [];

  const publish = <T>(topic: string, type: string, ids: Array<number | string>, data: T, extra: Record<string, unknown> = {}) => {
    const set = listeners.get(topic);
    if (!set) return;
    const event: RealtimeEvent<T> = { topic, type, payload: { ids, data, ...extra }, date: new Date() };
    for (const callback of [...set]) callback(event);
  };

  const onConversation = (type: 'created' | 'updated', conversation: Conversation, extra: Record<string, unknown> = {}) => {
    publish(CONVERSATIONS_TOPIC, type, [conversation.id], conversation, extra);
    publish(conversationTopic(conversation.id), 'updated', [conversation.id], conversation);
  };

  const resourceListeners = () => [...listeners.keys()].some((topic) => topic !== CONNECTION_TOPIC);

  // Handlers are attached while some screen listens to a resource topic: the socket opens with the first one.
  const attach = () => {
    if (detach.length > 0) return;
    detach = [
      connection.on('message.created', ({ message, conversation }) => {
        onConversation('created', conversation, { message });
        publish(messagesTopic(message.conversationId), 'created', [message.id], message);
      }),
      connection.on('message.updated', ({ message }) => {
        publish(messagesTopic(message.conversationId), 'updated', [message.id], message);
      }),
      connection.on('conversation.updated', ({ conversation }) => onConversation('updated', conversation)),
      connection.on('presence', ({ conversationId, viewers }) => {
        publish<{ viewers: Person[] }>(conversationTopic(conversationId), 'presence', [conversationId], { viewers });
      }),
      connection.on('typing', ({ conversationId, user }) => {
        publish<{ user: Person }>(conversationTopic(conversationId), 'typing', [conversationId], { user });
      }),
      connection.onStateChange((state) => publish<{ state: ConnectionState }>(CONNECTION_TOPIC, 'state', [], { state })),
      connection.onResync(() => publish(CONNECTION_TOPIC, 'resync', [], null)),
    ];
  };

  return {
    subscribe(topic, callback) {
      let set = listeners.get(topic);
      if (!set) listeners.set(topic, (set = new Set()));
      set.add(callback);
      if (topic === CONNECTION_TOPIC) {
        // Like a BehaviorSubject: a new listener learns the state now, not at the next change.
        callback({ topic, type: 'state', payload: { ids: [], data: { state: connection.state() } }, date: new Date() });
        if (!resourceListeners()) return;
      }
      attach();
    },
    unsubscribe(topic, callback) {
      const set = listeners.get(topic);
      set?.delete(callback);
      if (set && set.size === 0) listeners.delete(topic);
      if (!resourceListeners() && detach.length > 0) {
        for (const off of detach) off();
        detach = [];
      }
    },
  };
}
