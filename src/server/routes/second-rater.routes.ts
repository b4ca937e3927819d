import { type Context, Hono } from 'hono';
import type { SecondRaterStatus } from '../../core/experiments/second-rater.js';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody } from '../request.js';

/**
 * `/experiments/{id}/second-rater`: the owner invites a second, blind rater (the link is in this
 * one answer), sees the progress, and withdraws. Links start with the team server's public URL,
 * or in solo mode with the address the server listens on.
 */
export function secondRaterRoutes(services: Services, publicUrl: string | undefined): Hono<AppEnv> {
  const { secondRater } = services;
  const base = (c: Context<AppEnv>) => publicUrl ?? new URL(c.req.url).origin;
  return new Hono<AppEnv>()
    .post('/:id/second-rater', async (c) =>
      c.json(await secondRater.invite(actorOf(c), c.req.param('id'), await jsonBody(c), base(c)), 201),
    )
    .get('/:id/second-rater', async (c) =>
      c.json((await secondRater.status(actorOf(c), c.req.param('id'))) satisfies SecondRaterStatus),
    )
    .delete('/:id/second-rater', async (c) =>
      c.json((await secondRater.withdraw(actorOf(c), c.req.param('id'))) satisfies SecondRaterStatus),
    );
}

/** `/rate/{token}`: the second rater's queue, by the link's token alone (no account, no actor). */
export function rateRoutes(services: Services): Hono<AppEnv> {
  const { secondRater } = services;
  return new Hono<AppEnv>()
    .get('/:token', async (c) => c.json(await secondRater.queue(c.req.param('token'))))
    .post('/:token/ratings', async (c) =>
      c.json(await secondRater.rate(c.req.param('token'), await jsonBody(c))),
    )
    .post('/:token/undo', async (c) => c.json(await secondRater.undo(c.req.param('token'))))
    .post('/:token/finish', async (c) => c.json(await secondRater.finish(c.req.param('token'))));
}
