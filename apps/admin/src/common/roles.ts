import type { Role } from '../providers/api-types';
import type { Permissions } from '../providers/authProvider';

export const ROLE_NAMES: Record<Role, string> = { staff: 'Staff', supervisor: 'Supervisor', manager: 'Manager' };

/** Settings are for service supervisors and managers only (the training document says so). */
export function maySeeSettings(permissions: Permissions | undefined): boolean {
  return permissions?.role === 'supervisor' || permissions?.role === 'manager';
}
