import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../actor.js';
import type { TeamHttp } from './team-http.js';

/**
 * Team mode: a personal access token (`Authorization: Bearer whet_…`) or the session cookie
 * decides who is acting. No valid session, an expired one or a
 * member who was deactivated leaves the request without an actor — then every route that needs
 * one answers 401 (see `actorOf`), and the public ones (sign-in, setup, invitations) still work.
 */
export function sessionActor(team: TeamHttp): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = bearerOf(c.req.header('authorization'));
    if (bearer) {
      // A token request is judged by its token alone, whatever cookies come with it.
      c.set('actor', await team.services.tokens.actorForSecret(bearer));
      return next();
    }
    if (!c.req.header('cookie')) return next();
    const { headers, response: found } = await team.auth.api.getSession({
      headers: c.req.raw.headers,
      returnHeaders: true,
    });
    if (found) {
      const actor = await team.services.members.actorForSession({
        userId: found.user.id,
        token: found.session.token,
        createdAt: new Date(found.session.createdAt),
      });
      if (actor) c.set('actor', actor);
    }
    await next();
    // A sliding session's refreshed (or a dead session's cleared) cookie goes back with whatever
    // the route answered — unless the route set that cookie itself: signing in with a stale
    // cookie must keep the new session, not clear it right after.
    const setByRoute = new Set(c.res.headers.getSetCookie().map(cookieName));
    for (const cookie of headers.getSetCookie())
      if (!setByRoute.has(cookieName(cookie))) c.res.headers.append('set-cookie', cookie);
  };
}

/**
 * Whether the request in `headers` still stands for an active member (open streams recheck it):
 * judged as `sessionActor` judges — by the token when there is one, else by the session cookie.
 */
export async function stillSignedIn(team: TeamHttp, headers: Headers): Promise<boolean> {
  const bearer = bearerOf(headers.get('authorization'));
  if (bearer) return (await team.services.tokens.actorForSecret(bearer)) !== undefined;
  const found = await team.auth.api.getSession({ headers, query: { disableRefresh: true } });
  if (!found) return false;
  return (await team.services.members.actorFor(found.user.id)) !== undefined;
}

const cookieName = (setCookie: string): string => setCookie.slice(0, setCookie.indexOf('='));

const bearerOf = (authorization: string | null | undefined): string | undefined =>
  /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
