import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { validationError } from '../core/errors.js';
import type { Health } from '../core/health.js';
import type { Services } from '../services/app.js';
import type { ChangeFeed } from '../services/change-feed.js';
import { type Actor, LOCAL_USER_NAME } from '../services/context.js';
import type { AppEnv } from './actor.js';
import { loopbackHostsOnly } from './host-guard.js';
import { liveEventRoutes } from './live-events.js';
import { openApiDocument } from './openapi.js';
import { errorToProblem, problemResponse } from './problem.js';
import { jsonBody, MalformedRequest, PayloadTooLarge } from './request.js';
import { areaRoutes } from './routes/areas.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { backupRoutes } from './routes/backup.routes.js';
import { coachFeedRoutes } from './routes/coach-feed.routes.js';
import { coachingRoutes } from './routes/coaching.routes.js';
import { conversationRoutes } from './routes/conversations.routes.js';
import { deckRoutes, questionRoutes } from './routes/decks.routes.js';
import { experimentRoutes, measurementRoutes, templateRoutes } from './routes/experiments.routes.js';
import { grantRoutes } from './routes/grants.routes.js';
import { ideaRoutes } from './routes/ideas.routes.js';
import { idRoutes } from './routes/ids.routes.js';
import { accountRoutes, soloMeRoutes } from './routes/me.routes.js';
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
import { publicBookingRoutes } from './routes/public-booking.routes.js';
import { rateRoutes, secondRaterRoutes } from './routes/second-rater.routes.js';
import { sessionRoutes } from './routes/sessions.routes.js';
import { teamRoutes } from './routes/team.routes.js';
import { securityHeaders } from './security-headers.js';
import { requireSignIn } from './team/require-sign-in.js';
import { sameOriginWrites } from './team/same-origin.js';
import { sessionActor, stillSignedIn } from './team/session-actor.js';
import type { TeamHttp } from './team/team-http.js';

/**
 * Solo: one implicit person, loopback only, no sign-in. Team: accounts, sessions and roles; the
 * session decides the actor of each request.
 */
export type AppMode = { kind: 'solo'; actor: Actor } | { kind: 'team'; team: TeamHttp };

export interface AppOptions {
  services: Services;
  /** The process's one live change feed, behind every open `/events` stream. */
  changes: ChangeFeed;
  mode: AppMode;
  version: string;
  /** Folder with the built web app (index.html and assets); omitted in API-only tests. */
  webRoot?: string | undefined;
  /** Present only in test and demo runs: moves the services' clock forward. */
  advanceClock?: ((ms: number) => void) | undefined;
}

/** The whole HTTP surface: the versioned JSON API and the web app that uses it. */
export function createApp({
  services,
  changes,
  mode,
  version,
  webRoot,
  advanceClock,
}: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const document = openApiDocument(version, { team: mode.kind === 'team' });

  app.onError((error, c) => {
    if (error instanceof MalformedRequest) {
      return problemResponse(c, 400, 'malformed-request', 'Malformed request', error.message);
    }
    if (error instanceof PayloadTooLarge) {
      return problemResponse(c, 413, 'payload-too-large', 'Request too large', error.message);
    }
    return errorToProblem(c, error);
  });
  if (mode.kind === 'solo') {
    app.use('*', securityHeaders(false));
    app.use('*', loopbackHostsOnly);
    app.use('*', async (c, next) => {
      c.set('actor', mode.actor);
      await next();
    });
  } else {
    app.use('*', securityHeaders(mode.team.publicUrl.startsWith('https://')));
    app.use('*', sameOriginWrites(mode.team.publicUrl));
    app.use('/api/*', sessionActor(mode.team));
    app.use('/api/*', requireSignIn);
  }

  const api = new Hono<AppEnv>();
  api.get('/openapi.json', (c) => c.json(document));
  api.get('/health', (c) => c.json({ ok: true, version, engine: services.store.engine } satisfies Health));
  if (mode.kind === 'solo') api.route('/', soloMeRoutes(LOCAL_USER_NAME));
  else {
    api.route('/', authRoutes(mode.team));
    api.route('/', accountRoutes(mode.team));
    api.route('/', teamRoutes(mode.team));
    api.route('/', grantRoutes(services, mode.team));
    api.route('/coach', coachingRoutes(mode.team));
    api.route('/public', publicBookingRoutes(mode.team));
    api.route('/conversations', conversationRoutes(mode.team));
  }
  api.route('/ideas', ideaRoutes(services));
  api.route('/areas', areaRoutes(services));
  api.route('/ids', idRoutes(services));
  if (advanceClock) {
    api.post('/test/clock', async (c) => {
      const { advanceMs } = (await jsonBody(c)) as { advanceMs?: unknown };
      if (typeof advanceMs !== 'number' || !(advanceMs >= 0))
        throw validationError('advanceMs', 'must be a number ≥ 0');
      advanceClock(advanceMs);
      return c.json({ now: services.clock().toISOString() });
    });
  }
  api.route(
    '/events',
    liveEventRoutes(
      changes,
      mode.kind === 'team' ? (headers) => stillSignedIn(mode.team, headers) : undefined,
    ),
  );
  api.route('/sessions', sessionRoutes(services));
  api.route('/decks', deckRoutes(services));
  api.route('/questions', questionRoutes(services));
  api.route('/experiment-templates', templateRoutes(services));
  api.route('/experiments', experimentRoutes(services));
  api.route(
    '/experiments',
    secondRaterRoutes(services, mode.kind === 'team' ? mode.team.publicUrl : undefined),
  );
  api.route('/rate', rateRoutes(services));
  api.route('/measurements', measurementRoutes(services));
  api.route('/pools', poolRoutes(services));
  api.route('/plans', planRoutes(services));
  api.route('/exercises', exerciseRoutes(services));
  api.route('/practice', practiceRoutes(services));
  api.route('/interruptions', interruptionRoutes(services));
  api.route('/reviews', reviewRoutes(services));
  api.route('/', progressRoutes(services));
  api.route('/', backupRoutes(services));
  // Hono consults only the top-level app's notFound, so the API ends with its own catch-all.
  api.all('*', (c) =>
    problemResponse(c, 404, 'not-found', 'Not found', `no API route ${c.req.method} ${c.req.path}`),
  );
  app.route('/api/v1', api);
  // Outside /api, so no sign-in: the feed's secret is the access.
  if (mode.kind === 'team') app.route('/feeds/coach', coachFeedRoutes(mode.team));
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
