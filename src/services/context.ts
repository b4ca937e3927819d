import type { Role } from '../core/team/roles.js';

/** Who is acting. Every use case takes one, so team mode adds authorisation without new plumbing. */
export interface Actor {
  userId: string;
  /** Team mode: the member's organisation and roles. Absent in solo mode, which has no roles. */
  member?: { orgId: string; roles: readonly Role[] } | undefined;
  /** Set when the request came with a personal access token rather than a signed-in session. */
  token?: { id: string; scope: 'read' | 'read-write' } | undefined;
}

/** Solo mode's single implicit user; its rows look exactly like a team user's. */
export const LOCAL_ACTOR: Actor = { userId: 'local' };
export const LOCAL_USER_NAME = 'Me';

/** Injected time source; tests pass a fixed or stepping clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * A clock that test and demo runs can move forward (`whet serve` with WHETSTONE_TEST_HOOKS=1):
 * a 20-minute session can then be driven to its end without waiting 20 minutes.
 */
export function adjustableClock(base: Clock = systemClock): { clock: Clock; advance(ms: number): void } {
  let offset = 0;
  return {
    clock: () => new Date(base().getTime() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
}
