import { Hono } from 'hono';
import type {
  CalendarFeedList,
  ExerciseList,
  InterruptionList,
  NewCalendarFeed,
  PlanList,
  PracticeList,
  SubSkillList,
} from '../../core/plans/views.js';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody, optionalJsonBody } from '../request.js';

/** `/plans`: improvement plans from ideas, their reviews and resumption. */
export function planRoutes(services: Services): Hono<AppEnv> {
  const { plans } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const ideaId = c.req.query('ideaId');
      const state = c.req.query('state');
      return c.json({
        items: ideaId
          ? await plans.forIdea(actorOf(c), ideaId)
          : await plans.list(actorOf(c), state ? { state } : {}),
      } satisfies PlanList);
    })
    .post('/', async (c) => {
      const plan = await plans.create(actorOf(c), await jsonBody(c));
      return c.json(plan, 201, { location: `/api/v1/plans/${plan.id}` });
    })
    .get('/:id', async (c) => c.json(await plans.get(actorOf(c), c.req.param('id'))))
    .patch('/:id', async (c) => c.json(await plans.update(actorOf(c), c.req.param('id'), await jsonBody(c))))
    .post('/:id/steps', async (c) =>
      c.json(await plans.step(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .post('/:id/review', async (c) =>
      c.json(await plans.review(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .post('/:id/resume', async (c) =>
      c.json(await plans.resume(actorOf(c), c.req.param('id'), await jsonBody(c))),
    );
}

/** `/exercises` and `/sub-skills`: the practice library, built-in and the user's own. */
export function exerciseRoutes(services: Services): Hono<AppEnv> {
  const { exercises } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const subSkill = c.req.query('subSkill');
      return c.json({
        items: await exercises.list(actorOf(c), subSkill ? { subSkill } : {}),
      } satisfies ExerciseList);
    })
    .post('/', async (c) => c.json(await exercises.create(actorOf(c), await jsonBody(c)), 201));
}

/** Time window filters shared by the logs: `?from=` and `?to=` instants. */
function window(from: string | undefined, to: string | undefined) {
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** `/practice` and `/interruptions`: logs written in seconds. */
export function practiceRoutes(services: Services): Hono<AppEnv> {
  const { practice } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const planId = c.req.query('planId');
      const filter = { ...window(c.req.query('from'), c.req.query('to')), ...(planId ? { planId } : {}) };
      return c.json({ items: await practice.list(actorOf(c), filter) } satisfies PracticeList);
    })
    .post('/', async (c) => c.json(await practice.log(actorOf(c), await jsonBody(c)), 201))
    .delete('/:id', async (c) => {
      await practice.remove(actorOf(c), c.req.param('id'));
      return c.body(null, 204);
    });
}

export function interruptionRoutes(services: Services): Hono<AppEnv> {
  const { practice } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) =>
      c.json({
        items: await practice.interruptions(actorOf(c), window(c.req.query('from'), c.req.query('to'))),
      } satisfies InterruptionList),
    )
    .post('/', async (c) => c.json(await practice.interrupt(actorOf(c), await optionalJsonBody(c)), 201))
    .delete('/:id', async (c) => {
      await practice.removeInterruption(actorOf(c), c.req.param('id'));
      return c.body(null, 204);
    });
}

/** `/reviews`: the weekly review (numbers, questions, decisions) and the history of reviews. */
export function reviewRoutes(services: Services): Hono<AppEnv> {
  const { reviews } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await reviews.history(actorOf(c))))
    .get('/prompts', (c) => c.json(reviews.prompts()))
    .get('/weekly', async (c) => c.json(await reviews.week(actorOf(c), c.req.query('week'))))
    .post('/weekly', async (c) => c.json(await reviews.submitWeekly(actorOf(c), await jsonBody(c)), 201));
}

/** `/dashboard`, `/settings` and `/calendar`: progress, the time zone, and calendar feeds. */
export function progressRoutes(services: Services): Hono<AppEnv> {
  const { dashboard, settings, calendar, exercises } = services;
  return new Hono<AppEnv>()
    .get('/dashboard', async (c) => {
      const weeks = c.req.query('weeks');
      return c.json(await dashboard.get(actorOf(c), weeks ? { weeks: Number(weeks) } : {}));
    })
    .get('/sub-skills', (c) => c.json({ items: exercises.subSkills() } satisfies SubSkillList))
    .get('/settings', async (c) => c.json(await settings.get(actorOf(c))))
    .put('/settings', async (c) => c.json(await settings.update(actorOf(c), await jsonBody(c))))
    .get('/calendar.ics', async (c) =>
      c.body(await calendar.export(actorOf(c)), 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="whetstone.ics"',
      }),
    )
    .get('/calendar/feeds', async (c) =>
      c.json({ items: await calendar.list(actorOf(c)) } satisfies CalendarFeedList),
    )
    .post('/calendar/feeds', async (c) => {
      const feed = await calendar.create(actorOf(c));
      return c.json({ ...feed, path: `/feeds/${feed.token}.ics` } satisfies NewCalendarFeed, 201);
    })
    .delete('/calendar/feeds/:id', async (c) => {
      await calendar.revoke(actorOf(c), c.req.param('id'));
      return c.body(null, 204);
    });
}

/** `/feeds/TOKEN.ics`: the subscription a calendar app polls; unknown or revoked tokens are 404. */
export function feedRoutes(services: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/:file', async (c) => {
    const match = /^([A-Za-z0-9_-]{16,64})\.ics$/.exec(c.req.param('file'));
    if (!match?.[1]) return c.text('not found', 404);
    return c.body(await services.calendar.feedFor(match[1]), 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, max-age=300',
    });
  });
}
