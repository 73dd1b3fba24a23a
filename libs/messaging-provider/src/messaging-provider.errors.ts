/** A webhook payload that is missing a field or has one in the wrong form. */
export class InvalidWebhookPayloadError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidWebhookPayloadError';
  }
}
