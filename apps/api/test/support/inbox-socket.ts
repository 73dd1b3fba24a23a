import { io, type Socket } from 'socket.io-client';

type Received = { event: string; payload: any };

/** A real socket.io client on the inbox namespace that records what it receives. */
export class InboxSocket {
  readonly received: Received[] = [];

  private constructor(readonly socket: Socket) {
    socket.onAny((event: string, payload: unknown) => this.received.push({ event, payload }));
  }

  /** Connects with the token; rejects with the server's reason when the handshake is refused. */
  static connect(baseUrl: string, token: string | undefined): Promise<InboxSocket> {
    const socket = io(`${baseUrl}/inbox`, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new InboxSocket(socket)));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  /** Resolves with the first received event that matches (already received or still to come). */
  next(event: string, matches: (payload: any) => boolean = () => true, timeoutMs = 10_000): Promise<any> {
    const found = this.received.find((r) => r.event === event && matches(r.payload));
    if (found) return Promise.resolve(found.payload);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.socket.off(event, listener);
        reject(new Error(`no ${event} event arrived`));
      }, timeoutMs);
      const listener = (payload: unknown) => {
        if (!matches(payload)) return;
        clearTimeout(timer);
        this.socket.off(event, listener);
        resolve(payload);
      };
      this.socket.on(event, listener);
    });
  }

  events(event: string): any[] {
    return this.received.filter((r) => r.event === event).map((r) => r.payload);
  }

  emit(event: string, payload: unknown): void {
    this.socket.emit(event, payload);
  }

  close(): void {
    this.socket.close();
  }
}
