import { Hono } from 'hono';
import type { AppEnv } from '../actor.js';
import type { TeamHttp } from '../team/team-http.js';

/**
 * `/feeds/coach/TOKEN.ics`: a coach's bookings feed, polled by a calendar app without credentials
 * (the secret is the access); an unknown or replaced secret is 404.
 */
export function coachFeedRoutes(team: TeamHttp): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/:file', async (c) => {
    const match = /^([A-Za-z0-9_-]{16,64})\.ics$/.exec(c.req.param('file'));
    if (!match?.[1]) return c.text('not found', 404);
    return c.body(await team.services.coachFeed.feedFor(match[1]), 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, max-age=300',
    });
  });
}
