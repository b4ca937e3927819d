import type { MiddlewareHandler } from 'hono';
import { unauthenticated } from '../../core/errors.js';
import { authoriseWrite } from '../../services/team/policy.js';
import type { AppEnv } from '../actor.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The API paths anyone may call on a team server (relative to /api/v1). */
const PUBLIC_API = [
  /^\/health$/,
  /^\/openapi\.json$/,
  /^\/auth\/(status|sign-in|sign-out|forgot-password|reset-password)$/,
  /^\/auth\/reset-password\/[^/]+$/,
  /^\/setup(\/[^/]+)?$/,
  /^\/join\/[^/]+$/,
  // A second rater's link: the token is the credential, and the service answers 404 for a bad one.
  /^\/rate\/[^/]+(\/(ratings|undo|finish))?$/,
  // Booking a coach: public pages, and the booker's private link (the token is the credential).
  /^\/public\/book\/[^/]+(\/[^/]+(\/(slots|bookings))?)?$/,
  /^\/public\/bookings\/[^/]+(\/(reschedule|cancel|account))?$/,
  /^\/public\/bookings\/[^/]+\/room(\/notes|\/ideas(\/[^/]+\/(accept|reject))?)?$/,
];

/**
 * Team mode's outer wall: every other API path needs a signed-in member before any of its code
 * runs — also paths that only serve built-in content, and before a request body is even read.
 * An unsafe request also asks the policy whether the actor may write (a read-only token may not).
 * Routes still take their actor from `actorOf`, and the services still decide what it may do.
 */
export const requireSignIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  const path = c.req.path.replace(/^\/api\/v1/, '');
  if (PUBLIC_API.some((pattern) => pattern.test(path))) return next();
  const actor = c.get('actor');
  if (!actor) throw unauthenticated();
  if (!SAFE_METHODS.has(c.req.method)) authoriseWrite(actor);
  await next();
};
