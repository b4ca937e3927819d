import type * as z from 'zod/mini';
import { Cadence } from '../core/plans/cadence.js';
import { DASHBOARD_WEEKS_DEFAULT, DASHBOARD_WEEKS_MAX } from '../core/plans/dashboard.js';
import { Exercise, ExerciseInput } from '../core/plans/exercises.js';
import { Interruption, InterruptionInput } from '../core/plans/interruptions.js';
import { Plan, PlanCreateInput, PlanUpdateInput } from '../core/plans/plan.js';
import { PracticeInput, PracticeLog } from '../core/plans/practice.js';
import { PlanReview, PlanReviewInput, WeeklyReview, WeeklyReviewInput } from '../core/plans/review.js';
import { PlanResumeInput } from '../core/plans/transitions.js';
import { SettingsInput } from '../core/settings.js';
import { idParam, type JsonSchema, json, object, problem, ref, wrapped } from './openapi-parts.js';

const arrayOf = (schema: JsonSchema) => ({ type: 'array', items: schema });
const nullable = (schema: JsonSchema) => ({ anyOf: [schema, { type: 'null' }] });
const string = { type: 'string' };
const integer = { type: 'integer' };
const number = { type: 'number' };
const localDate = { type: 'string', format: 'date', description: 'A local date in the user’s time zone' };
const instant = { type: 'string', format: 'date-time' };
const query = (name: string, description: string, schema: JsonSchema = string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const windowParams = [
  query('from', 'Only entries at or after this instant (ISO 8601 with offset)', instant),
  query('to', 'Only entries before this instant (ISO 8601 with offset)', instant),
];
const noPlan = { 404: problem('No such plan') };
const invalid = (what: string) => ({ 422: problem(`${what}; \`errors\` names each field`) });
const planView = { 200: { description: 'The plan as it is now', content: json('PlanView') } };
const refused = { 409: problem('Not allowed in the plan’s state; the message lists the allowed steps') };
const calendar = (description: string) => ({
  description,
  content: { 'text/calendar': { schema: { type: 'string', description: 'iCalendar (RFC 5545)' } } },
});

/**
 * The subscription feed lives at the site root (`/feeds/{token}.ics`), not under `/api/v1`: a
 * calendar app polls it without credentials. It is listed with its own `servers` entry and
 * described in the document's description (`FEED_DESCRIPTION`).
 */
export const FEED_PATH = '/feeds/{token}.ics';
export const FEED_DESCRIPTION =
  'Calendar subscriptions are served outside this API at `/feeds/{token}.ics` (site root, no ' +
  'credentials: the secret token is the access); a revoked or unknown token gets 404. ' +
  'Create and revoke them with `/calendar/feeds`.';

/** Paths of plans, practice, interruptions, reviews, the dashboard, settings and the calendar (OpenAPI 3.1). */
export function planPaths(): JsonSchema {
  return {
    '/plans': {
      get: {
        summary: 'Plans by review date; `ideaId` gives the plans that carry out one idea',
        parameters: [
          query('state', '`open` (active, reviewing, adjusted), `all`, or one state', {
            enum: ['open', 'all', 'active', 'reviewing', 'kept', 'adjusted', 'dropped'],
          }),
          query('ideaId', 'Only the plans linked to this idea'),
        ],
        responses: { ...wrapped('Plans', 'plans', arrayOf(ref('PlanView'))), ...invalid('Unknown state') },
      },
      post: {
        summary: 'Create a plan from one or more of your ideas; they become `planned`',
        requestBody: { required: true, content: json('PlanCreateInput') },
        responses: {
          201: {
            description: 'Created (Location: /api/v1/plans/{id})',
            content: json('PlanView'),
          },
          400: problem('Not JSON'),
          ...invalid(
            'Unreadable cadence, review date in the past (in your zone), an idea that is not yours (`ideaIds.N`), unknown or archived area, unknown exercise',
          ),
        },
      },
    },
    '/plans/{id}': {
      parameters: [idParam],
      get: { summary: 'One plan', responses: { ...planView, ...noPlan } },
      patch: {
        summary: 'Edit an open plan',
        requestBody: { required: true, content: json('PlanUpdateInput') },
        responses: {
          ...planView,
          ...noPlan,
          409: problem('The plan was kept or dropped and no longer changes'),
          ...invalid('Invalid fields'),
        },
      },
    },
    '/plans/{id}/steps': {
      parameters: [idParam],
      post: {
        summary: 'Start or cancel a review (decide with /review)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: object({ action: { enum: ['startReview', 'cancelReview'] } }, ['action']),
            },
          },
        },
        responses: { ...planView, ...noPlan, ...refused, ...invalid('Unknown action') },
      },
    },
    '/plans/{id}/review': {
      parameters: [idParam],
      post: {
        summary:
          'Review a plan: answers and keep, adjust or drop; adjust with `reviewOn` puts it straight back to work. Its ideas follow (adopted, trying, dropped when every plan is dropped)',
        requestBody: { required: true, content: json('PlanReviewInput') },
        responses: { ...planView, ...noPlan, ...refused, ...invalid('Invalid answers or changes') },
      },
    },
    '/plans/{id}/resume': {
      parameters: [idParam],
      post: {
        summary: 'Put an adjusted plan back to work with a new review date',
        requestBody: { required: true, content: json('PlanResumeInput') },
        responses: { ...planView, ...noPlan, ...refused, ...invalid('Invalid date or cadence') },
      },
    },
    '/exercises': {
      get: {
        summary: 'The exercise library: built-in exercises first, then your own',
        parameters: [query('subSkill', 'Only this sub-skill’s exercises')],
        responses: wrapped('Exercises', 'exercises', arrayOf(ref('Exercise'))),
      },
      post: {
        summary: 'Add your own exercise',
        requestBody: { required: true, content: json('ExerciseInput') },
        responses: { 201: { description: 'Added', content: json('Exercise') }, ...invalid('Invalid fields') },
      },
    },
    '/sub-skills': {
      get: {
        summary: 'Sub-skills with built-in exercises and the area each improves',
        responses: wrapped('Sub-skills', 'subSkills', arrayOf(ref('SubSkill'))),
      },
    },
    '/practice': {
      get: {
        summary: 'Practice blocks, oldest first',
        parameters: [query('planId', 'Only this plan’s blocks'), ...windowParams],
        responses: {
          ...wrapped('Practice blocks', 'practice', arrayOf(ref('PracticeLog'))),
          ...invalid('`from` or `to` is not an instant'),
        },
      },
      post: {
        summary: 'Log a practice block; the plan’s ideas become `trying` with its first block',
        requestBody: { required: true, content: json('PracticeInput') },
        responses: {
          201: { description: 'Logged', content: json('PracticeLog') },
          ...invalid(
            'Minutes outside 1..480, difficulty outside 1..5, a time in the future, unknown plan or exercise',
          ),
        },
      },
    },
    '/practice/{id}': {
      parameters: [idParam],
      delete: {
        summary: 'Delete a practice block',
        responses: { 204: { description: 'Deleted' }, 404: problem('No such block') },
      },
    },
    '/interruptions': {
      get: {
        summary: 'Interruptions, oldest first',
        parameters: windowParams,
        responses: {
          ...wrapped('Interruptions', 'interruptions', arrayOf(ref('Interruption'))),
          ...invalid('`from` or `to` is not an instant'),
        },
      },
      post: {
        summary: 'Log an interruption (the body is optional: now, no reason)',
        requestBody: { required: false, content: json('InterruptionInput') },
        responses: {
          201: { description: 'Logged', content: json('Interruption') },
          ...invalid('Invalid reason, duration or time'),
        },
      },
    },
    '/interruptions/{id}': {
      parameters: [idParam],
      delete: {
        summary: 'Delete an interruption',
        responses: { 204: { description: 'Deleted' }, 404: problem('No such interruption') },
      },
    },
    '/reviews': {
      get: {
        summary: 'The history of reviews, newest first: weekly ones and single-plan ones',
        responses: { 200: { description: 'Reviews', content: json('ReviewHistory') } },
      },
    },
    '/reviews/prompts': {
      get: {
        summary: 'The reflective questions of the weekly and the plan review',
        responses: { 200: { description: 'Prompts', content: json('ReviewPrompts') } },
      },
    },
    '/reviews/weekly': {
      get: {
        summary: 'A week ready to review: its numbers, the questions, and the review already written',
        parameters: [query('week', 'Any date in the week (default: this week in your zone)', localDate)],
        responses: {
          200: { description: 'The week', content: json('WeeklyReviewPage') },
          ...invalid('`week` is not a date'),
        },
      },
      post: {
        summary:
          'Store a week’s review and apply its decisions to the plans, all or nothing; doing a week again replaces its review',
        requestBody: { required: true, content: json('WeeklyReviewInput') },
        responses: {
          201: { description: 'Stored', content: json('WeeklyReview') },
          409: problem('A decision the plan’s state does not allow; nothing was written'),
          ...invalid(
            'Not a Monday, a future week, unknown prompt, or a plan that is not yours (`decisions.N.planId`)',
          ),
        },
      },
    },
    '/dashboard': {
      get: {
        summary:
          'Every dashboard series: ideas per week by source, follow-through, practice minutes per area per week vs cadence, streaks, interruption heat map, upcoming reviews',
        parameters: [
          query('weeks', `Weeks the weekly series cover (default ${DASHBOARD_WEEKS_DEFAULT})`, {
            type: 'integer',
            minimum: 1,
            maximum: DASHBOARD_WEEKS_MAX,
          }),
        ],
        responses: {
          200: { description: 'The dashboard', content: json('Dashboard') },
          ...invalid('`weeks` is not a whole number from 1 to 52'),
        },
      },
    },
    '/settings': {
      get: {
        summary: 'Your settings: the time zone local dates, weeks and streaks use',
        responses: { 200: { description: 'Settings', content: json('Settings') } },
      },
      put: {
        summary: 'Choose a time zone; `null` goes back to the zone of the machine Whetstone runs on',
        requestBody: { required: true, content: json('SettingsInput') },
        responses: {
          200: { description: 'Settings', content: json('Settings') },
          ...invalid('Not an IANA time zone'),
        },
      },
    },
    '/calendar.ics': {
      get: {
        summary: 'A one-off calendar file: practice blocks, review dates, experiment phase ends',
        responses: { 200: calendar('iCalendar, as an attachment') },
      },
    },
    '/calendar/feeds': {
      get: {
        summary: 'Your calendar subscriptions, newest first (tokens are never shown again)',
        responses: wrapped('Subscriptions', 'feeds', arrayOf(ref('CalendarFeed'))),
      },
      post: {
        summary: `A new private subscription URL; the token is shown this once, the feed is at \`${FEED_PATH}\` (site root)`,
        responses: { 201: { description: 'Created', content: json('CalendarFeedCreated') } },
      },
    },
    '/calendar/feeds/{id}': {
      parameters: [idParam],
      delete: {
        summary: 'Revoke a subscription: its URL answers 404 from now on',
        responses: { 204: { description: 'Revoked' }, 404: problem('No such live subscription of yours') },
      },
    },
    [FEED_PATH]: {
      servers: [{ url: '/', description: 'The site root: this path is outside /api/v1' }],
      parameters: [{ name: 'token', in: 'path', required: true, schema: string }],
      get: {
        summary: 'The subscription feed a calendar app polls; no credentials, the token is the access',
        responses: {
          200: calendar(
            'iCalendar: practice blocks (UTC times), all-day review dates, experiment phase ends',
          ),
          404: { description: 'Unknown or revoked token' },
        },
      },
    },
  };
}

