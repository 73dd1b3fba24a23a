import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import type { TwilioPluginOptions } from '../messaging-provider.options';
import { countSmsSegments } from '../sms-segments';
import {
  errorBody,
  type FakeTwilioMessage,
  messageJson,
  messagePageJson,
  messagesUri,
  newSid,
} from './fake-twilio-message';
import { readBody } from './webhook-receiver';

export type { FakeTwilioMessage } from './fake-twilio-message';

export interface FakeTwilioServerOptions {
  /** AC + 32 hex; a random one by default. */
  accountSid?: string;
  authToken?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
}

/** How the next create call fails. */
export type FakeTwilioFailure =
  /** Answer with a REST error, e.g. `{ status: 400, code: 21211 }`. */
  | { status: number; code?: number; message?: string }
  /** Take the message, then answer only after this long: a timeout after the request left. */
  | { hangAfterCreateMs: number }
  /** Read the request, then drop the connection without an answer. */
  | { destroySocket: true };

export interface FakeTwilioRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface FakeInboundInput {
  from: string;
  to: string;
  body: string;
  /** Media Twilio hosts for the text; a Twilio-like URL is made up when `url` is absent. */
  media?: Array<{ contentType: string | null; url?: string }>;
  messageSid?: string;
}

export interface FakeWebhookResponse {
  status: number;
  body: string;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const MESSAGE_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/;
const DEFAULT_PAGE_SIZE = 50;

/**
 * A loopback stand-in for Twilio's Messages API that the real SDK talks to through
 * `apiBaseUrl`, plus helpers that play Twilio's webhooks (status callbacks, inbound texts).
 */
export class FakeTwilioServer {
  /** Messages taken by create calls, oldest first. */
  readonly created: FakeTwilioMessage[] = [];
  /** Every request the fake received, oldest first. */
  readonly requests: FakeTwilioRequest[] = [];
  private readonly failures: FakeTwilioFailure[] = [];
  private readonly hangTimers = new Set<NodeJS.Timeout>();
  private boundPort = 0;

  private constructor(
    private readonly server: Server,
    readonly accountSid: string,
    readonly authToken: string,
  ) {}

