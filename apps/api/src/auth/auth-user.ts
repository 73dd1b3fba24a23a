export const IVM_ROLES = ['staff', 'supervisor', 'manager'] as const;
export type IvmRole = (typeof IVM_ROLES)[number];

/** The signed-in staff member, as guards and services see them. */
export interface AuthUser {
  sessionId: string;
  username: string;
  displayName: string;
  /** The highest role the user holds anywhere. */
  role: IvmRole;
  /** Queue code → the user's role there. A manager holds `manager` in every queue. */
  queueRoles: Record<string, IvmRole>;
}

export function roleRank(role: IvmRole): number {
  return IVM_ROLES.indexOf(role);
}

export function highestRole(roles: IvmRole[]): IvmRole | null {
  return roles.reduce<IvmRole | null>((best, role) => (best === null || roleRank(role) > roleRank(best) ? role : best), null);
}

export function queueCodesOf(user: AuthUser): string[] {
  return Object.keys(user.queueRoles).sort();
}
