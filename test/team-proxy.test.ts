/**
 * A team server behind Debian's nginx terminating TLS with a self-signed certificate, as it is
 * deployed: the session cookie comes back `Secure` with the `__Host-` prefix, links use the public
 * https address, and the client address in the audit log is the one nginx forwards.
 */
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, Me, NewInvitation } from '../src/core/team/account.js';
import { cliEnv } from './support/cli.js';
import { freePort } from './support/free-port.js';
import { startTlsProxy, type TlsProxy } from './support/nginx.js';
import { assertCliBuilt } from './support/paths.js';
import { ADMIN, startTeamServer, type TeamServer } from './support/team-server.js';
import { tempDirs } from './support/temp.js';

const dirs = tempDirs();
let server: TeamServer;
let proxy: TlsProxy;

beforeAll(async () => {
  assertCliBuilt();
  const root = dirs.make('whet-team-proxy');
  const env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root });
  const port = await freePort();
  server = await startTeamServer({
    db: join(root, 'team.db'),
    env,
    extraArgs: ['--public-url', `https://localhost:${port}`, '--trust-proxy'],
  });
  proxy = await startTlsProxy(dirs.make('whet-nginx'), port, Number(new URL(server.url).port));
});

afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
  dirs.cleanup();
});

interface Answer<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

/** One request through the proxy over https, trusting its self-signed certificate. */
function viaProxy<T>(
  method: string,
  path: string,
  options: { json?: unknown; cookie?: string } = {},
): Promise<Answer<T>> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const req = request(
      `${proxy.origin}${path}`,
      {
        method,
        ca: proxy.ca,
        headers: {
          origin: proxy.origin,
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          const json = /json/.test(String(res.headers['content-type']));
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: (json ? JSON.parse(text) : text) as T,
          });
        });
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

describe('a team server behind an nginx TLS proxy', () => {
  it('prints the setup link with the public https address', () => {
    expect(server.setupLink?.startsWith(`${proxy.origin}/setup/`)).toBe(true);
  });

  it('sets a __Host- cookie with Secure through the proxy, and it signs the next requests in', async () => {
    const token = new URL(server.setupLink ?? '').pathname.split('/').pop();
    const setup = await viaProxy<Me>('POST', '/api/v1/setup', {
      json: { token, organisation: 'TlsProxy Lab', ...ADMIN },
    });
    expect(setup.status).toBe(201);
    const cookies = [setup.headers['set-cookie'] ?? []].flat();
    const session = cookies.find((c) => c.startsWith('__Host-whetstone.session='));
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; Path=\//);
    expect(session).not.toMatch(/Domain=/i);
    const cookie = session?.split(';')[0] ?? '';
    const me = await viaProxy<Me>('GET', '/api/v1/me', { cookie });
    expect(me.body.organisation?.name).toBe('TlsProxy Lab');
    expect(me.headers['strict-transport-security']).toMatch(/max-age=/);

    const invited = await viaProxy<NewInvitation>('POST', '/api/v1/invitations', {
      cookie,
      json: { email: 'bea@example.org', roles: ['researcher'] },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.link.startsWith(`${proxy.origin}/invite/`)).toBe(true);

    const audit = await viaProxy<AuditPage>('GET', '/api/v1/audit-events', { cookie });
    expect(audit.body.items[0]?.ipAddress).toBe('127.0.0.1');
  });

  it('serves the web app through the proxy with its security headers', async () => {
    const page = await viaProxy<string>('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
