import type { Role } from '../../../../src/core/team/roles.js';
import { ROLE_LABELS, ROLES } from '../../../../src/core/team/roles.js';

export { ROLE_LABELS, ROLES };

/** What each role may do, under its checkbox. */
export const ROLE_HINTS: Record<Role, string> = {
  researcher: 'Uses Whetstone for their own practice',
  coach: 'Coaches other members',
  admin: 'Manages members and invitations, reads the audit log',
};

/** "Researcher, Org admin". */
export const rolesText = (roles: readonly Role[]) => roles.map((role) => ROLE_LABELS[role]).join(', ');
