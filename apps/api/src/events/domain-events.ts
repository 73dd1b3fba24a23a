/**
 * Domain events, published after the transaction that made the change commits. The realtime
 * gateway pushes them to the inbox; the outbox worker wakes on `outbox.enqueued`.
 */
export const DomainEvent = {
  MessageCreated: 'message.created',
  MessageUpdated: 'message.updated',
  ConversationUpdated: 'conversation.updated',
  OutboxEnqueued: 'outbox.enqueued',
  ConsentChanged: 'consent.changed',
  /** A client's text was stored (for the SANDI look-up). */
  InboundReceived: 'inbound.received',
} as const;

export interface MessageEventPayload {
  messageId: number;
  conversationId: number;
  queueId: number;
}

export interface ConversationEventPayload {
  conversationId: number;
  queueId: number;
}

export interface ConsentEventPayload {
  contactId: number;
}

export interface InboundEventPayload {
  contactId: number;
  conversationId: number;
  queueId: number;
}

export interface DomainEventMap {
  [DomainEvent.MessageCreated]: MessageEventPayload;
  [DomainEvent.MessageUpdated]: MessageEventPayload;
  [DomainEvent.ConversationUpdated]: ConversationEventPayload;
  [DomainEvent.OutboxEnqueued]: Record<string, never>;
  [DomainEvent.ConsentChanged]: ConsentEventPayload;
  [DomainEvent.InboundReceived]: InboundEventPayload;
}

type PendingEvent = { [K in keyof DomainEventMap]: { name: K; payload: DomainEventMap[K] } }[keyof DomainEventMap];

/** Collects the events of one unit of work; `publish` runs once it has committed. */
export class PendingEvents {
  private readonly events: PendingEvent[] = [];

  add<K extends keyof DomainEventMap>(name: K, payload: DomainEventMap[K]): void {
    const duplicate = this.events.some((event) => event.name === name && JSON.stringify(event.payload) === JSON.stringify(payload));
    if (!duplicate) this.events.push({ name, payload } as PendingEvent);
  }

  publish(emitter: { emit(name: string, payload: unknown): unknown }): void {
    for (const event of this.events) emitter.emit(event.name, event.payload);
  }
}
