import { DASHBOARD_WEEKS_DEFAULT, DASHBOARD_WEEKS_MAX } from '../core/plans/dashboard.js';
import { idParam, type JsonSchema, json, object, ok, problem } from './openapi-parts.js';

const string = { type: 'string' };
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
        responses: { ...ok('Plans', 'PlanList'), ...invalid('Unknown state') },
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
        responses: ok('Exercises', 'ExerciseList'),
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
        responses: ok('Sub-skills', 'SubSkillList'),
      },
    },
    '/practice': {
      get: {
        summary: 'Practice blocks, oldest first',
        parameters: [query('planId', 'Only this plan’s blocks'), ...windowParams],
        responses: {
          ...ok('Practice blocks', 'PracticeList'),
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
          ...ok('Interruptions', 'InterruptionList'),
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
        responses: ok('Subscriptions', 'CalendarFeedList'),
      },
      post: {
        summary: `A new private subscription URL; the token is shown this once, the feed is at \`${FEED_PATH}\` (site root)`,
        responses: { 201: { description: 'Created', content: json('NewCalendarFeed') } },
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