  static async start(options: FakeTwilioServerOptions = {}): Promise<FakeTwilioServer> {
    const server = createServer();
    const fake = new FakeTwilioServer(server, options.accountSid ?? newSid('AC'), options.authToken ?? newSid('').slice(0, 32));
    server.on('request', (request, response) => void fake.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    fake.boundPort = (server.address() as AddressInfo).port;
    return fake;
  }

  get port(): number {
    return this.boundPort;
  }

  /** What TWILIO_API_BASE_URL is set to: http://127.0.0.1:<port>. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Plugin options that point the real SDK at this fake. */
  pluginOptions(overrides: Partial<TwilioPluginOptions> = {}): TwilioPluginOptions {
    return { accountSid: this.accountSid, authToken: this.authToken, apiBaseUrl: this.baseUrl, ...overrides };
  }

  /** The next create calls fail in this order, one failure per call. */
  failNextCreates(...failures: FakeTwilioFailure[]): void {
    this.failures.push(...failures);
  }

  /** POSTs a signed status callback for a created message to its StatusCallback. */
  async deliver(sid: string, status: string, errorCode?: string): Promise<FakeWebhookResponse> {
    const message = this.created.find((created) => created.sid === sid);
    if (!message) throw new Error(`The fake Twilio has no message ${sid}.`);
    if (!message.statusCallback) throw new Error(`Message ${sid} was created without a StatusCallback.`);
    message.status = status;
    message.errorCode = errorCode ? Number(errorCode) : null;
    const params: Record<string, string> = {
      AccountSid: this.accountSid,
      ApiVersion: '2010-04-01',
      From: message.from,
      MessageSid: sid,
      MessageStatus: status,
      SmsSid: sid,
      SmsStatus: status,
      To: message.to,
    };
    if (errorCode) params.ErrorCode = errorCode;
    return this.postSigned(message.statusCallback, params, message.statusCallback);
  }

  /** A realistic inbound-text parameter set (TWILIO.md §1.2), empty geographic fields included. */
  inboundParams(input: FakeInboundInput): Record<string, string> {
    const media = input.media ?? [];
    const sid = input.messageSid ?? newSid(media.length > 0 ? 'MM' : 'SM');
    const params: Record<string, string> = {
      ToCountry: 'US',
      ToState: '',
      SmsMessageSid: sid,
      NumMedia: String(media.length),
      ToCity: '',
      FromZip: '',
      SmsSid: sid,
      FromState: '',
      SmsStatus: 'received',
      FromCity: '',
      Body: input.body,
      FromCountry: 'US',
      To: input.to,
      ToZip: '',
      NumSegments: String(countSmsSegments(input.body)),
      MessageSid: sid,
      AccountSid: this.accountSid,
      From: input.from,
      ApiVersion: '2010-04-01',
    };
    media.forEach((item, index) => {
      if (item.contentType !== null) params[`MediaContentType${index}`] = item.contentType;
      params[`MediaUrl${index}`] =
        item.url ?? `https://api.twilio.com/2010-04-01/Accounts/${this.accountSid}/Messages/${sid}/Media/${newSid('ME')}`;
    });
    return params;
  }

  /** The X-Twilio-Signature Twilio would send for these params to this URL. */
  signInbound(url: string, params: Record<string, string>): string {
    return twilio.getExpectedTwilioSignature(this.authToken, url, params);
  }

  /**
   * POSTs an inbound text signed like Twilio. `signedUrl` is the public URL Twilio was configured
   * with, when it differs from the loopback URL the request really goes to.
   */
  postInbound(url: string, params: Record<string, string>, options: { signedUrl?: string } = {}): Promise<FakeWebhookResponse> {
    return this.postSigned(url, params, options.signedUrl ?? url);
  }

  async close(): Promise<void> {
    for (const timer of this.hangTimers) clearTimeout(timer);
    this.hangTimers.clear();
    // The SDK keeps connections alive: without this, close() would wait for them.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async postSigned(url: string, params: Record<string, string>, signedUrl: string): Promise<FakeWebhookResponse> {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': this.signInbound(signedUrl, params),
        'i-twilio-idempotency-token': newSid(''),
      },
      body: new URLSearchParams(params).toString(),
    });
    return { status: response.status, body: await response.text() };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', this.baseUrl);
    this.requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...request.headers },
      body,
    });
    const route = this.route(request.method, url.pathname);
    if (!route) return sendJson(response, 404, errorBody(404));
    if (!this.isAuthorized(request, route.accountSid)) return sendJson(response, 401, errorBody(401, 20003));
    if (route.kind === 'create') return this.create(request, response, body);
    if (route.kind === 'list') return this.list(response, url);
    return this.fetchOne(response, route.sid);
  }

  private route(method: string | undefined, path: string) {
    const messages = MESSAGES_PATH.exec(path);
    if (messages && method === 'POST') return { kind: 'create' as const, accountSid: messages[1] };
    if (messages && method === 'GET') return { kind: 'list' as const, accountSid: messages[1] };
    const message = MESSAGE_PATH.exec(path);
    if (message && method === 'GET') return { kind: 'fetch' as const, accountSid: message[1], sid: message[2] };
    return null;
  }

  private isAuthorized(request: IncomingMessage, pathAccountSid: string): boolean {
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    return request.headers.authorization === expected && pathAccountSid === this.accountSid;
  }

  private create(request: IncomingMessage, response: ServerResponse, body: string): void {
    const failure = this.failures.shift();
    if (failure && 'destroySocket' in failure) {
      request.socket.destroy();
      return;
    }
    if (failure && 'status' in failure) {
      return sendJson(response, failure.status, errorBody(failure.status, failure.code, failure.message));
    }
    const form = new URLSearchParams(body);
    const invalid = validateCreate(form);
    if (invalid) return sendJson(response, 400, invalid);
    const message = this.take(form);
    if (failure && 'hangAfterCreateMs' in failure) {
      const timer = setTimeout(() => {
        this.hangTimers.delete(timer);
        if (!response.destroyed) sendJson(response, 201, messageJson(message));
      }, failure.hangAfterCreateMs);
      this.hangTimers.add(timer);
      return;
    }
    sendJson(response, 201, messageJson(message));
  }

  private take(form: URLSearchParams): FakeTwilioMessage {
    const message: FakeTwilioMessage = {
      sid: newSid(form.getAll('MediaUrl').length > 0 ? 'MM' : 'SM'),
      accountSid: this.accountSid,
      to: form.get('To') ?? '',
      from: form.get('From') ?? '',
      body: form.get('Body') ?? '',
      mediaUrls: form.getAll('MediaUrl'),
      statusCallback: form.get('StatusCallback'),
      status: initialStatus(form),
      dateCreated: new Date(),
      numSegments: countSmsSegments(form.get('Body') ?? ''),
      errorCode: null,
    };
    this.created.push(message);
    return message;
  }

  private list(response: ServerResponse, url: URL): void {
    const to = url.searchParams.get('To');
    const from = url.searchParams.get('From');
    const pageSize = Number(url.searchParams.get('PageSize')) || DEFAULT_PAGE_SIZE;
    const newestFirst = this.created
      .map((message, index) => ({ message, index }))
      .filter(({ message }) => (!to || message.to === to) && (!from || message.from === from))
      .sort((a, b) => b.message.dateCreated.getTime() - a.message.dateCreated.getTime() || b.index - a.index)
      .map(({ message }) => message);
    sendJson(response, 200, messagePageJson(newestFirst.slice(0, pageSize), pageSize, `${url.pathname}${url.search}`));
  }

  private fetchOne(response: ServerResponse, sid: string): void {
    const message = this.created.find((created) => created.sid === sid);
    if (!message) return sendJson(response, 404, errorBody(404, 20404, `The requested resource ${messagesUri(this.accountSid).replace('.json', '')}/${sid}.json was not found`));
    sendJson(response, 200, messageJson(message));
  }
}

function validateCreate(form: URLSearchParams) {
  if (!form.get('To')) return errorBody(400, 21604);
  if (!form.get('From') && !form.get('MessagingServiceSid')) return errorBody(400, 21603);
  if (!form.get('Body') && form.getAll('MediaUrl').length === 0) return errorBody(400, 21602);
  return null;
}

// TWILIO.md §3.2: the status a create call answers with depends on how the message was sent.
function initialStatus(form: URLSearchParams): string {
  if (form.get('ScheduleType') === 'fixed') return 'scheduled';
  if (form.get('MessagingServiceSid')) return 'accepted';
  return 'queued';
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
