import { SIMULATOR_SIGNATURE_HEADER, type SimulatorSigner } from './simulator-signer';

// Twilio gives a webhook 15 s (TWILIO.md §1.4); the simulator is no more patient.
const POST_TIMEOUT_MS = 15_000;

/**
 * POSTs the simulator's form-encoded, signed webhooks. Tracks each request so that shutting the
 * simulator down aborts what is still in flight instead of leaving sockets behind.
 */
export class SignedFormPoster {
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly signer: SimulatorSigner) {}

  /** Resolves with the HTTP status the receiver answered; rejects when it could not be reached. */
  async post(url: string, params: Record<string, string>): Promise<number> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          [SIMULATOR_SIGNATURE_HEADER]: this.signer.sign(url, params),
        },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.any([controller.signal, AbortSignal.timeout(POST_TIMEOUT_MS)]),
      });
      // Drain the body so the connection goes back to the pool.
      await response.arrayBuffer();
      return response.status;
    } finally {
      this.inFlight.delete(controller);
    }
  }

  abortAll(): void {
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
  }
}
