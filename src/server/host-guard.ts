import type { MiddlewareHandler } from 'hono';
import { problemResponse } from './problem.js';

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * Solo mode has no login, so a web page on another site must not reach the API through a DNS
 * name that resolves to 127.0.0.1 (DNS rebinding): only loopback Host headers are served.
 */
export const loopbackHostsOnly: MiddlewareHandler = async (c, next) => {
  const host = c.req.header('host') ?? '';
  if (!LOOPBACK_HOST.test(host)) {
    return problemResponse(
      c,
      421,
      'forbidden-host',
      'Forbidden host',
      `requests for host "${host}" are not served`,
    );
  }
  await next();
};
