import * as z from 'zod/mini';
import { EXPORT_FORMATS } from '../core/export-formats.js';
import { IdeaListQuery } from '../core/ideas.js';
import { coachFeedPaths } from './openapi-coach-feed.js';
import { coachPaths, publicBookingPaths } from './openapi-coaching.js';
import { componentSchemas } from './openapi-components.js';
import { conversationPaths, linkRoomPaths } from './openapi-conversations.js';
import { experimentPaths } from './openapi-experiments.js';
import { grantPaths } from './openapi-grants.js';
import { lookupPaths, tokenSelfPaths } from './openapi-lookups.js';
import { idParam, type JsonSchema, json, ok, ref } from './openapi-parts.js';
import { FEED_DESCRIPTION, planPaths } from './openapi-plans.js';
import { secondRaterPaths } from './openapi-second-rater.js';
import { sessionPaths } from './openapi-sessions.js';
import { identityPaths, teamPaths } from './openapi-team.js';

/** A core zod schema as JSON Schema 2020-12, the dialect OpenAPI 3.1 uses. */
function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      {
        description: PROBLEM_TEXT[s] ?? 'Error',
        content: { 'application/problem+json': { schema: ref('Problem') } },
      },
    ]),
  );
const PROBLEM_TEXT: Record<number, string> = {
  400: 'Malformed request (not JSON)',
  404: 'Not found',
  409: 'Conflict or illegal status change',
  413: 'Request body too large',
  422: 'Invalid fields; `errors` lists each one',
};

/** Query parameters of the idea list, derived from the same schema the server validates with. */
function listParameters(): JsonSchema[] {
  const properties = (schemaOf(IdeaListQuery, 'input').properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, schema]) => ({ name, in: 'query', required: false, schema }));
}

/** The OpenAPI 3.1 document served at `/api/v1/openapi.json`. */
export function openApiDocument(version: string, options: { team?: boolean } = {}): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Whetstone API',
      version,
      description: `Capture and manage research-improvement ideas. Errors are RFC 9457 problem details. ${FEED_DESCRIPTION}`,
    },
    servers: [{ url: '/api/v1' }],
    paths: {
      '/health': {
        get: {
          summary: 'Whether the server is up, its version and its database engine',
          responses: ok('Up', 'Health'),
        },
      },
      '/ideas': {
        get: {
          summary: 'List ideas, newest first, with filters, full-text search and cursor pages',
          parameters: listParameters(),
          responses: { 200: { description: 'A page of ideas', content: json('IdeaPage') }, ...problems(422) },
        },
        post: {
          summary: 'Capture an idea',
          requestBody: { required: true, content: json('IdeaCreateInput') },
          responses: { 201: { description: 'Captured', content: json('Idea') }, ...problems(400, 413, 422) },
        },
      },
      '/ideas/{id}': {
        parameters: [idParam],
        get: {
          summary: 'Read an idea',
          responses: { 200: { description: 'The idea', content: json('Idea') }, ...problems(404) },
        },
        patch: {
          summary: 'Edit, rate or change the status of an idea',
          requestBody: { required: true, content: json('IdeaUpdateInput') },
          responses: {
            200: { description: 'Updated', content: json('Idea') },
            ...problems(400, 404, 409, 422),
          },
        },
        delete: {
          summary: 'Delete an idea',
          responses: { 204: { description: 'Deleted' }, ...problems(404) },
        },
      },
      '/areas': {
        get: {
          summary: 'List areas with their idea counts',
          parameters: [{ name: 'includeArchived', in: 'query', schema: { type: 'boolean' } }],
          responses: ok('Areas', 'AreaList'),
        },
        post: {
          summary: 'Create an area',
          requestBody: { required: true, content: json('AreaCreateInput') },
          responses: { 201: { description: 'Created', content: json('Area') }, ...problems(400, 409, 422) },
        },
      },
      '/areas/{id}': {
        parameters: [idParam],
        get: {
          summary: 'Read an area',
          responses: { 200: { description: 'The area', content: json('Area') }, ...problems(404) },
        },
        patch: {
          summary: 'Rename, describe, archive or restore an area',
          requestBody: { required: true, content: json('AreaUpdateInput') },
          responses: {
            200: { description: 'Updated', content: json('Area') },
            ...problems(400, 404, 409, 422),
          },
        },
        delete: {
          summary: 'Delete an unused area (areas with ideas must be archived instead)',
          responses: { 204: { description: 'Deleted' }, ...problems(404, 409) },
        },
      },
      '/export': {
        get: {
          summary: 'Export everything: a JSON backup, Markdown or CSV',
          parameters: [
            {
              name: 'format',
              in: 'query',
              schema: { type: 'string', enum: [...EXPORT_FORMATS], default: 'json' },
            },
          ],
          responses: {
            200: {
              description: 'The export file (sent as an attachment)',
              content: { 'application/json': { schema: ref('Backup') }, 'text/markdown': {}, 'text/csv': {} },
            },
            ...problems(422),
          },
        },
      },
      '/events': {
        get: {
          summary: 'Server-sent events: `changed` whenever your data changed (also by the CLI)',
          responses: { 200: { description: 'An event stream', content: { 'text/event-stream': {} } } },
        },
      },
      ...identityPaths(),
      ...(options.team
        ? {
            ...teamPaths(),
            ...grantPaths(),
            ...tokenSelfPaths(),
            ...coachPaths(),
            ...coachFeedPaths(),
            ...publicBookingPaths(),
            ...conversationPaths(),
            ...linkRoomPaths(),
          }
        : {}),
      ...lookupPaths(),
      ...sessionPaths(),
      ...experimentPaths(),
      ...secondRaterPaths(),
      ...planPaths(),
      '/import': {
        post: {
          summary: 'Restore a JSON backup in one transaction (idempotent)',
          parameters: [
            {
              name: 'dryRun',
              in: 'query',
              description: 'true: do the same work, roll it back, and say what would change',
              schema: { type: 'boolean' },
            },
          ],
          requestBody: { required: true, content: json('Backup') },
          responses: {
            200: {
              description: 'What was created, updated or left unchanged',
              content: json('ImportSummary'),
            },
            ...problems(400, 409, 413, 422),
          },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
