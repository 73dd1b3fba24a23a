import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FakeTwilioServer } from '@ivm/messaging-provider/testing';
import { freePort } from '../../support/free-port';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const ADMIN_INDEX = join(ROOT, 'apps', 'admin', 'dist', 'index.html');

/**
 * IVM as `npm start` runs it: the built app in its own Node process, on a loopback port, with a
 * fresh database — and, for the Twilio provider, pointed at a fake Twilio in the test process.
 */
export class BuiltApp {
  private output = '';

  private constructor(
    readonly url: string,
    readonly fakeTwilio: FakeTwilioServer | null,
    private readonly child: ChildProcess,
    private readonly database: TestDatabase,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => { this.output += chunk.toString(); });
    child.stderr?.on('data', (chunk: Buffer) => { this.output += chunk.toString(); });
  }

  static async start(provider: 'twilio' | 'simulator', env: Record<string, string> = {}): Promise<BuiltApp> {
    if (!existsSync(MAIN) || !existsSync(ADMIN_INDEX)) {
      throw new Error('The app is not built: run `npm run build` first (npm run test:browser does).');
    }
    const database = await createTestDatabase();
    const fakeTwilio = provider === 'twilio' ? await FakeTwilioServer.start() : null;
    const port = await freePort();
    const url = `http://localhost:${port}`;
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        DATABASE_URL: database.url,
        PUBLIC_BASE_URL: url,
        MESSAGING_PROVIDER: provider,
        JWT_SECRET: 'browser-test-secret-browser-test-secret',
        SIMULATOR_RECEIPT_DELAY_MS: '200',
        ...(fakeTwilio ? {
          TWILIO_ACCOUNT_SID: fakeTwilio.accountSid,
          TWILIO_AUTH_TOKEN: fakeTwilio.authToken,
          TWILIO_API_BASE_URL: fakeTwilio.baseUrl,
        } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new BuiltApp(url, fakeTwilio, child, database);
    await app.waitUntilHealthy();
    return app;
  }

  /** Texts IVM as a client through the signed Twilio webhook. */
  async textFromPhone(from: string, to: string, body: string): Promise<void> {
    if (!this.fakeTwilio) throw new Error('textFromPhone needs the twilio provider');
    const response = await this.fakeTwilio.postInbound(`${this.url}/webhooks/twilio/sms`, this.fakeTwilio.inboundParams({ from, to, body }));
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${response.body}`);
  }

  logs(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
    await this.fakeTwilio?.close();
    await this.database.drop();
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`IVM exited with ${this.child.exitCode}:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/health`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`IVM did not become healthy within 30 s:\n${this.output}`);
  }
}
