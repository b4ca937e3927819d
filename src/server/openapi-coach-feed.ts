import { type JsonSchema, object, problem } from './openapi-parts.js';

const coachOnly = {
  401: problem('Not signed in, or the session ended'),
  403: problem('Only members with the coach role have a coach page'),
  404: problem('No coach profile yet: save it first'),
};

/**
 * The coach's private bookings feed: made and switched off under `/coach/feed`, served outside
 * /api/v1 at `/feeds/coach/{token}.ics` (its own `servers` entry), where the secret is the access.
 */
export function coachFeedPaths(): JsonSchema {
  return {
    '/coach/feed': {
      post: {
        summary:
          'A new private URL of your bookings as a calendar feed (shown once); any earlier URL stops working',
        responses: {
          201: {
            description: 'The absolute feed URL',
            content: {
              'application/json': {
                schema: object({ url: { type: 'string', format: 'uri' } }, ['url']),
              },
            },
          },
          ...coachOnly,
        },
      },
      delete: {
        summary: 'Switch the bookings feed off: its URL answers 404 from now on',
        responses: { 204: { description: 'Off' }, ...coachOnly },
      },
    },
    '/feeds/coach/{token}.ics': {
      servers: [{ url: '/', description: 'The site root: this path is outside /api/v1' }],
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        summary: 'A coach’s confirmed bookings from 30 days ago on; no credentials, the token is the access',
        responses: {
          200: {
            description: 'iCalendar: one event per booking, with its invitation’s UID and SEQUENCE',
            content: { 'text/calendar': { schema: { type: 'string', description: 'iCalendar (RFC 5545)' } } },
          },
          404: { description: 'Unknown or replaced token' },
        },
      },
    },
  };
}
