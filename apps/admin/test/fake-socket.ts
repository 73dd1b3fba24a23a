import type { InboxSocket, SocketFactory } from '../src/providers/realtime';

type Handler = (...args: any[]) => void;

/** Just enough of a socket.io client socket to drive src/providers/realtime.ts from a test. */
export class FakeSocket {
  connected = false;
  active = true;
  readonly sent: Array<{ event: string; payload: unknown }> = [];
  readonly auth: Array<object> = [];
  connectCalls = 0;
  private readonly handlers = new Map<string, Set<Handler>>();

  constructor(private readonly authFn?: (cb: (data: object) => void) => void) {}

  on(event: string, handler: Handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }

  off(event: string, handler: Handler) {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  emit(event: string, payload: unknown) {
    this.sent.push({ event, payload });
    return this;
  }

  connect() {
    this.connectCalls += 1;
    return this;
  }

  disconnect() {
    this.connected = false;
    this.active = false;
    this.fire('disconnect', 'io client disconnect');
    return this;
  }

  /** The server accepted the handshake. */
  serverConnect() {
    this.authFn?.((data) => this.auth.push(data));
    this.connected = true;
    this.active = true;
    this.fire('connect');
  }

  serverDisconnect(reason = 'transport close') {
    this.connected = false;
    this.fire('disconnect', reason);
  }

  connectError(refused = false) {
    this.active = !refused;
    this.fire('connect_error', new Error(refused ? 'unauthorized' : 'xhr poll error'));
  }

  /** An event from the server. */
  serverEmit(event: string, payload: unknown) {
    this.fire(event, payload);
  }

  listenerCount(event: string) {
    return this.handlers.get(event)?.size ?? 0;
  }

  private fire(event: string, ...args: unknown[]) {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(...args);
  }
}

export function fakeSocketFactory() {
  const sockets: FakeSocket[] = [];
  const factory: SocketFactory = (_namespace, options) => {
    const socket = new FakeSocket(options.auth);
    sockets.push(socket);
    return socket as unknown as InboxSocket;
  };
  return { factory, sockets, latest: () => sockets[sockets.length - 1] };
}
