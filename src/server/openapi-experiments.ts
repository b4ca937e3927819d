import { idParam, type JsonSchema, json, ok, problem } from './openapi-parts.js';

/** Ideas the rater put off, by token: the queue serves them after the others. */
const skipParam = {
  name: 'skip',
  in: 'query',
  description: 'Comma-separated tokens the rater put off; they come after the others',
  schema: { type: 'string' },
} as const;

const notFound = { 404: problem('No such experiment') };
const refused = { 409: problem('Not allowed in this state; the message says what is') };

/** Paths of self-experiments, measurements and pools (OpenAPI 3.1). */
export function experimentPaths(): JsonSchema {
  return {
    '/experiment-templates': {
      get: {
        summary: 'The experiments one can start',
        responses: ok('Templates', 'TemplateList'),
      },
    },
    '/experiments': {
      get: {
        summary: 'Experiments, newest first',
        responses: ok('Experiments', 'ExperimentList'),
      },
      post: {
        summary:
          'Create an experiment; `start: true` also locks the prediction and starts the first phase (one unfinished experiment per user)',
        requestBody: { required: true, content: json('StartExperimentInput') },
        responses: {
          201: { description: 'Created', content: json('ExperimentView') },
          409: problem('Another experiment is unfinished; `errors[0].message` is its id'),
          422: problem('Invalid prediction, template, phase lengths or overlapping phases'),
        },
      },
    },
    '/experiments/active': {
      get: {
        summary: 'The unfinished experiment, or null: what the status banner shows',
        responses: ok('The unfinished experiment', 'ActiveExperiment'),
      },
    },
    '/experiments/{id}': {
      parameters: [idParam],
      get: {
        summary: 'One experiment',
        responses: { ...ok('The experiment', 'ExperimentView'), ...notFound },
      },
    },
    '/experiments/{id}/prediction': {
      parameters: [idParam],
      put: {
        summary: 'Rewrite the prediction while it is not locked',
        requestBody: { required: true, content: json('PredictionInput') },
        responses: { ...ok('The experiment', 'ExperimentView'), ...notFound, ...refused },
      },
    },
    '/experiments/{id}/steps': {
      parameters: [idParam],
      post: {
        summary: 'Take a step: lock the prediction, start or end a phase, start rating, report, abandon',
        requestBody: { required: true, content: json('StepInput') },
        responses: { ...ok('The experiment', 'ExperimentView'), ...notFound, ...refused },
      },
    },
    '/experiments/{id}/rating': {
      parameters: [idParam, skipParam],
      get: {
        summary: 'Blind rating: progress and the next idea (text and an opaque token only)',
        responses: { ...ok('The rating queue', 'RatingQueueView'), ...notFound, ...refused },
      },
      post: {
        summary: 'Rate the idea behind a token from 1 to 5, or rate it again (until the rating is finished)',
        requestBody: { required: true, content: json('RatingInput') },
        responses: { ...ok('The rating queue', 'RatingQueueView'), ...notFound, ...refused },
      },
    },
    '/experiments/{id}/rating/undo': {
      parameters: [idParam, skipParam],
      post: {
        summary: 'Take back the most recent rating; that idea is served next',
        responses: { ...ok('The rating queue', 'RatingQueueView'), ...notFound, ...refused },
      },
    },
    '/experiments/{id}/triage': {
      parameters: [idParam],
      post: {
        summary: 'Blind triage: set the idea behind a token aside with a reason, or keep it (excluded: null)',
        requestBody: { required: true, content: json('TriageInput') },
        responses: { ...ok('The rating queue', 'RatingQueueView'), ...notFound, ...refused },
      },
    },
    '/experiments/{id}/report': {
      parameters: [idParam],
      get: {
        summary:
          'The report of a reported experiment (ideas: per phase and a verdict that checks the prediction in direction and size; measurement: a Mann-Whitney comparison)',
        responses: { ...ok('The report', 'ExperimentReportView'), ...notFound, ...refused },
      },
    },
    '/experiments/{id}/card': {
      parameters: [idParam, { name: 'texts', in: 'query', schema: { enum: ['0', '1'] } }],
      get: {
        summary: 'The anonymous result card (idea texts only with texts=1)',
        responses: { ...ok('The card, as an attachment', 'ResultCard'), ...notFound, ...refused },
      },
    },
    '/experiments/{id}/calendar.ics': {
      parameters: [idParam],
      get: {
        summary: 'The phases and the opening of the rating as calendar events',
        responses: { 200: { description: 'iCalendar', content: { 'text/calendar': {} } }, ...notFound },
      },
    },
    '/measurements': {
      get: {
        summary: 'Logged measurements, oldest first',
        parameters: [{ name: 'name', in: 'query', schema: { type: 'string' } }],
        responses: ok('Measurements', 'MeasurementList'),
      },
      post: {
        summary: 'Log one measurement (e.g. interruptions today: 4)',
        requestBody: { required: true, content: json('MeasurementInput') },
        responses: {
          201: { description: 'Logged', content: json('MeasurementEntry') },
          422: problem('Invalid name or value'),
        },
      },
    },
    '/pools': {
      get: {
        summary: 'Pools of result cards',
        responses: ok('Pools', 'PoolList'),
      },
      post: {
        summary: 'Create a pool for one template',
        requestBody: { required: true, content: json('PoolCreateInput') },
        responses: {
          201: { description: 'Created', content: json('PoolSummary') },
          422: problem('Invalid name or template'),
        },
      },
    },
    '/pools/{id}': {
      parameters: [idParam],
      get: {
        summary: 'One pool',
        responses: { ...ok('The pool', 'PoolSummary'), 404: problem('No such pool') },
      },
    },
    '/pools/{id}/cards': {
      parameters: [idParam],
      post: {
        summary: 'Import cards, all or nothing; an identical card counts once',
        requestBody: { required: true, content: json('CardImportInput') },
        responses: {
          ...ok('How many were added and how many were already in the pool', 'CardImportResult'),
          404: problem('No such pool'),
          422: problem('A card is tampered, impossible, or from an incompatible template; `errors` name it'),
        },
      },
    },
    '/pools/{id}/report': {
      parameters: [idParam],
      get: {
        summary:
          'Pooled analysis: focused-win share with a Wilson interval, sign test, Wilcoxon signed-rank (W+), median paired difference with a bootstrap interval; caveats instead of p-values when too few; a plain-language conclusion',
        responses: { ...ok('The report', 'PoolReport'), 404: problem('No such pool') },
      },
    },
  };
}
