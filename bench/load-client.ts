import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadCommand, LoadReply, SignedWebhook, StormResult, TimedResult } from './load-protocol';

const BATCH = 256;

/**
 * Drives the HTTP client worker. The worker is TypeScript too: it registers ts-node itself, so it
 * starts the same way however the benchmark was started (ts-node binary or `node -r`).
 */
export class LoadClient {
  private constructor(private readonly worker: Worker) {}

  static start(): LoadClient {
    const file = join(__dirname, 'load-worker.ts');
    const boot = `require('ts-node').register({ transpileOnly: true }); require(${JSON.stringify(file)});`;
    const worker = new Worker(boot, { eval: true });
    worker.unref();
    return new LoadClient(worker);
  }

  /**
   * Sends webhooks from `next()` at a fixed concurrency for `seconds`, or, with `seconds` null, until
   * `next()` returns null. `next()` is called on this (the app's) thread, in batches ahead of need.
   */
  run(options: { url: string; concurrency: number; seconds: number | null; next: () => SignedWebhook | null }): Promise<TimedResult> {
    const take = (count: number) => {
      const items: SignedWebhook[] = [];
      while (items.length < count) {
        const item = options.next();
        if (!item) return { items, last: true };
        items.push(item);
      }
      return { items, last: false };
    };
    const first = take(Math.max(BATCH * 2, options.concurrency * 4));
    return this.exchange<TimedResult>({
      type: 'run', url: options.url, concurrency: options.concurrency, seconds: options.seconds,
      items: first.items, last: first.last, refillAt: Math.max(BATCH, options.concurrency * 2),
    }, 'done', () => {
      const batch = take(BATCH);
      this.post({ type: 'batch', items: batch.items, last: batch.last });
    });
  }

  storms(url: string, storms: SignedWebhook[][]): Promise<StormResult> {
    return this.exchange<StormResult>({ type: 'storms', url, storms }, 'storms-done', () => undefined);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private post(command: LoadCommand): void {
    this.worker.postMessage(command);
  }

  private exchange<T>(command: LoadCommand, doneType: 'done' | 'storms-done', onNeed: () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onMessage = (message: LoadReply) => {
        if (message.type === 'need') return onNeed();
        cleanup();
        if (message.type === 'error') return reject(new Error(`The load worker failed: ${message.message}`));
        if (message.type === doneType) return resolve(message.result as T);
        reject(new Error(`The load worker answered ${message.type}, expected ${doneType}`));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        this.worker.off('message', onMessage);
        this.worker.off('error', onError);
      };
      this.worker.on('message', onMessage);
      this.worker.on('error', onError);
      this.post(command);
    });
  }
}
