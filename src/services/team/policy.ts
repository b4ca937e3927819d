import { forbidden, notFound } from '../../core/errors.js';
import type { Grant, GrantScope } from '../../core/team/grants.js';
import type { Role } from '../../core/team/roles.js';
import type { Actor } from '../context.js';

/**
 * Who may do what, in one place. Data of one's own (ideas, sessions, plans…) needs no rule here:
 * every repository query is scoped by the acting user's id, so another person's object is simply
 * not found (404), never "forbidden" — nobody can probe for ids. What needs a role is listed below.
 */
export const PERMISSIONS = {
  /** Invite people, change roles, deactivate and reactivate members. */
  'members.manage': 'admin',
  'members.read': 'admin',
  /** The security events of the organisation (never anyone's research data). */
  'audit.read': 'admin',
  /** Publish a coach page: profile, conversation types, hours, busy calendars; see one's bookings. */
  'coaching.publish': 'coach',
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

export interface TeamMember {
  userId: string;
  orgId: string;
  roles: readonly Role[];
}

/** The acting member, when they hold the role `permission` needs; otherwise a 403. */
export function authorise(actor: Actor, permission: Permission): TeamMember {
  const role = PERMISSIONS[permission];
  if (!actor.member) throw forbidden('this needs a team server');
  if (!actor.member.roles.includes(role))
    throw forbidden(`only an organisation's ${role === 'admin' ? 'admins' : `${role}s`} may do this`);
  return { userId: actor.userId, ...actor.member };
}

/** The acting member of a team server (any role). */
export function memberOf(actor: Actor): TeamMember {
  if (!actor.member) throw forbidden('this needs a team server');
  return { userId: actor.userId, ...actor.member };
}

/**
 * Whether the actor may change anything: a read-only access token may not (403). Asked once per
 * unsafe request, before any route runs.
 */
export function authoriseWrite(actor: Actor): void {
  if (actor.token?.scope === 'read')
    throw forbidden('this access token may only read; create a read-write one to change data');
}

/**
 * Sessions, passwords and access tokens are managed from a signed-in session, never with a token:
 * a leaked token must not be able to mint more tokens or lock its owner out.
 */
export function authoriseAccountManagement(actor: Actor): TeamMember {
  const member = memberOf(actor);
  if (actor.token)
    throw forbidden('sign in on the web page to manage sessions, passwords and tokens; a token cannot');
  return member;
}

/**
 * A coach reads a researcher's data only through an active grant that names the scope, and only
 * while they hold the coach role. Anything else looks like a researcher who does not exist (404),
 * so nobody can probe for who shared what. The actor returned stands for the researcher and may
 * only read: every write under it fails `authoriseWrite`.
 */
export function sharedReader<G extends Pick<Grant, 'id' | 'scopes' | 'state' | 'coach' | 'researcher'>>(
  actor: Actor,
  researcherId: string,
  grant: G | undefined,
  scope: GrantScope,
): { reader: Actor; grant: G } {
  const allowed =
    actor.member?.roles.includes('coach') === true &&
    grant !== undefined &&
    grant.state === 'active' &&
    grant.coach.id === actor.userId &&
    grant.researcher.id === researcherId &&
    grant.scopes.includes(scope);
  if (!allowed) throw notFound('shared researcher', researcherId);
  return { reader: { userId: researcherId, token: { id: `grant:${grant.id}`, scope: 'read' } }, grant };
}
