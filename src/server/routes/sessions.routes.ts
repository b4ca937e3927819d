import { Hono } from 'hono';
import type { ActiveSession, SessionList } from '../../core/sessions/view.js';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody, optionalJsonBody } from '../request.js';

/** `/sessions`: focused improvement sessions, steered step by step, then rated. */
export function sessionRoutes(services: Services): Hono<AppEnv> {
  const { sessions } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json({ items: await sessions.list(actorOf(c)) } satisfies SessionList))
    .post('/', async (c) => {
      const session = await sessions.start(actorOf(c), await optionalJsonBody(c));
      return c.json(session, 201, { location: `/api/v1/sessions/${session.id}` });
    })
    .get('/active', async (c) =>
      c.json({ session: (await sessions.active(actorOf(c))) ?? null } satisfies ActiveSession),
    )
    .get('/:id', async (c) => c.json(await sessions.get(actorOf(c), c.req.param('id'))))
    .post('/:id/pause', async (c) => c.json(await sessions.pause(actorOf(c), c.req.param('id'))))
    .post('/:id/resume', async (c) => c.json(await sessions.resume(actorOf(c), c.req.param('id'))))
    .post('/:id/next', async (c) => c.json(await sessions.next(actorOf(c), c.req.param('id'), 'next')))
    .post('/:id/skip', async (c) => c.json(await sessions.next(actorOf(c), c.req.param('id'), 'skip')))
    .post('/:id/back', async (c) => c.json(await sessions.back(actorOf(c), c.req.param('id'))))
    .post('/:id/add-time', async (c) =>
      c.json(await sessions.addTime(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .post('/:id/end', async (c) => c.json(await sessions.end(actorOf(c), c.req.param('id'))))
    .post('/:id/complete', async (c) =>
      c.json(await sessions.complete(actorOf(c), c.req.param('id'), await optionalJsonBody(c))),
    )
    .post('/:id/ideas', async (c) => {
      const idea = await sessions.capture(actorOf(c), c.req.param('id'), await jsonBody(c));
      return c.json(idea, 201, { location: `/api/v1/ideas/${idea.id}` });
    })
    .patch('/:id/ideas/:ideaId', async (c) =>
      c.json(await sessions.rate(actorOf(c), c.req.param('id'), c.req.param('ideaId'), await jsonBody(c))),
    );
}