const reviewPrompt = object({ id: string, text: string }, ['id', 'text']);
const streakRun = object({ days: integer, from: nullable(localDate), to: nullable(localDate) });
const bySource = { type: 'object', additionalProperties: integer, description: 'Ideas per source' };

/** Component schemas of those paths, generated from the core schemas where the core has one. */
export function planSchemas(
  schemaOf: (schema: z.ZodMiniType, io: 'input' | 'output') => JsonSchema,
): JsonSchema {
  return {
    Plan: schemaOf(Plan, 'output'),
    Cadence: schemaOf(Cadence, 'output'),
    PlanCreateInput: schemaOf(PlanCreateInput, 'input'),
    PlanUpdateInput: schemaOf(PlanUpdateInput, 'input'),
    PlanResumeInput: schemaOf(PlanResumeInput, 'input'),
    PlanReviewInput: schemaOf(PlanReviewInput, 'input'),
    PlanReview: schemaOf(PlanReview, 'output'),
    PlanView: {
      description:
        'A Plan with its cadence in words, exercise, linked ideas and their statuses, practice so far, whether its review is due, the allowed steps and its reviews',
      allOf: [
        ref('Plan'),
        object({
          cadenceText: nullable(string),
          exercise: nullable(ref('Exercise')),
          ideas: arrayOf(object({ id: string, text: string, status: string })),
          practice: object({ blocks: integer, minutes: integer, lastAt: nullable(instant) }),
          reviewDue: { type: 'boolean' },
          allowedActions: arrayOf(string),
          reviews: arrayOf(ref('PlanReview')),
        }),
      ],
    },
    Exercise: schemaOf(Exercise, 'output'),
    ExerciseInput: schemaOf(ExerciseInput, 'input'),
    SubSkill: object({ id: string, label: string, areaId: string }),
    PracticeLog: schemaOf(PracticeLog, 'output'),
    PracticeInput: schemaOf(PracticeInput, 'input'),
    Interruption: schemaOf(Interruption, 'output'),
    InterruptionInput: schemaOf(InterruptionInput, 'input'),
    ReviewPrompt: reviewPrompt,
    ReviewPrompts: object({ weekly: arrayOf(ref('ReviewPrompt')), plan: arrayOf(ref('ReviewPrompt')) }),
    WeeklyReviewInput: schemaOf(WeeklyReviewInput, 'input'),
    WeeklyReview: schemaOf(WeeklyReview, 'output'),
    ReviewHistory: object({ weekly: arrayOf(ref('WeeklyReview')), plans: arrayOf(ref('PlanReview')) }),
    WeekSummary: object({
      weekOf: localDate,
      weekEnd: localDate,
      timeZone: string,
      ideas: object({ total: integer, bySource }),
      practice: object({
        blocks: integer,
        minutes: integer,
        unplannedMinutes: integer,
        plans: arrayOf(
          object({
            planId: string,
            title: string,
            cadence: nullable(string),
            expectedBlocks: number,
            expectedMinutes: number,
            loggedBlocks: integer,
            loggedMinutes: integer,
            ratio: nullable(number),
          }),
        ),
      }),
      interruptions: object({ count: integer, minutes: integer }),
      plansDue: arrayOf(
        object({
          planId: string,
          title: string,
          state: string,
          reviewOn: localDate,
          overdue: { type: 'boolean' },
        }),
      ),
    }),
    WeeklyReviewPage: object({
      summary: ref('WeekSummary'),
      prompts: arrayOf(ref('ReviewPrompt')),
      review: nullable(ref('WeeklyReview')),
    }),
    Dashboard: object({
      today: localDate,
      timeZone: string,
      weeks: arrayOf(localDate),
      ideasPerWeek: arrayOf(object({ weekOf: localDate, total: integer, bySource })),
      followThrough: object({
        ideas: integer,
        withPlan: integer,
        adopted: integer,
        rate: { ...nullable(number), description: 'adopted / withPlan' },
        planRate: { ...nullable(number), description: 'withPlan / ideas' },
      }),
      practiceByArea: arrayOf(
        object({
          weekOf: localDate,
          minutes: integer,
          expectedMinutes: number,
          areas: arrayOf(object({ areaId: nullable(string), minutes: integer, expectedMinutes: number })),
        }),
      ),
      streaks: object({
        overall: object({ current: streakRun, longest: streakRun }),
        plans: arrayOf(object({ planId: string, title: string, current: streakRun, longest: streakRun })),
      }),
      heatMap: object({
        timeZone: string,
        counts: {
          description: '`counts[d][h]`: interruptions on weekday d (0 = Monday) in local hour h',
          ...arrayOf(arrayOf(integer)),
        },
        total: integer,
        max: integer,
      }),
      upcomingReviews: arrayOf(
        object({
          planId: string,
          title: string,
          state: string,
          reviewOn: localDate,
          daysLeft: integer,
          overdue: { type: 'boolean' },
        }),
      ),
    }),
    Settings: object({ timeZone: string, timeZoneSource: { enum: ['chosen', 'system'] } }),
    SettingsInput: schemaOf(SettingsInput, 'input'),
    CalendarFeed: object({ id: string, createdAt: instant, revokedAt: nullable(instant) }),
    CalendarFeedCreated: {
      allOf: [
        ref('CalendarFeed'),
        object({
          token: { type: 'string', description: 'The secret; shown only now' },
          path: { type: 'string', description: '`/feeds/{token}.ics`, relative to the site root' },
        }),
      ],
    },
  };
}
