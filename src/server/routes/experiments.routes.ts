import { Hono } from 'hono';
import type { ActiveExperiment, ExperimentList, TemplateList } from '../../core/experiments/view.js';
import type { MeasurementList } from '../../core/measurements.js';
import type { Services } from '../../services/app.js';
import { type AppEnv, actorOf } from '../actor.js';
import { jsonBody } from '../request.js';

/** `/experiments`: self-experiments from the locked prediction to the report and its result card. */
export function experimentRoutes(services: Services): Hono<AppEnv> {
  const { experiments } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json({ items: await experiments.list(actorOf(c)) } satisfies ExperimentList))
    .post('/', async (c) => {
      const experiment = await experiments.create(actorOf(c), await jsonBody(c));
      return c.json(experiment, 201, { location: `/api/v1/experiments/${experiment.id}` });
    })
    .get('/active', async (c) =>
      c.json({ experiment: (await experiments.active(actorOf(c))) ?? null } satisfies ActiveExperiment),
    )
    .get('/:id', async (c) => c.json(await experiments.get(actorOf(c), c.req.param('id'))))
    .put('/:id/prediction', async (c) =>
      c.json(await experiments.revisePrediction(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .post('/:id/steps', async (c) =>
      c.json(await experiments.step(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .get('/:id/rating', async (c) =>
      c.json(
        await experiments.ratingQueue(actorOf(c), c.req.param('id'), { skip: skipped(c.req.query('skip')) }),
      ),
    )
    .post('/:id/rating', async (c) => {
      const options = { skip: skipped(c.req.query('skip')) };
      return c.json(await experiments.rate(actorOf(c), c.req.param('id'), await jsonBody(c), options));
    })
    .post('/:id/rating/undo', async (c) => {
      const options = { skip: skipped(c.req.query('skip')) };
      return c.json(await experiments.undoRating(actorOf(c), c.req.param('id'), options));
    })
    .post('/:id/triage', async (c) =>
      c.json(await experiments.triage(actorOf(c), c.req.param('id'), await jsonBody(c))),
    )
    .get('/:id/report', async (c) => c.json(await experiments.report(actorOf(c), c.req.param('id'))))
    .get('/:id/card', async (c) => {
      const id = c.req.param('id');
      const texts = c.req.query('texts');
      const card = await experiments.card(actorOf(c), id, { shareTexts: texts === '1' || texts === 'true' });
      return c.body(`${JSON.stringify(card, null, 2)}\n`, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="whetstone-card-${id}.json"`,
      });
    })
    .get('/:id/calendar.ics', async (c) => {
      const id = c.req.param('id');
      return c.body(await experiments.calendar(actorOf(c), id), 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="whetstone-experiment-${id}.ics"`,
      });
    });
}

/** `?skip=TOKEN,TOKEN`: ideas the rater put off come last. */
const skipped = (query: string | undefined): string[] =>
  query
    ? query
        .split(',')
        .filter((t) => t.length > 0)
        .slice(0, 10_000)
    : [];

/** `/experiment-templates`: the experiments one can start. */
export function templateRoutes(services: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', (c) =>
    c.json({ items: [...services.experiments.templates()] } satisfies TemplateList),
  );
}

/** `/measurements`: named numbers logged for a baseline-vs-change experiment. */
export function measurementRoutes(services: Services): Hono<AppEnv> {
  const { measurements } = services;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const name = c.req.query('name');
      return c.json({
        items: await measurements.list(actorOf(c), name ? { name } : {}),
      } satisfies MeasurementList);
    })
    .post('/', async (c) => c.json(await measurements.log(actorOf(c), await jsonBody(c)), 201));
}
