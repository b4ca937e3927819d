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
import type { Actor } from '../../services/context.js';
import { jsonBody, optionalJsonBody } from '../request.js';

/** `/plans`: improvement plans from ideas, their reviews and resumption. */
export function planRoutes(services: Services, actor: Actor): Hono {
  const { plans } = services;
  return new Hono()
    .get('/', async (c) => {
      const ideaId = c.req.query('ideaId');
      const state = c.req.query('state');
      return c.json({
        items: ideaId ? await plans.forIdea(actor, ideaId) : await plans.list(actor, state ? { state } : {}),
      } satisfies PlanList);
    })
    .post('/', async (c) => {
      const plan = await plans.create(actor, await jsonBody(c));
      return c.json(plan, 201, { location: `/api/v1/plans/${plan.id}` });
    })
    .get('/:id', async (c) => c.json(await plans.get(actor, c.req.param('id'))))
    .patch('/:id', async (c) => c.json(await plans.update(actor, c.req.param('id'), await jsonBody(c))))
    .post('/:id/steps', async (c) => c.json(await plans.step(actor, c.req.param('id'), await jsonBody(c))))
    .post('/:id/review', async (c) => c.json(await plans.review(actor, c.req.param('id'), await jsonBody(c))))
    .post('/:id/resume', async (c) =>
      c.json(await plans.resume(actor, c.req.param('id'), await jsonBody(c))),
    );
}

/** `/exercises` and `/sub-skills`: the practice library, built-in and the user's own. */
export function exerciseRoutes(services: Services, actor: Actor): Hono {
  const { exercises } = services;
  return new Hono()
    .get('/', async (c) => {
      const subSkill = c.req.query('subSkill');
      return c.json({
        items: await exercises.list(actor, subSkill ? { subSkill } : {}),
      } satisfies ExerciseList);
    })
    .post('/', async (c) => c.json(await exercises.create(actor, await jsonBody(c)), 201));
}

/** Time window filters shared by the logs: `?from=` and `?to=` instants. */
function window(from: string | undefined, to: string | undefined) {
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** `/practice` and `/interruptions`: logs written in seconds. */
export function practiceRoutes(services: Services, actor: Actor): Hono {
  const { practice } = services;
  return new Hono()
    .get('/', async (c) => {
      const planId = c.req.query('planId');
      const filter = { ...window(c.req.query('from'), c.req.query('to')), ...(planId ? { planId } : {}) };
      return c.json({ items: await practice.list(actor, filter) } satisfies PracticeList);
    })
    .post('/', async (c) => c.json(await practice.log(actor, await jsonBody(c)), 201))
    .delete('/:id', async (c) => {
      await practice.remove(actor, c.req.param('id'));
      return c.body(null, 204);
    });
}

export function interruptionRoutes(services: Services, actor: Actor): Hono {
  const { practice } = services;
  return new Hono()
    .get('/', async (c) =>
      c.json({
        items: await practice.interruptions(actor, window(c.req.query('from'), c.req.query('to'))),
      } satisfies InterruptionList),
    )
    .post('/', async (c) => c.json(await practice.interrupt(actor, await optionalJsonBody(c)), 201))
    .delete('/:id', async (c) => {
      await practice.removeInterruption(actor, c.req.param('id'));
      return c.body(null, 204);
    });
}

/** `/reviews`: the weekly review (numbers, questions, decisions) and the history of reviews. */
export function reviewRoutes(services: Services, actor: Actor): Hono {
  const { reviews } = services;
  return new Hono()
    .get('/', async (c) => c.json(await reviews.history(actor)))
    .get('/prompts', (c) => c.json(reviews.prompts()))
    .get('/weekly', async (c) => c.json(await reviews.week(actor, c.req.query('week'))))
    .post('/weekly', async (c) => c.json(await reviews.submitWeekly(actor, await jsonBody(c)), 201));
}

/** `/dashboard`, `/settings` and `/calendar`: progress, the time zone, and calendar feeds. */
export function progressRoutes(services: Services, actor: Actor): Hono {
  const { dashboard, settings, calendar, exercises } = services;
  return new Hono()
    .get('/dashboard', async (c) => {
      const weeks = c.req.query('weeks');
      return c.json(await dashboard.get(actor, weeks ? { weeks: Number(weeks) } : {}));
    })
    .get('/sub-skills', (c) => c.json({ items: exercises.subSkills() } satisfies SubSkillList))
    .get('/settings', async (c) => c.json(await settings.get(actor)))
    .put('/settings', async (c) => c.json(await settings.update(actor, await jsonBody(c))))
    .get('/calendar.ics', async (c) =>
      c.body(await calendar.export(actor), 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="whetstone.ics"',
      }),
    )
    .get('/calendar/feeds', async (c) =>
      c.json({ items: await calendar.list(actor) } satisfies CalendarFeedList),
    )
    .post('/calendar/feeds', async (c) => {
      const feed = await calendar.create(actor);
      return c.json({ ...feed, path: `/feeds/${feed.token}.ics` } satisfies NewCalendarFeed, 201);
    })
    .delete('/calendar/feeds/:id', async (c) => {
      await calendar.revoke(actor, c.req.param('id'));
      return c.body(null, 204);
    });
}

/** `/feeds/TOKEN.ics`: the subscription a calendar app polls; unknown or revoked tokens are 404. */
export function feedRoutes(services: Services): Hono {
  return new Hono().get('/:file', async (c) => {
    const match = /^([A-Za-z0-9_-]{16,64})\.ics$/.exec(c.req.param('file'));
    if (!match?.[1]) return c.text('not found', 404);
    return c.body(await services.calendar.feedFor(match[1]), 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, max-age=300',
    });
  });
}
