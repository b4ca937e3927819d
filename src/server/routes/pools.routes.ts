import { Hono } from 'hono';
import type { PoolList } from '../../core/experiments/pool-view.js';
import { IMPORT_BODY_MAX } from '../../core/limits.js';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody } from '../request.js';

/** `/pools`: result cards from many people and their pooled analysis. */
export function poolRoutes(services: Services): Hono<AppEnv> {
  const { pools } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json({ items: await pools.list(actorOf(c)) } satisfies PoolList))
    .post('/', async (c) => {
      const pool = await pools.create(actorOf(c), await jsonBody(c));
      return c.json(pool, 201, { location: `/api/v1/pools/${pool.id}` });
    })
    .get('/:id', async (c) => c.json(await pools.get(actorOf(c), c.req.param('id'))))
    .post('/:id/cards', async (c) =>
      c.json(await pools.importCards(actorOf(c), c.req.param('id'), await jsonBody(c, IMPORT_BODY_MAX))),
    )
    .get('/:id/report', async (c) => c.json(await pools.report(actorOf(c), c.req.param('id'))));
}
