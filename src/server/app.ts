import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { REQUEST_BODY_MAX } from '../core/limits.js';
import type { Services } from '../services/app.js';
import type { Actor } from '../services/context.js';
import { payloadTooLarge } from './limits.js';
import { openApiDocument } from './openapi.js';
import { errorToProblem, problemResponse } from './problem.js';
import { MalformedRequest } from './request.js';
import { areaRoutes } from './routes/areas.routes.js';
import { backupRoutes } from './routes/backup.routes.js';
import { ideaRoutes } from './routes/ideas.routes.js';

export interface AppOptions {
  services: Services;
  actor: Actor;
  version: string;
  /** Folder with the built web app (index.html and assets); omitted in API-only tests. */
  webRoot?: string | undefined;
}

/** The whole HTTP surface: the versioned JSON API and the web app that uses it. */
export function createApp({ services, actor, version, webRoot }: AppOptions): Hono {
  const app = new Hono();
  const document = openApiDocument(version);

  app.onError((error, c) =>
    error instanceof MalformedRequest
      ? problemResponse(c, 400, 'malformed-request', 'Malformed request', error.message)
      : errorToProblem(c, error),
  );

  const api = new Hono();
  api.use('*', async (c, next) => {
    if (c.req.path.endsWith('/import')) return next();
    return bodyLimit({ maxSize: REQUEST_BODY_MAX, onError: payloadTooLarge(REQUEST_BODY_MAX) })(c, next);
  });
  api.get('/openapi.json', (c) => c.json(document));
  api.get('/health', (c) => c.json({ ok: true, version, engine: services.store.engine }));
  api.route('/ideas', ideaRoutes(services, actor));
  api.route('/areas', areaRoutes(services, actor));
  api.route('/', backupRoutes(services, actor));
  api.notFound((c) =>
    problemResponse(c, 404, 'not-found', 'Not found', `no API route ${c.req.method} ${c.req.path}`),
  );
  app.route('/api/v1', api);

  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: webRoot }));
    app.use('/favicon.svg', serveStatic({ root: webRoot }));
    // Client-side routes (/ideas/abc, /areas) all load the same page.
    app.get('*', (c) => c.html(indexHtml));
  }
  return app;
}
