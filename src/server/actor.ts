import type { Context } from 'hono';
import { unauthenticated } from '../core/errors.js';
import type { Actor } from '../services/context.js';

/** Hono's typing of what the middleware puts on each request: who is acting, if anyone. */
export interface AppEnv {
  Variables: { actor: Actor | undefined };
}

/**
 * The actor of this request, set once by the mode's middleware (solo: the local user; team: the
 * signed-in member). Nobody signed in: 401. A route never decides who is acting, nor what they
 * may do — the services' policy does.
 */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw unauthenticated();
  return actor;
}
