import { Hono } from 'hono';
import type { AreaList } from '../../core/areas.js';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody } from '../request.js';

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
    .get('/:id', async (c) => c.json(await services.areas.get(actorOf(c), c.req.param('id'))))
    .patch('/:id', async (c) =>
      c.json(await services.areas.update(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .delete('/:id', async (c) => {
      await services.areas.remove(actorOf(c), c.req.param('id'));
      return c.body(null, 204);
    });
}
