import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer,
  type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { AuthUser } from '../auth/auth-user';
import { SessionService } from '../auth/session.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainEvent, type ConversationEventPayload, type MessageEventPayload } from '../events/domain-events';
import { InboxEventMapper } from './inbox-event.mapper';
import {
  INBOX_NAMESPACE, conversationRoom, queueRoom, type ClientToServerEvents, type ServerToClientEvents,
} from './realtime.contract';

interface SocketData {
  user: AuthUser;
  token: string;
  viewing: number | null;
  /** This socket's presence changes, one after another: a quick 2 → none → 2 must end viewing 2. */
  presenceQueue: Promise<void>;
}

type InboxSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type InboxNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Sessions are checked again this often, so a logout or a permission removed in SANDI reaches open sockets. */
const RECHECK_EVERY_MS = 60_000;

/**
 * The staff inbox's live channel. A socket needs a valid session token in its handshake; it joins
 * a room per queue its user may work and receives that queue's domain events, in the REST shapes.
 * Presence and typing are ephemeral signals; viewers are read from the rooms, so with the Redis
 * adapter they are right across instances.
 */
@WebSocketGateway({ namespace: INBOX_NAMESPACE, serveClient: false })
export class InboxGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(InboxGateway.name);
  private recheckTimer: NodeJS.Timeout | null = null;
  /** Set when the app starts stopping: later events (the outbox finishing a send) are not pushed, since Redis may be gone. */
  private stopping = false;

  @WebSocketServer()
  private readonly namespace: InboxNamespace;

  constructor(
    private readonly sessions: SessionService,
    private readonly mapper: InboxEventMapper,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(namespace: InboxNamespace): void {
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown })?.token;
      if (typeof token !== 'string' || !token) return next(new Error('unauthorized: sign in first'));
      this.sessions.authenticate(token).then((user) => {
        socket.data = { user, token, viewing: null, presenceQueue: Promise.resolve() };
        next();
      }, (error: Error) => next(new Error(`unauthorized: ${error.message}`)));
    });
    this.recheckTimer = setInterval(() => void this.recheckSessions(), RECHECK_EVERY_MS);
    this.recheckTimer.unref();
  }

  onModuleDestroy(): void {
    this.stopping = true;
    if (this.recheckTimer) clearInterval(this.recheckTimer);
  }

  async handleConnection(socket: InboxSocket): Promise<void> {
    if (!socket.data?.user) return void socket.disconnect(true);
    await socket.join(Object.keys(socket.data.user.queueRoles).map(queueRoom));
  }

  /** Tells the queue the viewer left. Not while stopping: sockets close after the database does. */
  async handleDisconnect(socket: InboxSocket): Promise<void> {
    const viewing = socket.data?.viewing;
    if (!viewing || this.stopping) return;
    await this.broadcastPresence(viewing).catch((error: Error) => this.logger.warn(`Presence after a disconnect failed: ${error.message}`));
  }

  @SubscribeMessage('presence.viewing')
  viewing(@ConnectedSocket() socket: InboxSocket, @MessageBody() payload: { conversationId?: unknown }): Promise<void> {
    const next = typeof payload?.conversationId === 'number' ? payload.conversationId : null;
    socket.data.presenceQueue = socket.data.presenceQueue.then(() => this.changeViewing(socket, next)).catch((error: Error) => {
      this.logger.warn(`Presence change failed: ${error.message}`);
    });
    return socket.data.presenceQueue;
  }

  private async changeViewing(socket: InboxSocket, next: number | null): Promise<void> {
    const previous = socket.data.viewing;
    if (previous === next) return;
    if (previous) await socket.leave(conversationRoom(previous));
    socket.data.viewing = null;
    if (next && (await this.mapper.queueCodeFor(socket.data.user, next))) {
      socket.data.viewing = next;
      await socket.join(conversationRoom(next));
    }
    if (previous) await this.broadcastPresence(previous);
    if (socket.data.viewing) await this.broadcastPresence(socket.data.viewing);
  }

  @SubscribeMessage('typing')
  async typing(@ConnectedSocket() socket: InboxSocket, @MessageBody() payload: { conversationId?: unknown }): Promise<void> {
    if (typeof payload?.conversationId !== 'number') return;
    const code = await this.mapper.queueCodeFor(socket.data.user, payload.conversationId);
    if (!code) return;
    const { username, displayName } = socket.data.user;
    socket.to(queueRoom(code)).emit('typing', { conversationId: payload.conversationId, user: { username, displayName } });
  }

  @OnEvent(DomainEvent.MessageCreated)
  onMessageCreated(event: MessageEventPayload): Promise<void> {
    return this.safely(async () => {
      const payload = await this.mapper.messageCreated(event);
      if (payload) this.toQueue(payload.queueCode).emit('message.created', payload.body);
    });
  }

  @OnEvent(DomainEvent.MessageUpdated)
  onMessageUpdated(event: MessageEventPayload): Promise<void> {
    return this.safely(async () => {
      const payload = await this.mapper.messageUpdated(event);
      if (payload) this.toQueue(payload.queueCode).emit('message.updated', payload.body);
    });
  }

  @OnEvent(DomainEvent.ConversationUpdated)
  onConversationUpdated(event: ConversationEventPayload): Promise<void> {
    return this.safely(async () => {
      const payload = await this.mapper.conversationUpdated(event);
      if (payload) this.toQueue(payload.queueCode).emit('conversation.updated', payload.body);
    });
  }

  private toQueue(code: string) {
    if (this.stopping) return { emit: () => false };
    return this.namespace.to(queueRoom(code));
  }

  private async broadcastPresence(conversationId: number): Promise<void> {
    const code = await this.mapper.queueCodeOf(conversationId);
    if (!code) return;
    const sockets = await this.namespace.in(conversationRoom(conversationId)).fetchSockets();
    const viewers = new Map<string, { username: string; displayName: string }>();
    for (const socket of sockets) {
      const user = socket.data?.user;
      if (user) viewers.set(user.username, { username: user.username, displayName: user.displayName });
    }
    this.toQueue(code).emit('presence', { conversationId, viewers: [...viewers.values()] });
  }

  /** Re-validates every local socket's session: signed out or stripped of access → disconnected; queues changed → rooms follow. */
  private async recheckSessions(): Promise<void> {
    for (const socket of this.namespace.sockets.values()) {
      try {
        const user = await this.sessions.authenticate(socket.data.token);
        const wanted = new Set(Object.keys(user.queueRoles).map(queueRoom));
        for (const room of socket.rooms) if (room.startsWith('queue:') && !wanted.has(room)) await socket.leave(room);
        await socket.join([...wanted]);
        socket.data.user = user;
      } catch {
        socket.disconnect(true);
      }
    }
  }

  /**
   * A live update that cannot be sent (the database or Redis is away, the app is stopping) is
   * logged, never thrown. Building a payload costs queries: with no inbox open on this instance
   * (and no other instances to relay to), nobody would receive it, so it is not built.
   */
  private async safely(work: () => Promise<void>): Promise<void> {
    if (this.stopping || (!this.config.redisUrl && this.namespace.sockets.size === 0)) return;
    try {
      await work();
    } catch (error) {
      this.logger.warn(`A live update could not be sent: ${(error as Error).message}`);
    }
  }
}
