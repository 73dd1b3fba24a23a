import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import type { AuthUser, IvmRole } from './auth-user';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { SessionService } from './session.service';

/**
 * Every route needs a session unless it is marked `@Public()`; `@Roles(...)` narrows it further.
 * Queue permission is checked by the services, which answer 404 for a queue the user may not work.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Sockets are authenticated once, in the inbox gateway's handshake, and re-checked there.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new DomainError('unauthorized', 401, 'Please sign in: this needs a staff session.');
    request.user = await this.sessions.authenticate(token);
    const roles = this.reflector.getAllAndOverride<IvmRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(request.user.role)) {
      throw new DomainError('forbidden', 403, 'Your role does not allow this. Ask a supervisor or manager.');
    }
    return true;
  }
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : null;
}
