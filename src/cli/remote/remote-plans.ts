import { BUILTIN_SUB_SKILLS } from '../../core/plans/exercises.js';
import { PLAN_REVIEW_PROMPTS, WEEKLY_REVIEW_PROMPTS } from '../../core/plans/review.js';
import type { Settings } from '../../core/settings.js';
import type { CliServices } from '../cli-services.js';
import type { ApiClient } from './api-client.js';
import { items } from './remote-ideas.js';

const id = (value: string) => encodeURIComponent(value);

type Remote = Pick<
  CliServices,
  | 'plans'
  | 'practice'
  | 'exercises'
  | 'reviews'
  | 'dashboard'
  | 'calendar'
  | 'settings'
  | 'measurements'
  | 'pools'
>;

/** Plans, practice, reviews, progress, settings, measurements and pools over the API. */
export function remotePlanServices(api: ApiClient): Remote {
  const settings = (): Promise<Settings> => api.json('GET', '/settings');
  return {
    plans: {
      create: (_actor, input) => api.json('POST', '/plans', { json: input }),
      get: (_actor, planId) => api.json('GET', `/plans/${id(planId)}`),
      list: (_actor, filter = {}) => items(api.json('GET', '/plans', { query: { state: filter.state } })),
      review: (_actor, planId, input) => api.json('POST', `/plans/${id(planId)}/review`, { json: input }),
      resume: (_actor, planId, input) => api.json('POST', `/plans/${id(planId)}/resume`, { json: input }),
    },
    practice: {
      log: (_actor, input) => api.json('POST', '/practice', { json: input }),
      list: (_actor, filter = {}) => items(api.json('GET', '/practice', { query: { ...filter } })),
      remove: async (_actor, logId) => {
        await api.call('DELETE', `/practice/${id(logId)}`);
      },
      interrupt: (_actor, input) => api.json('POST', '/interruptions', { json: input ?? {} }),
      interruptions: (_actor, filter = {}) =>
        items(api.json('GET', '/interruptions', { query: { ...filter } })),
    },
    exercises: {
      // Built-in content of this same release.
      subSkills: () => [...BUILTIN_SUB_SKILLS],
      list: (_actor, filter = {}) => items(api.json('GET', '/exercises', { query: { ...filter } })),
      create: (_actor, input) => api.json('POST', '/exercises', { json: input }),
    },
    reviews: {
      prompts: () => ({ weekly: [...WEEKLY_REVIEW_PROMPTS], plan: [...PLAN_REVIEW_PROMPTS] }),
      week: (_actor, date) => api.json('GET', '/reviews/weekly', { query: { week: date } }),
      submitWeekly: (_actor, input) => api.json('POST', '/reviews/weekly', { json: input }),
      history: (_actor) => api.json('GET', '/reviews'),
    },
    dashboard: {
      get: (_actor, options = {}) => api.json('GET', '/dashboard', { query: { weeks: options.weeks } }),
    },
    calendar: {
      create: (_actor) => api.json('POST', '/calendar/feeds'),
      list: (_actor) => items(api.json('GET', '/calendar/feeds')),
      revoke: async (_actor, feedId) => {
        await api.call('DELETE', `/calendar/feeds/${id(feedId)}`);
      },
      export: (_actor) => api.text('GET', '/calendar.ics'),
    },
    settings: {
      get: (_actor) => settings(),
      timeZone: async (_actor) => (await settings()).timeZone,
      update: (_actor, input) => api.json('PUT', '/settings', { json: input }),
    },
    measurements: {
      log: (_actor, input) => api.json('POST', '/measurements', { json: input }),
      list: (_actor, filter = {}) =>
        items(api.json('GET', '/measurements', { query: { name: filter.name } })),
    },
    pools: {
      create: (_actor, input) => api.json('POST', '/pools', { json: input }),
      list: (_actor) => items(api.json('GET', '/pools')),
      importCards: (_actor, poolId, input) => api.json('POST', `/pools/${id(poolId)}/cards`, { json: input }),
      report: (_actor, poolId) => api.json('GET', `/pools/${id(poolId)}/report`),
    },
  };
}
