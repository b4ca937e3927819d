import type { MiddlewareHandler } from 'hono';
import { unauthenticated } from '../../core/errors.js';
import type { AppEnv } from '../actor.js';

/** The API paths anyone may call on a team server (relative to /api/v1). */
const PUBLIC_API = [
  /^\/health$/,
  /^\/openapi\.json$/,
  /^\/auth\/(status|sign-in|sign-out|forgot-password|reset-password)$/,
  /^\/setup(\/[^/]+)?$/,
  /^\/join\/[^/]+$/,
];

/**
 * Team mode's outer wall: every other API path needs a signed-in member before any of its code
 * runs — also paths that only serve built-in content, and before a request body is even read.
 * Routes still take their actor from `actorOf`, and the services still decide what it may do.
 */
export const requireSignIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  const path = c.req.path.replace(/^\/api\/v1/, '');
  if (!c.get('actor') && !PUBLIC_API.some((pattern) => pattern.test(path))) throw unauthenticated();
  await next();
};
