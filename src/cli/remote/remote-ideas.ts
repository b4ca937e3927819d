import type { ExportFormat } from '../../core/export-formats.js';
import { parseBackup } from '../../services/backup.service.js';
import type { CliServices } from '../cli-services.js';
import type { ApiClient, Query } from './api-client.js';

/** A list route's `{ items }`, as the services return it: the array. */
export const items = <T>(answer: Promise<{ items: T[] }>): Promise<T[]> => answer.then((a) => a.items);

const id = (value: string) => encodeURIComponent(value);

/** Ideas, areas, short ids, imports, exports and decks over the API. */
export function remoteIdeaServices(
  api: ApiClient,
): Pick<CliServices, 'areas' | 'ideas' | 'ideaImport' | 'ids' | 'backup' | 'decks'> {
  return {
    areas: {
      list: (_actor, options = {}) =>
        items(
          api.json('GET', '/areas', { query: { includeArchived: options.includeArchived || undefined } }),
        ),
      get: (_actor, areaId) => api.json('GET', `/areas/${id(areaId)}`),
      resolve: async (_actor, name, purpose = 'file', field = 'area') =>
        (await api.json<{ id: string }>('GET', '/areas/resolve', { query: { name, purpose, field } })).id,
      create: (_actor, input) => api.json('POST', '/areas', { json: input }),
      update: (_actor, areaId, input) => api.json('PATCH', `/areas/${id(areaId)}`, { json: input }),
      remove: async (_actor, areaId) => {
        await api.call('DELETE', `/areas/${id(areaId)}`);
      },
    },
    ideas: {
      capture: (_actor, input) => api.json('POST', '/ideas', { json: input }),
      get: (_actor, ideaId) => api.json('GET', `/ideas/${id(ideaId)}`),
      resolveId: async (_actor, prefix) =>
        (await api.json<{ id: string }>('GET', '/ids', { query: { kind: 'idea', prefix } })).id,
      update: (_actor, ideaId, input) => api.json('PATCH', `/ideas/${id(ideaId)}`, { json: input }),
      remove: async (_actor, ideaId) => {
        await api.call('DELETE', `/ideas/${id(ideaId)}`);
      },
      list: (_actor, query) => api.json('GET', '/ideas', { query: query as Query }),
    },
    ideaImport: {
      import: (_actor, format, text, options) =>
        api.json('POST', '/ideas/import', { json: { format, text, dryRun: options.dryRun } }),
    },
    ids: {
      resolve: async (_actor, kind, prefix, field = 'id') =>
        (await api.json<{ id: string }>('GET', '/ids', { query: { kind, prefix, field } })).id,
    },
    backup: {
      export: async (_actor, format: ExportFormat) => {
        const answer = await api.call('GET', '/export', { query: { format } });
        const disposition = String(answer.headers['content-disposition'] ?? '');
        return {
          contentType: String(answer.headers['content-type'] ?? ''),
          filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? `whetstone.${format}`,
          body: answer.text,
        };
      },
      import: (_actor, raw, options = {}) =>
        api.json('POST', '/import', {
          query: { dryRun: options.dryRun || undefined },
          json: backupJson(raw),
        }),
    },
    decks: {
      list: (_actor) => items(api.json('GET', '/decks')),
      get: (_actor, deckId) => api.json('GET', `/decks/${id(deckId)}`),
      importFile: (_actor, text, fileName, options = {}) =>
        api.json('POST', '/decks/import', { json: { text, fileName, replace: options.replace === true } }),
      remove: async (_actor, deckId) => {
        await api.call('DELETE', `/decks/${id(deckId)}`);
      },
      export: (_actor, deckId, format) =>
        api.text('GET', `/decks/${id(deckId)}/export`, { query: { format } }),
    },
  };
}

/** A backup file's JSON; a file that is not JSON gets the local import's own message. */
function backupJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return parseBackup(raw);
  }
}
