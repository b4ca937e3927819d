import { Hono } from 'hono';
import { IMPORT_BODY_MAX } from '../../core/limits.js';
import { IdeaImportRequest } from '../../core/lookups.js';
import { parseInput } from '../../core/validation.js';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody, queryObject } from '../request.js';

/** `/ideas`: capture, list with filters, search and cursor pages, read, edit, delete, import. */
export function ideaRoutes(services: Services): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await services.ideas.list(actorOf(c), queryObject(c))))
    .post('/', async (c) => {
      const idea = await services.ideas.capture(actorOf(c), await jsonBody(c));
      return c.json(idea, 201, { location: `/api/v1/ideas/${idea.id}` });
    })
    .post('/import', async (c) => {
      const { format, text, dryRun } = parseInput(IdeaImportRequest, await jsonBody(c, IMPORT_BODY_MAX));
      return c.json(await services.ideaImport.import(actorOf(c), format, text, { dryRun: dryRun === true }));
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
