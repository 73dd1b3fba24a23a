/** Messages between the benchmark's main thread and its HTTP client worker (load-worker.ts). */

/** One inbound webhook, built and signed by the fake Twilio on the main thread. */
export interface SignedWebhook {
  sid: string;
  /** The form-encoded body. */
  body: string;
  /** X-Twilio-Signature. */
  signature: string;
}

export type LoadCommand =
  | {
    type: 'run';
    url: string;
    concurrency: number;
    /** Stop starting requests after this long; null: run until the items run out. */
    seconds: number | null;
    items: SignedWebhook[];
    /** No batches will follow `items`. */
    last: boolean;
    /** Ask for the next batch when this few are left. */
    refillAt: number;
  }
  | { type: 'batch'; items: SignedWebhook[]; last: boolean }
  | { type: 'storms'; url: string; storms: SignedWebhook[][] };

export interface TimedResult {
  /** From the first request to the last response. */
  elapsedMs: number;
  latenciesMs: number[];
  /** Every webhook sent, with its HTTP status (0: no response). */
  sids: string[];
  statuses: number[];
  errors: string[];
  errorCount: number;
  /** Non-200 answers, grouped by status and body. */
  failures: Array<{ what: string; count: number }>;
  /** Handed over but never sent (the deadline came first). */
  unusedSids: string[];
}

export interface StormResult {
  stormMs: number[];
  statuses: number[][];
  failures: string[];
}

export type LoadReply =
  | { type: 'need' }
  | { type: 'done'; result: TimedResult }
  | { type: 'storms-done'; result: StormResult }
  | { type: 'error'; message: string };
