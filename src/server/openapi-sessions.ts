import { idParam, type JsonSchema, json, ok, problem } from './openapi-parts.js';

const view = { 200: { description: 'The session as it is now', content: json('SessionView') } };

function step(summary: string, body?: string): JsonSchema {
  return {
    post: {
      summary,
      ...(body ? { requestBody: { required: true, content: json(body) } } : {}),
      responses: { ...view, 404: problem('No such session'), 409: problem('Not allowed in this state') },
    },
  };
}

/** Paths of focused sessions, decks and question statistics (OpenAPI 3.1). */
export function sessionPaths(): JsonSchema {
  return {
    '/sessions': {
      get: {
        summary: 'Session history, newest first',
        responses: ok('Sessions', 'SessionList'),
      },
      post: {
        summary: 'Start a focused session (one active session per user)',
        requestBody: { required: false, content: json('SessionStartInput') },
        responses: {
          201: { description: 'Started', content: json('SessionView') },
          409: problem('Another session is active; `errors[0].message` is its id'),
          422: problem('Invalid minutes, deck or areas'),
        },
      },
    },
    '/sessions/active': {
      get: {
        summary: 'The running, paused or unrated session, or null',
        responses: ok('The active session', 'ActiveSession'),
      },
    },
    '/sessions/{id}': {
      parameters: [idParam],
      get: { summary: 'One session', responses: { ...view, 404: problem('No such session') } },
    },
    '/sessions/{id}/pause': { parameters: [idParam], ...step('Pause the countdown') },
    '/sessions/{id}/resume': { parameters: [idParam], ...step('Resume the countdown') },
    '/sessions/{id}/next': { parameters: [idParam], ...step('Show the next question') },
    '/sessions/{id}/skip': { parameters: [idParam], ...step('Skip the question on screen') },
    '/sessions/{id}/back': { parameters: [idParam], ...step('Go back to the previous question') },
    '/sessions/{id}/add-time': {
      parameters: [idParam],
      ...step('Add minutes to the countdown', 'AddTimeInput'),
    },
    '/sessions/{id}/end': { parameters: [idParam], ...step('End the countdown and open the rating step') },
    '/sessions/{id}/complete': {
      parameters: [idParam],
      ...step('Close the session after rating', 'CompleteInput'),
    },
    '/sessions/{id}/ideas': {
      parameters: [idParam],
      post: {
        summary: 'Capture an idea under the question on screen',
        requestBody: { required: true, content: json('IdeaCreateInput') },
        responses: {
          201: { description: 'Captured', content: json('Idea') },
          409: problem('Session is over'),
          422: problem('Invalid idea'),
        },
      },
    },
    '/sessions/{id}/ideas/{ideaId}': {
      parameters: [idParam, { name: 'ideaId', in: 'path', required: true, schema: { type: 'string' } }],
      patch: {
        summary: 'Rate an idea of this session (value 1-5, effort)',
        requestBody: { required: true, content: json('IdeaUpdateInput') },
        responses: {
          200: { description: 'Rated', content: json('Idea') },
          409: problem('Not in the rating step'),
          422: problem('Not an idea of this session'),
        },
      },
    },
    '/decks': {
      get: {
        summary: 'Built-in and own question decks',
        responses: ok('Decks', 'DeckList'),
      },
      post: {
        summary: 'Create a deck',
        requestBody: { required: true, content: json('DeckInput') },
        responses: {
          201: { description: 'Created', content: json('Deck') },
          409: problem('Id taken'),
          422: problem('Invalid deck'),
        },
      },
    },
    '/decks/import': {
      post: {
        summary: 'Import a JSON or YAML deck file; problems carry file:line:column',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['text'],
                properties: {
                  fileName: { type: 'string' },
                  text: { type: 'string' },
                  replace: { type: 'boolean' },
                },
              },
            },
          },
        },
        responses: {
          201: { description: 'Imported', content: json('Deck') },
          422: problem('Invalid deck file'),
        },
      },
    },
    '/decks/{id}': {
      parameters: [idParam],
      get: {
        summary: 'One deck',
        responses: { 200: { description: 'The deck', content: json('Deck') }, 404: problem('No such deck') },
      },
      put: {
        summary: 'Replace an own deck',
        requestBody: { required: true, content: json('DeckInput') },
        responses: {
          200: { description: 'Updated', content: json('Deck') },
          409: problem('Built-in decks are read-only'),
        },
      },
      delete: {
        summary: 'Delete an own deck',
        responses: { 204: { description: 'Deleted' }, 409: problem('Built-in decks are read-only') },
      },
    },
    '/decks/{id}/export': {
      parameters: [
        idParam,
        { name: 'format', in: 'query', schema: { type: 'string', enum: ['yaml', 'json'], default: 'yaml' } },
      ],
      get: {
        summary: 'Export a deck file',
        responses: {
          200: { description: 'The deck file', content: { 'application/yaml': {}, 'application/json': {} } },
        },
      },
    },
    '/questions/stats': {
      get: {
        summary: 'Per question: times shown, ideas prompted, their mean value',
        responses: ok('Statistics', 'QuestionStatList'),
      },
    },
  };
}
