import { Hono } from 'hono';
import { IdLookupQuery, type ResolvedId } from '../../core/lookups.js';
import { parseInput } from '../../core/validation.js';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { queryObject } from '../request.js';

/** `/ids`: the full id behind a unique prefix, as `whet` resolves what people type. */
export function idRoutes(services: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { kind, prefix, field } = parseInput(IdLookupQuery, queryObject(c));
    return c.json({ id: await services.ids.resolve(actorOf(c), kind, prefix, field) } satisfies ResolvedId);
  });
}
