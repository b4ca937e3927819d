import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { validationError } from '../core/errors.js';
import type { Health } from '../core/health.js';
import type { Services } from '../services/app.js';
import type { Actor } from '../services/context.js';
import { loopbackHostsOnly } from './host-guard.js';
import { openApiDocument } from './openapi.js';
import { errorToProblem, problemResponse } from './problem.js';
import { jsonBody, MalformedRequest, PayloadTooLarge } from './request.js';
import { areaRoutes } from './routes/areas.routes.js';
import { backupRoutes } from './routes/backup.routes.js';
import { deckRoutes, questionRoutes } from './routes/decks.routes.js';
import { eventRoutes } from './routes/events.routes.js';
import { experimentRoutes, measurementRoutes, templateRoutes } from './routes/experiments.routes.js';
import { ideaRoutes } from './routes/ideas.routes.js';
import {
  exerciseRoutes,
  feedRoutes,
  interruptionRoutes,
  planRoutes,
  practiceRoutes,
  progressRoutes,
  reviewRoutes,
} from './routes/plans.routes.js';
import { poolRoutes } from './routes/pools.routes.js';
import { sessionRoutes } from './routes/sessions.routes.js';

export interface AppOptions {
  services: Services;
  actor: Actor;
  version: string;
  /** Folder with the built web app (index.html and assets); omitted in API-only tests. */
  webRoot?: string | undefined;
  /** Present only in test and demo runs: moves the services' clock forward. */
  advanceClock?: ((ms: number) => void) | undefined;
  /** Refuse requests whose Host is not loopback (solo mode). */
  loopbackOnly?: boolean;
}

/** The whole HTTP surface: the versioned JSON API and the web app that uses it. */
export function createApp({
  services,
  actor,
  version,
  webRoot,
  advanceClock,
  loopbackOnly = true,
}: AppOptions): Hono {
  const app = new Hono();
  const document = openApiDocument(version);

  app.onError((error, c) => {
    if (error instanceof MalformedRequest) {
      return problemResponse(c, 400, 'malformed-request', 'Malformed request', error.message);
    }
    if (error instanceof PayloadTooLarge) {
      return problemResponse(c, 413, 'payload-too-large', 'Request too large', error.message);
    }
    return errorToProblem(c, error);
  });
  if (loopbackOnly) app.use('*', loopbackHostsOnly);

  const api = new Hono();
  api.get('/openapi.json', (c) => c.json(document));
  api.get('/health', (c) => c.json({ ok: true, version, engine: services.store.engine } satisfies Health));
  api.route('/ideas', ideaRoutes(services, actor));
  api.route('/areas', areaRoutes(services, actor));
  if (advanceClock) {
    api.post('/test/clock', async (c) => {
      const { advanceMs } = (await jsonBody(c)) as { advanceMs?: unknown };
      if (typeof advanceMs !== 'number' || !(advanceMs >= 0))
        throw validationError('advanceMs', 'must be a number ≥ 0');
      advanceClock(advanceMs);
      return c.json({ now: services.clock().toISOString() });
    });
  }
  api.route('/events', eventRoutes(services, actor));
  api.route('/sessions', sessionRoutes(services, actor));
  api.route('/decks', deckRoutes(services, actor));
  api.route('/questions', questionRoutes(services, actor));
  api.route('/experiment-templates', templateRoutes(services));
  api.route('/experiments', experimentRoutes(services, actor));
  api.route('/measurements', measurementRoutes(services, actor));
  api.route('/pools', poolRoutes(services, actor));
  api.route('/plans', planRoutes(services, actor));
  api.route('/exercises', exerciseRoutes(services, actor));
  api.route('/practice', practiceRoutes(services, actor));
  api.route('/interruptions', interruptionRoutes(services, actor));
  api.route('/reviews', reviewRoutes(services, actor));
  api.route('/', progressRoutes(services, actor));
  api.route('/', backupRoutes(services, actor));
  // Hono consults only the top-level app's notFound, so the API ends with its own catch-all.
  api.all('*', (c) =>
    problemResponse(c, 404, 'not-found', 'Not found', `no API route ${c.req.method} ${c.req.path}`),
  );
  app.route('/api/v1', api);
  app.route('/feeds', feedRoutes(services));

  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: webRoot }));
    app.use('/favicon.svg', serveStatic({ root: webRoot }));
    // A missing asset is a 404, never the app page: HTML served as JavaScript leaves a blank page.
    app.get('/assets/*', (c) => c.text('not found', 404));
    // Client-side routes (/ideas/abc, /areas) all load the same page.
    app.get('*', (c) => c.html(indexHtml));
  }
  return app;
}
