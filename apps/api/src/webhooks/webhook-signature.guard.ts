import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { MESSAGING_PROVIDER, type MessagingProvider } from '@ivm/messaging-provider';
import type { Request } from 'express';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../common/domain-error';

/**
 * Only the active provider's webhooks exist, and only correctly signed requests get through.
 * The signature is checked over PUBLIC_BASE_URL + the request's path and query string (the URL the
 * provider called), never over the host this process happens to see behind a proxy.
 */
@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MESSAGING_PROVIDER) private readonly provider: MessagingProvider,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.params.provider !== this.provider.name) {
      throw new DomainError('not_found', 404, `There is no ${request.params.provider} webhook here: IVM runs the ${this.provider.name} provider.`);
    }
    const params = isPlainObject(request.body) ? request.body : {};
    const valid = this.provider.verifyWebhook({
      url: `${this.config.publicBaseUrl}${request.originalUrl}`,
      headers: request.headers,
      params,
    });
    if (!valid) {
      throw new DomainError('invalid_signature', 403, 'The webhook signature is missing or does not match: the request was not stored.');
    }
    return true;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
