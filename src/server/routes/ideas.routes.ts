import { Hono } from 'hono';
import type { Services } from '../../services/app.js';
import type { Actor } from '../../services/context.js';
import { jsonBody, queryObject } from '../request.js';

/** `/ideas`: capture, list with filters, search and cursor pages, read, edit, delete. */
export function ideaRoutes(services: Services, actor: Actor): Hono {
  return new Hono()
    .get('/', async (c) => c.json(await services.ideas.list(actor, queryObject(c))))
    .post('/', async (c) => {
      const idea = await services.ideas.capture(actor, await jsonBody(c));
      return c.json(idea, 201, { location: `/api/v1/ideas/${idea.id}` });
    })
    .get('/:id', async (c) => c.json(await services.ideas.get(actor, c.req.param('id'))))
    .patch('/:id', async (c) =>
      c.json(await services.ideas.update(actor, c.req.param('id'), await jsonBody(c))),
    )
    .delete('/:id', async (c) => {
      await services.ideas.remove(actor, c.req.param('id'));
      return c.body(null, 204);
    });
}
