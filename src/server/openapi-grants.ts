import { idParam, type JsonSchema, json, ok, problem } from './openapi-parts.js';

const researcherParam = { name: 'researcherId', in: 'path', required: true, schema: { type: 'string' } };
const signedIn = { 401: problem('Not signed in, or the session ended') };
/** What a coach gets for a researcher who has not shared the scope — the same as for nobody. */
const notShared = { ...signedIn, 404: problem('No active grant of this scope to you (or no such person)') };

/** A shared, read-only listing of one scope; each read is written to the researcher's access log. */
const sharedRead = (summary: string, component: string, parameters: JsonSchema[] = []) => ({
  parameters: [researcherParam],
  get: {
    summary,
    ...(parameters.length ? { parameters } : {}),
    responses: { ...ok(summary, component), ...notShared },
  },
});

/** Sharing with a coach: the researcher's grants and access log, the coach's shared views (team only). */
export function grantPaths(): JsonSchema {
  return {
    '/coaches': {
      get: {
        summary: 'The coaches of your organisation you can share with',
        responses: { ...ok('Coaches', 'CoachList'), ...signedIn },
      },
    },
    '/grants': {
      get: {
        summary: 'What you share, with whom, and until when (revoked and expired grants too)',
        responses: { ...ok('Your grants', 'GrantList'), ...signedIn },
      },
      post: {
        summary: 'Let a coach read chosen scopes of your data, optionally until a date',
        requestBody: { required: true, content: json('GrantInput') },
        responses: {
          201: { description: 'Shared', content: json('Grant') },
          ...signedIn,
          422: problem('Invalid fields: not a coach, an unknown area, a date in the past'),
        },
      },
    },
    '/grants/{id}': {
      parameters: [idParam],
      delete: {
        summary: 'Revoke a grant; the coach loses access at once',
        responses: {
          ...ok('Revoked', 'Grant'),
          ...signedIn,
          404: problem('No such grant of yours'),
          409: problem('Revoked already'),
        },
      },
    },
    '/grants/access-log': {
      get: {
        summary: 'What coaches opened of yours, and when (the latest 200)',
        responses: { ...ok('Access log', 'GrantAccessList'), ...signedIn },
      },
    },
    '/shared-with-me': {
      get: {
        summary: 'As a coach: the researchers who share with you now, and what',
        responses: { ...ok('Active grants to you', 'GrantList'), ...signedIn },
      },
    },
    '/shared/{researcherId}/ideas': sharedRead('Their ideas (of the shared areas)', 'IdeaPage', [
      { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'q', in: 'query', required: false, schema: { type: 'string' } },
    ]),
    '/shared/{researcherId}/areas': sharedRead('The areas their shared ideas belong to', 'AreaList'),
    '/shared/{researcherId}/plans': sharedRead('Their plans', 'PlanList'),
    '/shared/{researcherId}/practice': sharedRead('Their practice blocks', 'PracticeList'),
    '/shared/{researcherId}/sessions': sharedRead('Their focused sessions', 'SessionList'),
    '/shared/{researcherId}/experiments': sharedRead('Their experiments', 'ExperimentList'),
    '/shared/{researcherId}/experiments/{id}/report': {
      parameters: [researcherParam, idParam],
      get: {
        summary: "One experiment's report",
        responses: { ...ok('The report', 'ExperimentReportView'), ...notShared },
      },
    },
  };
}
