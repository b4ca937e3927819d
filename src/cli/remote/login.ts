import { hostname } from 'node:os';
import { WhetstoneError } from '../../core/errors.js';
import type { Me, NewAccessToken } from '../../core/team/account.js';
import { ApiClient } from './api-client.js';

/** The cookie pairs of a sign-in answer, as a `Cookie` request header. */
function cookieHeader(setCookie: string[] | undefined): string {
  return (setCookie ?? [])
    .map((line) => line.split(';')[0] ?? '')
    .filter(Boolean)
    .join('; ');
}

/** Refuses anything but a team server, before a password is sent to it. */
async function assertTeamServer(api: ApiClient): Promise<void> {
  const status = await api.json<{ mode?: string }>('GET', '/auth/status');
  if (status.mode !== 'team')
    throw new WhetstoneError(
      'validation',
      `${api.server} is a solo Whetstone without accounts; \`whet\` on that machine uses its database directly`,
    );
}

/**
 * Signs in with email and password, creates a read-write personal access token for this machine,
 * and signs the browser-style session out again: the terminal keeps only the token.
 */
export async function createTokenWithPassword(
  server: string,
  credentials: { email: string; password: string },
  tokenName = `whet on ${hostname()}`,
): Promise<{ secret: string; tokenId: string; revoke(): Promise<void> }> {
  const api = new ApiClient(server);
  try {
    await assertTeamServer(api);
    const signedIn = await api.call('POST', '/auth/sign-in', { json: credentials });
    // Unsafe requests with a cookie must name the server's origin (its CSRF defence).
    const session = { cookie: cookieHeader(signedIn.headers['set-cookie']), origin: new URL(server).origin };
    try {
      const created = await api.json<NewAccessToken>('POST', '/account/tokens', {
        json: { name: tokenName, scope: 'read-write' },
        headers: session,
      });
      return {
        secret: created.secret,
        tokenId: created.token.id,
        // Used when the token cannot be stored: nothing is left behind half-done.
        revoke: async () => {
          const again = new ApiClient(server, created.secret);
          await again.send('DELETE', '/account/tokens/current').finally(() => again.close());
        },
      };
    } finally {
      await api.send('POST', '/auth/sign-out', { headers: session }).catch(() => undefined);
    }
  } finally {
    api.close();
  }
}

/** Who the token belongs to; a token the server refuses is reported as such. */
export async function whoIsToken(server: string, token: string): Promise<Me> {
  const api = new ApiClient(server, token);
  try {
    return await api.json<Me>('GET', '/me');
  } finally {
    api.close();
  }
}

/** Revokes the stored token on its server; answers why not when that was impossible. */
export async function revokeToken(server: string, token: string): Promise<string | undefined> {
  const api = new ApiClient(server, token);
  try {
    await api.call('DELETE', '/account/tokens/current');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    api.close();
  }
}

/** "Ada Admin <ada@example.org>, researcher and admin in Kepler Lab" */
export function describeMe(me: Me): string {
  const email = me.user.email ? ` <${me.user.email}>` : '';
  const roles = me.roles.length > 0 ? `, ${me.roles.join(' and ')}` : '';
  const organisation = me.organisation ? ` in ${me.organisation.name}` : '';
  return `${me.user.name}${email}${roles}${organisation}`;
}
