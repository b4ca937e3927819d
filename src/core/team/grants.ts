import * as z from 'zod/mini';
import { AreaId } from '../areas.js';
import { listOf } from '../list.js';
import { addDays } from '../local-date.js';
import { startOfDay } from '../time-zone.js';
import '../schema-messages.js';
import { GRANT_SCOPES, type GrantScope } from './grant-scopes.js';

export { GRANT_SCOPE_LABELS, GRANT_SCOPES, type GrantScope } from './grant-scopes.js';

/** Scopes in their canonical order, each once. */
export const normaliseScopes = (scopes: readonly GrantScope[]): GrantScope[] =>
  GRANT_SCOPES.filter((scope) => scopes.includes(scope));

/** The stored form `ideas,plans` back to scopes; unknown words (a later removal) are dropped. */
export const scopesFromText = (text: string): GrantScope[] =>
  normaliseScopes(
    text.split(',').filter((w): w is GrantScope => (GRANT_SCOPES as readonly string[]).includes(w)),
  );

export const GrantInput = z.strictObject({
  /** The coach, by user id (see `GET /coaches`). */
  coachId: z.string().check(z.minLength(1, 'must not be empty')),
  scopes: z.array(z.enum(GRANT_SCOPES)).check(z.minLength(1, 'must name at least one scope')),
  /** Limit the ideas scope to these areas; absent or empty means ideas of every area. */
  areaIds: z.optional(z.array(AreaId)),
  /** The last day it works (inclusive, an ISO date in the researcher's time zone); without it, until revoked. */
  until: z.optional(z.iso.date()),
});
export type GrantInput = z.infer<typeof GrantInput>;

const person = z.object({ id: z.string(), name: z.string() });

export const GRANT_STATES = ['active', 'expired', 'revoked'] as const;

export const Grant = z.object({
  id: z.string(),
  researcher: person,
  coach: person,
  scopes: z.array(z.enum(GRANT_SCOPES)),
  /** The areas the ideas scope is limited to, with their names; null means every area. */
  areas: z.nullable(z.array(z.object({ id: z.string(), name: z.string() }))),
  state: z.enum(GRANT_STATES),
  createdAt: z.iso.datetime(),
  /** The first instant it no longer works (midnight after `until`, the researcher's time), or null. */
  expiresAt: z.nullable(z.iso.datetime()),
  revokedAt: z.nullable(z.iso.datetime()),
});
export type Grant = z.infer<typeof Grant>;
export const GrantList = listOf(Grant);
export type GrantList = z.infer<typeof GrantList>;

/** A person a researcher may share with. */
export const Coach = person;
export type Coach = z.infer<typeof Coach>;
export const CoachList = listOf(Coach);
export type CoachList = z.infer<typeof CoachList>;

/** One thing a coach opened under a grant: a scope's listing, or one object (a report). */
export const GrantAccess = z.object({
  coach: person,
  scope: z.enum(GRANT_SCOPES),
  objectId: z.nullable(z.string()),
  at: z.iso.datetime(),
});
export type GrantAccess = z.infer<typeof GrantAccess>;
export const GrantAccessList = listOf(GrantAccess);
export type GrantAccessList = z.infer<typeof GrantAccessList>;

/** Whether a grant still lets its coach read, at `now` (ISO). */
export function grantState(
  grant: { revokedAt: string | null; expiresAt: string | null },
  now: string,
): (typeof GRANT_STATES)[number] {
  if (grant.revokedAt !== null) return 'revoked';
  return grant.expiresAt !== null && grant.expiresAt <= now ? 'expired' : 'active';
}

/** "Until" a date means through that whole day where the researcher lives: it ends at the next midnight. */
export function expiryOfUntil(until: string, timeZone: string): string {
  return startOfDay(addDays(until, 1), timeZone);
}
