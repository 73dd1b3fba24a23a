import type { INestApplication } from '@nestjs/common';
import { SIMULATOR_CONTROLS, type SimulatorControls } from '@ivm/messaging-provider';
import { FakeTwilioServer } from '@ivm/messaging-provider/testing';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { OutboxWorker } from '../../src/outbox/outbox-worker';
import { freePort } from './free-port';
import { createTestDatabase, type TestDatabase } from './test-database';

export { freePort };

export interface TestAppOptions {
  provider: 'twilio' | 'simulator';
  /** Extra environment for the app's configuration. */
  env?: Record<string, string>;
  /** Reuse a database (to restart the app on it); a fresh one by default. */
  database?: TestDatabase;
  /** Reuse a fake Twilio (to restart the app against it). */
  fakeTwilio?: FakeTwilioServer;
  /** Start the app with its outbox worker paused (tests then drive it with `drain`). */
  port?: number;
}

/** The real IVM application on a loopback port, with a real database and the chosen provider. */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly config: AppConfig,
    readonly url: string,
    readonly database: TestDatabase,
    readonly fakeTwilio: FakeTwilioServer | null,
    private readonly ownsFake: boolean,
  ) {}

  static async start(options: TestAppOptions): Promise<TestApp> {
    const database = options.database ?? (await createTestDatabase());
    const ownsFake = options.provider === 'twilio' && !options.fakeTwilio;
    const fakeTwilio = options.provider === 'twilio' ? options.fakeTwilio ?? (await FakeTwilioServer.start()) : null;
    const port = options.port ?? (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: String(port),
      PUBLIC_BASE_URL: url,
      MESSAGING_PROVIDER: options.provider,
      JWT_SECRET: 'test-secret-test-secret-test-secret',
      SIMULATOR_RECEIPT_DELAY_MS: '20',
      OUTBOX_POLL_INTERVAL_MS: '50',
      OUTBOX_RETRY_BASE_DELAY_MS: '50',
      OUTBOX_RETRY_MAX_DELAY_MS: '400',
      OUTBOX_SEGMENTS_PER_SECOND: '1000',
      TWILIO_REQUEST_TIMEOUT_MS: '1000',
      // Test apps running side by side must not hear each other's live events over a shared Redis.
      REDIS_CHANNEL_PREFIX: `ivm-test-${database.url.replace(/\W+/g, '').slice(-24)}`,
      ...(fakeTwilio ? {
        TWILIO_ACCOUNT_SID: fakeTwilio.accountSid,
        TWILIO_AUTH_TOKEN: fakeTwilio.authToken,
        TWILIO_API_BASE_URL: fakeTwilio.baseUrl,
      } : {}),
      ...options.env,
    });
    const app = await createApp(config, { logger: process.env.IVM_TEST_LOGS ? ['log', 'error', 'warn', 'debug'] : false });
    await app.listen(port, '127.0.0.1');
    return new TestApp(app, config, url, database, fakeTwilio, ownsFake);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  get simulator(): SimulatorControls {
    const controls = this.app.get<SimulatorControls | null>(SIMULATOR_CONTROLS);
    if (!controls) throw new Error('This test app does not run the simulator.');
    return controls;
  }

  get outbox(): OutboxWorker {
    return this.app.get(OutboxWorker);
  }

  /** Texts IVM as a client through the active provider's signed inbound webhook. */
  async textFromPhone(input: { from: string; to: string; body: string; messageSid?: string; media?: Array<{ contentType: string; url?: string }> }): Promise<{ status: number; body: string; messageSid: string }> {
    if (this.fakeTwilio) {
      const params = this.fakeTwilio.inboundParams(input);
      const response = await this.fakeTwilio.postInbound(`${this.url}/webhooks/twilio/sms`, params);
      return { ...response, messageSid: params.MessageSid };
    }
    const result = await this.simulator.textFromPhone({ ...input, mediaUrls: input.media?.map((m) => m.url ?? '') });
    return { status: result.httpStatus, body: '', messageSid: result.providerMessageId };
  }

  /** What the provider actually took from IVM, oldest first, as (to, from, body). */
  sentTexts(): Array<{ sid: string; to: string; from: string; body: string; statusCallback: string | null }> {
    if (this.fakeTwilio) {
      return this.fakeTwilio.created.map((m) => ({ sid: m.sid, to: m.to, from: m.from, body: m.body, statusCallback: m.statusCallback }));
    }
    return this.simulator.sentTexts().map((t) => ({ sid: t.providerMessageId, to: t.to, from: t.from, body: t.body, statusCallback: null }));
  }

  query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, parameters);
  }

  /** Closes the app; the database and fake stay unless `everything`. */
  async close(options: { everything?: boolean } = { everything: true }): Promise<void> {
    await this.app.close();
    if (options.everything) {
      if (this.ownsFake) await this.fakeTwilio?.close();
      await this.database.drop();
    }
  }
}

/** Waits until `check` returns a truthy value (polling), failing with `what` after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T> | T, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
