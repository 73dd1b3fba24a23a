import { io, type Socket } from 'socket.io-client';
import { sessionStore } from './session';
import { INBOX_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from './realtime-contract';

export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

export type InboxSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** How a socket is made: socket.io's `io` in the app, a fake in tests. */
export type SocketFactory = (namespace: string, options: { auth: (cb: (data: object) => void) => void }) => InboxSocket;

type ServerEvent = keyof ServerToClientEvents;
type Handler<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

export interface RealtimeConnection {
  /** Listens to a server event; opens the session's socket on first use. Returns the way to stop listening. */
  on<E extends ServerEvent>(event: E, handler: (payload: Handler<E>) => void): () => void;
  state(): ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Called each time the socket (re)connects: whatever was shown may have missed events. */
  onResync(listener: () => void): () => void;
  /** The conversation this tab looks at; repeated to the server after every reconnect. */
  setViewing(conversationId: number | null): void;
  sendTyping(conversationId: number): void;
  /** Try now instead of waiting for the next retry. */
  reconnect(): void;
  /** Closes the socket (sign-out); listeners stay, and the next `on` opens a fresh socket with the new session. */
  stop(): void;
}

export interface RealtimeOptions {
  getToken: () => string | null;
  connect?: SocketFactory;
  /** Failed attempts in a row after which the bar says "offline" rather than "reconnecting". */
  offlineAfterAttempts?: number;
  /** Delay before retrying when the server refused the socket (socket.io does not retry those itself). */
  refusedRetryMs?: number;
}

/**
 * The only module that touches socket.io-client: one socket per signed-in session, reconnection,
 * the connection state for the "Reconnecting…" bar, and a resync signal after each (re)connect so
 * the screens refetch what they show instead of trusting a socket that missed events.
 */
export function createRealtime(options: RealtimeOptions): RealtimeConnection {
  const connect: SocketFactory = options.connect ?? ((namespace, opts) => io(namespace, { ...opts, reconnectionDelayMax: 10000 }));
  const offlineAfter = options.offlineAfterAttempts ?? 4;
  const refusedRetryMs = options.refusedRetryMs ?? 5000;
  let socket: InboxSocket | null = null;
  let current: ConnectionState = 'reconnecting';
  let failedAttempts = 0;
  let viewing: number | null = null;
  /** What the server was last told (a fresh socket views nothing). */
  let toldViewing: number | null = null;
  let viewingTimer: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const resyncListeners = new Set<() => void>();
  const handlers = new Map<ServerEvent, Set<(payload: never) => void>>();

  const setState = (next: ConnectionState) => {
    if (next === current) return;
    current = next;
    for (const listener of [...stateListeners]) listener(next);
  };

  const scheduleRetry = () => {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (socket && !socket.connected) socket.connect();
    }, refusedRetryMs);
  };

  const tellViewing = () => {
    if (!socket?.connected || viewing === toldViewing) return;
    socket.emit('presence.viewing', { conversationId: viewing });
    toldViewing = viewing;
  };

  const open = (): InboxSocket => {
    if (socket) return socket;
    // A function, so every reconnect sends the session's current token.
    const created = connect(INBOX_NAMESPACE, { auth: (cb) => cb({ token: options.getToken() ?? '' }) });
    created.on('connect', () => {
      failedAttempts = 0;
      setState('connected');
      toldViewing = null;
      tellViewing();
      for (const listener of [...resyncListeners]) listener();
    });
    created.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return; // we closed it
      setState('reconnecting');
      // A server-side disconnect is not retried by socket.io; a restart of the API looks like one.
      if (reason === 'io server disconnect') scheduleRetry();
    });
    created.on('connect_error', () => {
      failedAttempts += 1;
      setState(failedAttempts >= offlineAfter ? 'offline' : 'reconnecting');
      // Refused by the server's middleware (e.g. an expired token): socket.io stops trying; we do not.
      if (!created.active) scheduleRetry();
    });
    for (const [event, set] of handlers) for (const handler of set) created.on(event, handler as never);
    socket = created;
    return created;
  };

  return {
    on(event, handler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler as (payload: never) => void);
      if (socket) socket.on(event, handler as never);
      else open(); // attaches every registered handler, this one included
      return () => {
        set.delete(handler as (payload: never) => void);
        socket?.off(event, handler as never);
      };
    },
    state: () => current,
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onResync(listener) {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    setViewing(conversationId) {
      // Coalesced: a quick close-and-reopen (a fast switch, React's development double effects)
      // becomes one message, so the server never sees the steps out of order.
      viewing = conversationId;
      if (viewingTimer) return;
      viewingTimer = setTimeout(() => {
        viewingTimer = null;
        tellViewing();
      }, 0);
    },
    sendTyping(conversationId) {
      if (socket?.connected) socket.emit('typing', { conversationId });
    },
    reconnect() {
      const target = socket ?? open();
      if (!target.connected) target.connect();
    },
    stop() {
      if (retryTimer) clearTimeout(retryTimer);
      if (viewingTimer) clearTimeout(viewingTimer);
      retryTimer = null;
      viewingTimer = null;
      socket?.disconnect();
      socket = null;
      viewing = null;
      failedAttempts = 0;
      setState('reconnecting');
    },
  };
}

export const realtime = createRealtime({ getToken: () => sessionStore.token() });
