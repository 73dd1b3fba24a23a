import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { InvalidWebhookPayloadError } from '@ivm/messaging-provider';
import type { Request, Response } from 'express';
import { DomainError } from './domain-error';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  field?: string;
}

/**
 * Every error leaves as `{ statusCode, code, message }` with a stable code. Bad input is a 4xx
 * that names the field. An unexpected failure on a webhook is a 503, never a 200 or a 500:
 * Twilio (with the `#rc=5&rp=all` override) then retries the text instead of it being lost.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const body = this.toBody(exception, request);
    if (body.statusCode >= 500) {
      this.logger.error(`${request.method} ${request.originalUrl}: ${(exception as Error)?.message}`, (exception as Error)?.stack);
    }
    if (response.headersSent) return;
    response.status(body.statusCode).type('application/json').json(body);
  }

  private toBody(exception: unknown, request: Request): ErrorBody {
    if (exception instanceof DomainError) {
      const field = typeof exception.details?.field === 'string' ? exception.details.field : undefined;
      return { statusCode: exception.httpStatus, code: exception.code, message: exception.message, ...(field ? { field } : {}) };
    }
    if (exception instanceof InvalidWebhookPayloadError) {
      return { statusCode: 400, code: 'invalid_payload', message: exception.message, field: exception.field };
    }
    // Express body parsing fails before any handler runs; Nest hands it over as a 4xx HttpException.
    const parseFailure = exception instanceof HttpException ? exception.cause : exception;
    if (isBodyParserError(parseFailure)) {
      return { statusCode: parseFailure.status, code: 'invalid_body', message: `The request body could not be read: ${parseFailure.message}.` };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : flattenMessage((response as { message?: unknown }).message) ?? exception.message;
      return { statusCode: status, code: codeForStatus(status), message };
    }
    if (request.originalUrl.startsWith('/webhooks/')) {
      return { statusCode: 503, code: 'not_stored', message: 'The webhook could not be stored right now; please retry.' };
    }
    return { statusCode: 500, code: 'internal_error', message: 'Something went wrong on the server. Try again; if it keeps happening, tell IT.' };
  }
}

function flattenMessage(message: unknown): string | undefined {
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}

function codeForStatus(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string' ? name.toLowerCase() : `http_${status}`;
}

function isBodyParserError(error: unknown): error is { status: number; message: string; type: string } {
  const candidate = error as { status?: unknown; type?: unknown };
  return typeof candidate?.status === 'number' && candidate.status >= 400 && candidate.status < 500 && typeof candidate.type === 'string';
}
