import type { MiddlewareHandler } from 'hono';
import { problemResponse } from '../problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie sessions, on top of SameSite=Lax: an unsafe request that carries a
 * cookie must come from the server's own origin (the Origin header, which browsers send on every
 * such request, or Sec-Fetch-Site: same-origin). Token-bearing clients send no cookie.
 */
export function sameOriginWrites(publicUrl: string): MiddlewareHandler {
  const origin = new URL(publicUrl).origin;
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || !c.req.header('cookie')) return next();
    const from = c.req.header('origin');
    if (from === origin || (!from && c.req.header('sec-fetch-site') === 'same-origin')) return next();
    return problemResponse(
      c,
      403,
      'cross-site-request',
      'Cross-site request refused',
      `requests that change data must come from ${origin}${from ? `, not ${from}` : ''}`,
    );
  };
}
