import * as z from 'zod/mini';
import {
  AreaLookupQuery,
  IdeaImportRequest,
  IdeaImportSummary,
  IdLookupQuery,
  ResolvedId,
} from '../core/lookups.js';
import { type JsonSchema, problem } from './openapi-parts.js';

/*
 * The look-ups `whet` needs on a team server (src/cli/remote/): full ids from prefixes, areas from
 * names, and importing ideas from a file's text; plus a token ending itself on `whet logout`.
 */

function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** A query schema's properties as OpenAPI query parameters. */
function queryParameters(schema: z.ZodMiniType): JsonSchema[] {
  const json = schemaOf(schema, 'input');
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

const resolved = (description: string) => ({
  200: { description, content: { 'application/json': { schema: schemaOf(ResolvedId) } } },
  404: problem('Nothing of yours has that id or name'),
  422: problem('Invalid, ambiguous or archived; `errors` says which'),
});

export function lookupPaths(): Record<string, JsonSchema> {
  return {
    '/ids': {
      get: {
        summary:
          'The full id behind a unique prefix (at least 4 characters) of an idea, plan, session, pool or experiment',
        parameters: queryParameters(IdLookupQuery),
        responses: resolved('The full id'),
      },
    },
    '/areas/resolve': {
      get: {
        summary: 'The id of the area an id or a name (in any case) means',
        parameters: queryParameters(AreaLookupQuery),
        responses: resolved("The area's id"),
      },
    },
    '/ideas/import': {
      post: {
        summary:
          'Add ideas from a CSV file or a Markdown list (a bad row stops it before anything is written)',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: schemaOf(IdeaImportRequest, 'input') } },
        },
        responses: {
          200: {
            description: 'What was (or, in a dry run, would be) created',
            content: { 'application/json': { schema: schemaOf(IdeaImportSummary) } },
          },
          400: problem('Malformed request (not JSON)'),
          413: problem('Request body too large'),
          422: problem('Invalid fields or rows; `errors` lists each one'),
        },
      },
    },
  };
}

/** Team mode only: personal access tokens exist there. */
export function tokenSelfPaths(): Record<string, JsonSchema> {
  return {
    '/account/tokens/current': {
      delete: {
        summary: 'Revoke the token this request is made with (`whet logout`)',
        responses: {
          204: { description: 'Revoked' },
          401: problem('Not signed in, or the token no longer works'),
          403: problem('A read-only token may change nothing'),
          409: problem('The request came without a token'),
        },
      },
    },
  };
}
