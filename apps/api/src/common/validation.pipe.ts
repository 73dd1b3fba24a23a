import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from './domain-error';

/**
 * Request bodies are checked against their DTO: unknown fields are refused, and the first problem
 * comes back as a 400 naming the field.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const first = firstProblem(errors);
      return new DomainError('invalid_input', 400, first.message, { field: first.field });
    },
  });
}

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; message: string } {
  for (const error of errors) {
    const field = `${prefix}${error.property}`;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) return { field, message: messages[0] };
    if (error.children?.length) return firstProblem(error.children, `${field}.`);
  }
  return { field: 'body', message: 'The request body is not valid.' };
}
