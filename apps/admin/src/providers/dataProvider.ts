import type { DataProvider, GetManyReferenceParams, GetManyReferenceResult, RaRecord } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import type { Contact, Conversation, HealthReport, Message, SimulatedText } from './api-types';
import { createHttpClient, type HttpClient } from './http-client';
import { realtime as defaultRealtime, type RealtimeConnection } from './realtime';
import { createTopicHub, type RealtimeCallback } from './realtime-topics';
import { sessionStore } from './session';

export type TranscriptFormat = 'text' | 'html';

/** react-admin's DataProvider plus IVM's actions; every method answers `{ data }`. */
export interface IvmDataProvider extends DataProvider {
  reply(conversationId: number, body: string): Promise<{ data: Message }>;
  addNote(conversationId: number, body: string): Promise<{ data: Message }>;
  markRead(conversationId: number): Promise<{ data: Conversation }>;
  archive(conversationId: number): Promise<{ data: Conversation }>;
  unarchive(conversationId: number): Promise<{ data: Conversation }>;
  move(conversationId: number, queue: string): Promise<{ data: Conversation }>;
  link(conversationId: number, sandiClientId: string): Promise<{ data: Conversation }>;
  resend(messageId: number): Promise<{ data: Message }>;
  block(contactId: number, reason: string): Promise<{ data: Contact }>;
  unblock(contactId: number): Promise<{ data: Contact }>;
  transcript(conversationId: number, format: TranscriptFormat): Promise<{ data: string }>;
  simulateInbound(text: { from: string; to: string; body: string }): Promise<{ data: { providerMessageId: string; webhookStatus: number } }>;
  simulatorOutbound(): Promise<{ data: SimulatedText[] }>;
  /** GET /health (public): which provider runs, so the simulator shows only in training mode. */
  health(): Promise<{ data: HealthReport }>;
  /** Tells the other staff which conversation this tab shows (null: none). */
  viewing(conversationId: number | null): Promise<void>;
  /** "Kim is typing…" for the others; callers throttle it. */
  typing(conversationId: number): Promise<void>;
  /** Retry the live connection now rather than at the next scheduled attempt. */
  reconnect(): Promise<void>;
  subscribe(topic: string, callback: RealtimeCallback): Promise<{ data: null }>;
  unsubscribe(topic: string, callback: RealtimeCallback): Promise<{ data: null }>;
}

export interface DataProviderOptions {
  apiUrl?: string;
  httpClient?: HttpClient;
  realtime?: RealtimeConnection;
}

export function createDataProvider(options: DataProviderOptions = {}): IvmDataProvider {
  const apiUrl = options.apiUrl ?? '/api';
  const http = options.httpClient ?? createHttpClient({ getToken: () => sessionStore.token() });
  const connection = options.realtime ?? defaultRealtime;
  const hub = createTopicHub(connection);
  const base = simpleRestProvider(apiUrl, http);

  const post = async <T>(path: string, body?: unknown): Promise<{ data: T }> => {
    const { json } = await http(`${apiUrl}${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
    return { data: json as T };
  };

  // A conversation's texts live under it (GET /conversations/:id/messages), not at /messages.
  const getMessages = async (params: GetManyReferenceParams): Promise<GetManyReferenceResult<Message>> => {
    const { page, perPage } = params.pagination;
    const first = (page - 1) * perPage;
    const query = new URLSearchParams({
      range: JSON.stringify([first, first + perPage - 1]),
      sort: JSON.stringify([params.sort.field, params.sort.order]),
    });
    const { json, headers } = await http(`${apiUrl}/conversations/${params.id}/messages?${query}`, { signal: params.signal });
    const total = Number(headers.get('X-Total-Count') ?? (json as Message[]).length);
    return { data: json as Message[], total };
  };

  let health: { at: number; report: Promise<{ data: HealthReport }> } | null = null;

  return {
    ...base,
    getManyReference: <RecordType extends RaRecord>(resource: string, params: GetManyReferenceParams) =>
      resource === 'messages' && params.target === 'conversationId'
        // The caller names the record type it expects; for this resource it is Message.
        ? (getMessages(params) as unknown as Promise<GetManyReferenceResult<RecordType>>)
        : base.getManyReference<RecordType>(resource, params),
    reply: (id, body) => post(`/conversations/${id}/messages`, { body }),
    addNote: (id, body) => post(`/conversations/${id}/notes`, { body }),
    markRead: (id) => post(`/conversations/${id}/read`),
    archive: (id) => post(`/conversations/${id}/archive`),
    unarchive: (id) => post(`/conversations/${id}/unarchive`),
    move: (id, queue) => post(`/conversations/${id}/move`, { queue }),
    link: (id, sandiClientId) => post(`/conversations/${id}/link`, { sandiClientId }),
    resend: (messageId) => post(`/messages/${messageId}/resend`),
    block: (contactId, reason) => post(`/contacts/${contactId}/block`, { reason }),
    unblock: (contactId) => post(`/contacts/${contactId}/unblock`),
    transcript: async (id, format) => {
      const accept = format === 'html' ? 'text/html' : 'text/plain';
      const { body } = await http(`${apiUrl}/conversations/${id}/transcript`, { headers: new Headers({ Accept: accept }) });
      return { data: body };
    },
    simulateInbound: (text) => post('/simulator/inbound', text),
    simulatorOutbound: async () => {
      const { json } = await http(`${apiUrl}/simulator/outbound`);
      return { data: json as SimulatedText[] };
    },
    health: () => {
      // The provider does not change while the API runs; ask again only after a minute.
      if (!health || Date.now() - health.at > 60000) {
        const report = http('/health').then(({ json }) => ({ data: json as HealthReport }), (error) => {
          health = null;
          throw error;
        });
        health = { at: Date.now(), report };
      }
      return health.report;
    },
    viewing: async (conversationId) => connection.setViewing(conversationId),
    typing: async (conversationId) => connection.sendTyping(conversationId),
    reconnect: async () => connection.reconnect(),
    subscribe: async (topic, callback) => {
      hub.subscribe(topic, callback);
      return { data: null };
    },
    unsubscribe: async (topic, callback) => {
      hub.unsubscribe(topic, callback);
      return { data: null };
    },
  };
}

export const dataProvider = createDataProvider();
