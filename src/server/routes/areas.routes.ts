import { Hono } from 'hono';
import type { AreaList } from '../../core/areas.js';
import { AreaLookupQuery, type ResolvedId } from '../../core/lookups.js';
import { parseInput } from '../../core/validation.js';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody, queryObject } from '../request.js';

/** `/areas`: the taxonomy; areas with ideas are archived, only unused ones can be deleted. */
export function areaRoutes(services: Services): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const includeArchived = c.req.query('includeArchived') === 'true';
      return c.json({ items: await services.areas.list(actorOf(c), { includeArchived }) } satisfies AreaList);
    })
    .post('/', async (c) => {
      const area = await services.areas.create(actorOf(c), await jsonBody(c));
      return c.json(area, 201, { location: `/api/v1/areas/${area.id}` });
    })
    .get('/resolve', async (c) => {
      const { name, purpose, field } = parseInput(AreaLookupQuery, queryObject(c));
      return c.json({
        id: await services.areas.resolve(actorOf(c), name, purpose, field),
      } satisfies ResolvedId);
    })
    .get('/:id', async (c) => c.json(await services.areas.get(actorOf(c), c.req.param('id'))))
    .patch('/:id', async (c) =>
      c.json(await services.areas.update(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .delete('/:id', async (c) => {
      await services.areas.remove(actorOf(c), c.req.param('id'));
      return c.body(null, 204);
    });
}
