import * as z from 'zod/mini';
import { listOf } from '../list.js';
import '../schema-messages.js';

/** What a researcher can share with a coach, read only. */
export const GRANT_SCOPES = ['ideas', 'plans', 'sessions', 'experiments'] as const;
export type GrantScope = (typeof GRANT_SCOPES)[number];

export const GRANT_SCOPE_LABELS: Record<GrantScope, string> = {
  ideas: 'Ideas',
  plans: 'Plans and practice',
  sessions: 'Focused sessions',
  experiments: 'Experiments and their reports',
};

export const normaliseScopes = (scopes: readonly GrantScope[]): GrantScope[] =>
  GRANT_SCOPES.filter((scope) => scopes.includes(scope));
export const scopesFromText = (text: string): GrantScope[] =>
  normaliseScopes(
    text.split(',').filter((w): w is GrantScope => (GRANT_SCOPES as readonly string[]).includes(w)),
  );

export const GrantInput = z.strictObject({
  coachId: z.string().check(z.minLength(1, 'must not be empty')),
  scopes: z.array(z.enum(GRANT_SCOPES)).check(z.minLength(1, 'must name at least one scope')),
  /** The last day it works (inclusive, an ISO date); without it, until revoked. */
  until: z.optional(z.iso.date()),
});
export type GrantInput = z.infer<typeof GrantInput>;

const person = z.object({ id: z.string(), name: z.string() });

export const Grant = z.object({
  id: z.string(),
  researcher: person,
  coach: person,
  scopes: z.array(z.enum(GRANT_SCOPES)),
  state: z.enum(['active', 'expired', 'revoked']),
  createdAt: z.iso.datetime(),
  expiresAt: z.nullable(z.iso.datetime()),
  revokedAt: z.nullable(z.iso.datetime()),
});
export type Grant = z.infer<typeof Grant>;
export const GrantList = listOf(Grant);
export type GrantList = z.infer<typeof GrantList>;

export const GrantAccess = z.object({
  coach: person,
  scope: z.enum(GRANT_SCOPES),
  at: z.iso.datetime(),
});
export type GrantAccess = z.infer<typeof GrantAccess>;
export const GrantAccessList = listOf(GrantAccess);
export type GrantAccessList = z.infer<typeof GrantAccessList>;
