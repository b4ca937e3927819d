import { Hono } from 'hono';
import type { DeckList } from '../../core/decks/deck.js';
import { validationError } from '../../core/errors.js';
import type { QuestionStatList } from '../../core/sessions/view.js';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody } from '../request.js';

/** `/decks` (built-in and the user's own question decks) and `/questions/stats`. */
export function deckRoutes(services: Services): Hono<AppEnv> {
  const { decks } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json({ items: await decks.list(actorOf(c)) } satisfies DeckList))
    .post('/', async (c) => {
      const deck = await decks.create(actorOf(c), await jsonBody(c));
      return c.json(deck, 201, { location: `/api/v1/decks/${deck.id}` });
    })
    .post('/import', async (c) => {
      const body = (await jsonBody(c)) as { fileName?: unknown; text?: unknown; replace?: unknown } | null;
      if (!body || typeof body.text !== 'string')
        throw validationError('text', 'must be the deck file as text');
      const fileName = typeof body.fileName === 'string' && body.fileName ? body.fileName : 'deck.yaml';
      const deck = await decks.importFile(actorOf(c), body.text, fileName, {
        replace: body.replace === true,
      });
      return c.json(deck, 201, { location: `/api/v1/decks/${deck.id}` });
    })
    .get('/:id', async (c) => c.json(await decks.get(actorOf(c), c.req.param('id'))))
    .put('/:id', async (c) => c.json(await decks.update(actorOf(c), c.req.param('id'), await jsonBody(c))))
    .delete('/:id', async (c) => {
      await decks.remove(actorOf(c), c.req.param('id'));
      return c.body(null, 204);
    })
    .get('/:id/export', async (c) => {
      const format = c.req.query('format') ?? 'yaml';
      if (format !== 'json' && format !== 'yaml') throw validationError('format', 'must be json or yaml');
      const id = c.req.param('id');
      return c.body(await decks.export(actorOf(c), id, format), 200, {
        'content-type': format === 'json' ? 'application/json' : 'application/yaml; charset=utf-8',
        'content-disposition': `attachment; filename="${id}.${format}"`,
      });
    });
}

export function questionRoutes(services: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/stats', async (c) =>
    c.json({ items: await services.sessions.questionStats(actorOf(c)) } satisfies QuestionStatList),
  );
}
