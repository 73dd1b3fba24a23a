import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One webhook request as the receiver got it. */
export interface ReceivedWebhook {
  method: string;
  /** Path and query string, as requested. */
  path: string;
  /** The loopback URL that was called: what a sender on this machine signs. */
  url: string;
  /** Lower-cased header names, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** Form parameters; a repeated name gives an array. */
  params: Record<string, string | string[]>;
  rawBody: string;
}

/**
 * A tiny HTTP server on 127.0.0.1 that stands in for IVM in provider tests: it records every
 * webhook it is sent and answers with a chosen status.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private responseStatus = 200;
  private port = 0;
  private readonly waiters: Array<{ matches: (webhook: ReceivedWebhook) => boolean; resolve: (webhook: ReceivedWebhook) => void }> = [];

  private constructor(private readonly server: Server) {}

  static async start(port = 0): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (request, response) => void receiver.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    receiver.port = (server.address() as AddressInfo).port;
    return receiver;
  }

  /** http://127.0.0.1:<port>, without a trailing slash. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The status later requests are answered with (200 by default). */
  respondWith(status: number): void {
    this.responseStatus = status;
  }

  /** The first webhook (already received or still to come) that matches. */
  waitFor(matches: (webhook: ReceivedWebhook) => boolean = () => true): Promise<ReceivedWebhook> {
    const found = this.received.find(matches);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ matches, resolve }));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const path = request.url ?? '/';
    const webhook: ReceivedWebhook = {
      method: request.method ?? 'GET',
      path,
      url: `${this.baseUrl}${path}`,
      headers: { ...request.headers },
      params: formParams(rawBody),
      rawBody,
    };
    this.received.push(webhook);
    response.writeHead(this.responseStatus, { 'content-type': 'text/xml' }).end('<Response/>');
    for (const waiter of [...this.waiters]) {
      if (!waiter.matches(webhook)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(webhook);
    }
  }
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function formParams(rawBody: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(rawBody)) {
    const earlier = params[name];
    if (earlier === undefined) params[name] = value;
    else params[name] = Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  return params;
}
