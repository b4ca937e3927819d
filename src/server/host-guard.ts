import type { Hono } from 'hono';

const ALLOWED_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * Solo mode has no login, so a web page on another site must not be able to reach the API
 * through a DNS name that resolves to 127.0.0.1 (DNS rebinding): only loopback Host headers pass.
 */
export function hostGuard(app: Hono): (request: Request) => Response | Promise<Response> {
  return (request) => {
    const host = request.headers.get('host') ?? '';
    if (!ALLOWED_HOST.test(host)) {
      return new Response(
        JSON.stringify({
          type: 'https://whetstone.dev/problems/forbidden-host',
          title: 'Forbidden host',
          status: 421,
          detail: `requests for host "${host}" are not served`,
        }),
        { status: 421, headers: { 'content-type': 'application/problem+json' } },
      );
    }
    return app.fetch(request);
  };
}
