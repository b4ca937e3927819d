/**
 * What a member of an organisation may be; one person may hold several roles. An admin manages
 * members and sees the audit log, never another person's data.
 */
export const ROLES = ['researcher', 'coach', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  researcher: 'Researcher',
  coach: 'Coach',
  admin: 'Org admin',
};

/** Roles in their canonical order, without repeats: how they are stored and shown. */
export function normaliseRoles(roles: readonly Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

/** `coach,researcher` ⇄ roles; unknown words are dropped (the database checks what it stores). */
export const rolesToText = (roles: readonly Role[]): string => normaliseRoles(roles).join(',');
export const rolesFromText = (text: string): Role[] =>
  normaliseRoles(text.split(',').filter((word): word is Role => (ROLES as readonly string[]).includes(word)));
