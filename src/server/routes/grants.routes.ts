import { type Context, Hono } from 'hono';
import type { AreaList } from '../../core/areas.js';
import type { ExperimentList } from '../../core/experiments/view.js';
import type { PlanList, PracticeList } from '../../core/plans/views.js';
import type { SessionList } from '../../core/sessions/view.js';
import type { CoachList, GrantAccessList, GrantList, GrantScope } from '../../core/team/grants.js';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody, queryObject } from '../request.js';
import { requestMeta } from '../team/client-address.js';
import type { TeamHttp } from '../team/team-http.js';

/**
 * Sharing with a coach. The researcher's side: `/coaches`, `/grants` and their access log. The
 * coach's side: `/shared-with-me` and `/shared/{researcherId}/…`, each read through the grant
 * (the services' policy decides; every read is logged for the researcher).
 */
export function grantRoutes(services: Services, team: TeamHttp): Hono<AppEnv> {
  const { grants } = team.services;
  const meta = (c: Context) => requestMeta(c, team.trustProxy);
  const view = (c: Context<AppEnv>, scope: GrantScope, objectId: string | null = null) =>
    grants.viewAs(actorOf(c), c.req.param('researcherId') ?? '', scope, objectId);

  return new Hono<AppEnv>()
    .get('/coaches', async (c) => c.json({ items: await grants.coaches(actorOf(c)) } satisfies CoachList))
    .get('/grants', async (c) => c.json({ items: await grants.given(actorOf(c)) } satisfies GrantList))
    .post('/grants', async (c) => c.json(await grants.create(actorOf(c), await jsonBody(c), meta(c)), 201))
    .get('/grants/access-log', async (c) =>
      c.json({ items: await grants.accessLog(actorOf(c)) } satisfies GrantAccessList),
    )
    .delete('/grants/:id', async (c) => c.json(await grants.revoke(actorOf(c), c.req.param('id'), meta(c))))
    .get('/shared-with-me', async (c) =>
      c.json({ items: await grants.sharedWithMe(actorOf(c)) } satisfies GrantList),
    )
    .get('/shared/:researcherId/ideas', async (c) => {
      const shared = await view(c, 'ideas');
      return c.json(await services.ideas.list(shared.actor, queryObject(c), shared.areaIds));
    })
    .get('/shared/:researcherId/areas', async (c) => {
      const shared = await view(c, 'ideas');
      const areas = await services.areas.list(shared.actor, { includeArchived: true });
      const within = shared.areaIds;
      return c.json({
        items: within ? areas.filter((area) => within.includes(area.id)) : areas,
      } satisfies AreaList);
    })
    .get('/shared/:researcherId/plans', async (c) =>
      c.json({ items: await services.plans.list((await view(c, 'plans')).actor) } satisfies PlanList),
    )
    .get('/shared/:researcherId/practice', async (c) =>
      c.json({ items: await services.practice.list((await view(c, 'plans')).actor) } satisfies PracticeList),
    )
    .get('/shared/:researcherId/sessions', async (c) =>
      c.json({
        items: await services.sessions.list((await view(c, 'sessions')).actor),
      } satisfies SessionList),
    )
    .get('/shared/:researcherId/experiments', async (c) =>
      c.json({
        items: await services.experiments.list((await view(c, 'experiments')).actor),
      } satisfies ExperimentList),
    )
    .get('/shared/:researcherId/experiments/:id/report', async (c) => {
      const id = c.req.param('id');
      return c.json(await services.experiments.report((await view(c, 'experiments', id)).actor, id));
    });
}
