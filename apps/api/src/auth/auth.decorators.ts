import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { AuthUser, IvmRole } from './auth-user';

export const IS_PUBLIC = 'ivm:isPublic';
export const REQUIRED_ROLES = 'ivm:requiredRoles';

/** A route anyone may call without a session (health, webhooks, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only users holding one of these roles somewhere may call the route (others get 403). */
export const Roles = (...roles: IvmRole[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The signed-in user the guard attached to the request. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

/** The request's client address (with TRUST_PROXY applied by Express). */
export const ClientAddress = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  return context.switchToHttp().getRequest<{ ip?: string }>().ip ?? null;
});
