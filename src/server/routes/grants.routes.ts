import { type Context, Hono } from 'hono';
import type { ExperimentList } from '../../core/experiments/view.js';
import type { PlanList } from '../../core/plans/views.js';
import type { SessionList } from '../../core/sessions/view.js';
import type { GrantAccessList, GrantList } from '../../core/team/grants.js';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody, queryObject } from '../request.js';
import { requestMeta } from '../team/client-address.js';
import type { TeamHttp } from '../team/team-http.js';

/**
 * Sharing with a coach. The researcher's side: `/coaches`, `/grants` and their access log. The
 * coach's side: `/shared-with-me` and `/shared/{researcherId}/…`, read through the grant.
 */
export function grantRoutes(services: Services, team: TeamHttp): Hono<AppEnv> {
  const { grants } = team.services;
  const meta = (c: Context) => requestMeta(c, team.trustProxy);
  /** The shared researcher, as the grant lets the coach read them (404 without a grant). */
  const viewer = (c: Context<AppEnv>, scope: Parameters<typeof grants.viewAs>[2]) =>
    grants.viewAs(actorOf(c), c.req.param('researcherId') ?? '', scope);

  return new Hono<AppEnv>()
    .get('/coaches', async (c) => c.json({ items: await grants.coaches(actorOf(c)) }))
    .get('/grants', async (c) => c.json({ items: await grants.given(actorOf(c)) } satisfies GrantList))
    .post('/grants', async (c) => c.json(await grants.create(actorOf(c), await jsonBody(c), meta(c)), 201))
    .delete('/grants/:id', async (c) => c.json(await grants.revoke(actorOf(c), c.req.param('id'), meta(c))))
    .get('/grants/access-log', async (c) =>
      c.json({ items: await grants.accessLog(actorOf(c)) } satisfies GrantAccessList),
    )
    .get('/shared-with-me', async (c) =>
      c.json({ items: await grants.sharedWithMe(actorOf(c)) } satisfies GrantList),
    )
    .get('/shared/:researcherId/ideas', async (c) =>
      c.json(await services.ideas.list(await viewer(c, 'ideas'), queryObject(c))),
    )
    .get('/shared/:researcherId/plans', async (c) =>
      c.json({ items: await services.plans.list(await viewer(c, 'plans'), {}) } satisfies PlanList),
    )
    .get('/shared/:researcherId/sessions', async (c) =>
      c.json({ items: await services.sessions.list(await viewer(c, 'sessions')) } satisfies SessionList),
    )
    .get('/shared/:researcherId/experiments', async (c) =>
      c.json({
        items: await services.experiments.list(await viewer(c, 'experiments')),
      } satisfies ExperimentList),
    )
    .get('/shared/:researcherId/experiments/:id/report', async (c) =>
      c.json(await services.experiments.report(await viewer(c, 'experiments'), c.req.param('id'))),
    );
}
