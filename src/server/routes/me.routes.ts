import { Hono } from 'hono';
import { notFound, validationError } from '../../core/errors.js';
import {
  type AccessTokenList,
  type AccountSession,
  type AccountSessionList,
  ChangePasswordInput,
  type Me,
} from '../../core/team/account.js';
import { parseInput } from '../../core/validation.js';
import type { Actor } from '../../services/context.js';
import { authoriseAccountManagement } from '../../services/team/policy.js';
import type { TeamServices } from '../../services/team/team-services.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody } from '../request.js';
import { refusedAsNull } from '../team/auth.js';
import { requestMeta } from '../team/client-address.js';
import type { TeamHttp } from '../team/team-http.js';

export const meOf = (services: TeamServices, actor: Actor): Promise<Me> => services.members.me(actor);

/** Solo mode's answer to "who am I": the one local person, no organisation, no roles. */
export function soloMeRoutes(name: string): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/me', (c) =>
      c.json({
        mode: 'solo',
        user: { id: actorOf(c).userId, name, email: null },
        organisation: null,
        roles: [],
      } satisfies Me),
    )
    .get('/auth/status', (c) => c.json({ mode: 'solo', setupRequired: false }));
}

/** `/me` and `/account/sessions`: who is signed in, and where else they are signed in. */
export function accountRoutes(team: TeamHttp): Hono<AppEnv> {
  const { auth, services } = team;

  async function sessionsOf(headers: Headers): Promise<(AccountSession & { token: string })[]> {
    const current = await auth.api.getSession({ headers });
    const sessions = await auth.api.listSessions({ headers });
    return sessions
      .map((s) => ({
        id: s.id,
        token: s.token,
        current: s.token === current?.session.token,
        userAgent: s.userAgent ?? null,
        ipAddress: s.ipAddress ?? null,
        createdAt: new Date(s.createdAt).toISOString(),
        lastActiveAt: new Date(s.updatedAt).toISOString(),
        expiresAt: new Date(s.expiresAt).toISOString(),
      }))
      .sort((a, b) => Number(b.current) - Number(a.current) || b.lastActiveAt.localeCompare(a.lastActiveAt));
  }

  return new Hono<AppEnv>()
    .get('/me', async (c) => c.json(await meOf(services, actorOf(c))))
    .get('/account/sessions', async (c) => {
      authoriseAccountManagement(actorOf(c));
      const items = (await sessionsOf(c.req.raw.headers)).map(({ token: _token, ...session }) => session);
      return c.json({ items } satisfies AccountSessionList);
    })
    .delete('/account/sessions/:id', async (c) => {
      authoriseAccountManagement(actorOf(c));
      const session = (await sessionsOf(c.req.raw.headers)).find((s) => s.id === c.req.param('id'));
      if (!session) throw notFound('session', c.req.param('id'));
      await auth.api.revokeSession({ headers: c.req.raw.headers, body: { token: session.token } });
      return c.body(null, 204);
    })
    .post('/account/password', async (c) => {
      const actor = actorOf(c);
      authoriseAccountManagement(actor);
      const { currentPassword, password } = parseInput(ChangePasswordInput, await jsonBody(c));
      const me = await services.members.me(actor);
      await services.throttle.attempt(
        'sign-in',
        me.user.email ?? actor.userId,
        requestMeta(c, team.trustProxy).ipAddress,
      );
      const changed = await refusedAsNull(
        auth.api.changePassword({
          headers: c.req.raw.headers,
          body: { currentPassword, newPassword: password, revokeOtherSessions: true },
          returnHeaders: true,
        }),
      );
      if (!changed) throw validationError('currentPassword', 'is not your current password');
      // Every other session ended; this one continues under a new cookie.
      for (const cookie of changed.headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
      await services.audit.record(
        { orgId: actor.member?.orgId ?? null, actorUserId: actor.userId, kind: 'password.changed' },
        requestMeta(c, team.trustProxy),
      );
      return c.body(null, 204);
    })
    .post('/account/leave', async (c) => {
      await services.members.leave(actorOf(c), requestMeta(c, team.trustProxy));
      const { headers } = await auth.api.signOut({ headers: c.req.raw.headers, returnHeaders: true });
      for (const cookie of headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
      return c.body(null, 204);
    })
    .get('/account/tokens', async (c) =>
      c.json({ items: await services.tokens.list(actorOf(c)) } satisfies AccessTokenList),
    )
    .post('/account/tokens', async (c) =>
      c.json(
        await services.tokens.create(actorOf(c), await jsonBody(c), requestMeta(c, team.trustProxy)),
        201,
      ),
    )
    .delete('/account/tokens/current', async (c) => {
      // `whet logout`: a token may always end itself, though it may manage no other token.
      await services.tokens.revokeCurrent(actorOf(c), requestMeta(c, team.trustProxy));
      return c.body(null, 204);
    })
    .delete('/account/tokens/:id', async (c) => {
      await services.tokens.revoke(actorOf(c), c.req.param('id'), requestMeta(c, team.trustProxy));
      return c.body(null, 204);
    })
    .post('/account/sessions/revoke-others', async (c) => {
      const actor = actorOf(c);
      authoriseAccountManagement(actor);
      await auth.api.revokeOtherSessions({ headers: c.req.raw.headers });
      await services.audit.record(
        { orgId: actor.member?.orgId ?? null, actorUserId: actor.userId, kind: 'sessions.revoked' },
        requestMeta(c, team.trustProxy),
      );
      return c.body(null, 204);
    });
}
