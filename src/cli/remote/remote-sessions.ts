import { BUILTIN_TEMPLATES } from '../../core/experiments/templates.js';
import type { ActiveExperiment } from '../../core/experiments/view.js';
import type { ActiveSession } from '../../core/sessions/view.js';
import type { CliServices } from '../cli-services.js';
import type { ApiClient } from './api-client.js';
import { items } from './remote-ideas.js';

const id = (value: string) => encodeURIComponent(value);
const skipQuery = (options: { skip?: readonly string[] } = {}) => ({
  skip: options.skip && options.skip.length > 0 ? options.skip.join(',') : undefined,
});

/** Focused sessions and self-experiments over the API. */
export function remoteSessionServices(api: ApiClient): Pick<CliServices, 'sessions' | 'experiments'> {
  const session = <T>(sessionId: string, step: string) =>
    api.json<T>('POST', `/sessions/${id(sessionId)}/${step}`);
  return {
    sessions: {
      start: (_actor, input) => api.json('POST', '/sessions', { json: input ?? {} }),
      active: async (_actor) =>
        (await api.json<ActiveSession>('GET', '/sessions/active')).session ?? undefined,
      get: (_actor, sessionId) => api.json('GET', `/sessions/${id(sessionId)}`),
      list: (_actor) => items(api.json('GET', '/sessions')),
      pause: (_actor, sessionId) => session(sessionId, 'pause'),
      resume: (_actor, sessionId) => session(sessionId, 'resume'),
      next: (_actor, sessionId, action = 'next') => session(sessionId, action),
      back: (_actor, sessionId) => session(sessionId, 'back'),
      addTime: (_actor, sessionId, input) =>
        api.json('POST', `/sessions/${id(sessionId)}/add-time`, { json: input }),
      end: (_actor, sessionId) => session(sessionId, 'end'),
      complete: (_actor, sessionId, input) =>
        api.json('POST', `/sessions/${id(sessionId)}/complete`, { json: input ?? {} }),
      capture: (_actor, sessionId, input) =>
        api.json('POST', `/sessions/${id(sessionId)}/ideas`, { json: input }),
      rate: (_actor, sessionId, ideaId, input) =>
        api.json('PATCH', `/sessions/${id(sessionId)}/ideas/${id(ideaId)}`, { json: input }),
      questionStats: (_actor) => items(api.json('GET', '/questions/stats')),
    },
    experiments: {
      // Built-in content of this same release; no need to ask the server.
      templates: () => BUILTIN_TEMPLATES,
      create: (_actor, input) => api.json('POST', '/experiments', { json: input }),
      get: (_actor, experimentId) => api.json('GET', `/experiments/${id(experimentId)}`),
      active: async (_actor) =>
        (await api.json<ActiveExperiment>('GET', '/experiments/active')).experiment ?? undefined,
      list: (_actor) => items(api.json('GET', '/experiments')),
      step: (_actor, experimentId, input) =>
        api.json('POST', `/experiments/${id(experimentId)}/steps`, { json: input }),
      ratingQueue: (_actor, experimentId, options) =>
        api.json('GET', `/experiments/${id(experimentId)}/rating`, { query: skipQuery(options) }),
      triage: (_actor, experimentId, input) =>
        api.json('POST', `/experiments/${id(experimentId)}/triage`, { json: input }),
      rate: (_actor, experimentId, input, options) =>
        api.json('POST', `/experiments/${id(experimentId)}/rating`, {
          query: skipQuery(options),
          json: input,
        }),
      undoRating: (_actor, experimentId, options) =>
        api.json('POST', `/experiments/${id(experimentId)}/rating/undo`, { query: skipQuery(options) }),
      report: (_actor, experimentId) => api.json('GET', `/experiments/${id(experimentId)}/report`),
      card: (_actor, experimentId, options) =>
        api.json('GET', `/experiments/${id(experimentId)}/card`, {
          query: { texts: options.shareTexts ? 'true' : undefined },
        }),
      calendar: (_actor, experimentId) => api.text('GET', `/experiments/${id(experimentId)}/calendar.ics`),
    },
  };
}
