/**
 * An error the people using IVM (or the provider calling it) can act on. It carries a stable
 * `code` that tests and clients rely on, and the HTTP status it maps to; the message is written
 * for a person.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
