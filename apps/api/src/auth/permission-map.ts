import { readFileSync } from 'node:fs';
import { highestRole, IVM_ROLES, type IvmRole } from './auth-user';

/** The mapping from SANDI permission names to IVM roles and queues (config/sandi-permissions.json). */
export interface PermissionMap {
  manager: string[];
  /** Pattern with `{queue}` → role in that queue. */
  queueRoles: Record<string, IvmRole>;
}

export interface MappedAccess {
  role: IvmRole;
  queueRoles: Record<string, IvmRole>;
}

export function readPermissionMap(path: string): PermissionMap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`The SANDI permission map ${path} could not be read: ${(error as Error).message}`);
  }
  const map = parsed as Partial<PermissionMap>;
  const problems: string[] = [];
  if (!Array.isArray(map.manager) || !map.manager.every((name) => typeof name === 'string')) problems.push('"manager" must be a list of permission names');
  if (typeof map.queueRoles !== 'object' || map.queueRoles === null) problems.push('"queueRoles" must map permission patterns to roles');
  for (const [pattern, role] of Object.entries(map.queueRoles ?? {})) {
    if (!pattern.includes('{queue}')) problems.push(`queueRoles "${pattern}" must contain {queue}`);
    if (!(IVM_ROLES as readonly string[]).includes(role)) problems.push(`queueRoles "${pattern}" has role "${role}"; expected one of ${IVM_ROLES.join(', ')}`);
  }
  if (problems.length > 0) throw new Error(`The SANDI permission map ${path} is not valid: ${problems.join('; ')}.`);
  return map as PermissionMap;
}

/**
 * What a SANDI user may do in IVM, from their SANDI permissions. Null when they hold no IVM
 * permission at all (they are refused at login). Several permissions for one queue: the highest wins.
 */
export function mapPermissions(permissions: string[], map: PermissionMap, queueCodes: string[]): MappedAccess | null {
  const held = new Set(permissions.map((name) => name.toUpperCase()));
  if (map.manager.some((name) => held.has(name.toUpperCase()))) {
    return { role: 'manager', queueRoles: Object.fromEntries(queueCodes.map((code) => [code, 'manager' as IvmRole])) };
  }
  const queueRoles: Record<string, IvmRole> = {};
  for (const code of queueCodes) {
    const roles = Object.entries(map.queueRoles)
      .filter(([pattern]) => held.has(pattern.replace('{queue}', code).toUpperCase()))
      .map(([, role]) => role);
    const best = highestRole(roles);
    if (best) queueRoles[code] = best;
  }
  const role = highestRole(Object.values(queueRoles));
  return role ? { role, queueRoles } : null;
}
