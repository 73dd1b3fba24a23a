import type { Logger } from '@nestjs/common';

/**
 * A loop that runs `turn` again and again until stopped, sleeping `intervalMs` between turns that
 * found nothing to do. `wake()` cuts a sleep short, or — during a turn — makes the next turn start
 * at once, so work queued mid-turn is not left waiting for the interval. A failed turn is logged
 * and the loop goes on after the interval. Used by the outbox worker and the audit sealer.
 */
export class BackgroundLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeSleep: (() => void) | null = null;
  private wakeRequested = false;

  /** `turn` answers true when it did work and should run again without sleeping. */
  constructor(
    private readonly what: string,
    private readonly turn: () => Promise<boolean>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the turn in hand; resolves once it has finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeSleep?.();
    await this.loop;
    this.loop = null;
  }

  wake(): void {
    this.wakeRequested = true;
    this.wakeSleep?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let busy = false;
      try {
        busy = await this.turn();
      } catch (error) {
        this.logger.error(`${this.what} turn failed: ${(error as Error).message}`, (error as Error).stack);
      }
      if (!busy && !this.wakeRequested) await this.sleep();
    }
  }

  private async sleep(): Promise<void> {
    if (!this.running) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.intervalMs);
      this.wakeSleep = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
    this.wakeSleep = null;
  }
}
