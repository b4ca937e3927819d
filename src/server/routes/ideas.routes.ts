import { Hono } from 'hono';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody, queryObject } from '../request.js';

/** `/ideas`: capture, list with filters, search and cursor pages, read, edit, delete. */
export function ideaRoutes(services: Services): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await services.ideas.list(actorOf(c), queryObject(c))))
    .post('/', async (c) => {
      const idea = await services.ideas.capture(actorOf(c), await jsonBody(c));
      return c.json(idea, 201, { location: `/api/v1/ideas/${idea.id}` });
    })
    .get('/:id', async (c) => c.json(await services.ideas.get(actorOf(c), c.req.param('id'))))
    .patch('/:id', async (c) =>
      c.json(await services.ideas.update(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .delete('/:id', async (c) => {
      await services.ideas.remove(actorOf(c), c.req.param('id'));
      return c.body(null, 204);
    });
}
