import * as z from 'zod/mini';
import { Area, AreaCreateInput, AreaUpdateInput } from '../core/areas.js';
import { Backup, ImportSummary } from '../core/backup.js';
import { EXPORT_FORMATS } from '../core/export-formats.js';
import { Idea, IdeaCreateInput, IdeaListQuery, IdeaPage, IdeaUpdateInput } from '../core/ideas.js';
import { experimentPaths, experimentSchemas } from './openapi-experiments.js';
import { idParam, type JsonSchema, json, ref } from './openapi-parts.js';
import { FEED_DESCRIPTION, planPaths, planSchemas } from './openapi-plans.js';
import { sessionPaths, sessionSchemas } from './openapi-sessions.js';

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
export function openApiDocument(version: string): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Whetstone API',
      version,
      description: `Capture and manage research-improvement ideas. Errors are RFC 9457 problem details. ${FEED_DESCRIPTION}`,
    },
    servers: [{ url: '/api/v1' }],
    paths: {
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
          responses: {
            200: {
              description: 'Areas',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { items: { type: 'array', items: ref('Area') } } },
                },
              },
            },
          },
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
      ...sessionPaths(),
      ...experimentPaths(),
      ...planPaths(),
      '/import': {
        post: {
          summary: 'Restore a JSON backup in one transaction (idempotent)',
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
    components: {
      schemas: {
        Idea: schemaOf(Idea, 'output'),
        IdeaPage: schemaOf(IdeaPage, 'output'),
        IdeaCreateInput: schemaOf(IdeaCreateInput, 'input'),
        IdeaUpdateInput: schemaOf(IdeaUpdateInput, 'input'),
        Area: schemaOf(Area, 'output'),
        AreaCreateInput: schemaOf(AreaCreateInput, 'input'),
        AreaUpdateInput: schemaOf(AreaUpdateInput, 'input'),
        Backup: schemaOf(Backup, 'input'),
        ImportSummary: schemaOf(ImportSummary, 'output'),
        ...sessionSchemas(schemaOf),
        ...experimentSchemas(schemaOf),
        ...planSchemas(schemaOf),
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { field: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
