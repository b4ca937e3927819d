import type { IdeaStatus } from '../../../../src/core/idea-status.js';
import type {
  Idea,
  IdeaCreateInput,
  IdeaPage,
  IdeaSource,
  IdeaUpdateInput,
} from '../../../../src/core/ideas.js';
import { at, request, searchQuery } from '../../shared/api/client.js';

export interface IdeaFilters {
  area?: string | undefined;
  status?: IdeaStatus | undefined;
  source?: IdeaSource | undefined;
  q?: string | undefined;
}

/** The request bodies are the core's input schemas, under the names the pages use. */
export type NewIdea = IdeaCreateInput;
export type IdeaPatch = IdeaUpdateInput;

export const ideasApi = {
  listIdeas(filters: IdeaFilters, cursor?: string | null, signal?: AbortSignal, limit = 30) {
    const params = { ...filters, q: filters.q?.trim(), limit, cursor: cursor ?? undefined };
    return request<IdeaPage>('GET', `/ideas${searchQuery(params)}`, undefined, signal);
  },
  getIdea(id: string, signal?: AbortSignal) {
    return request<Idea>('GET', `/ideas/${at(id)}`, undefined, signal);
  },
  createIdea(input: NewIdea) {
    return request<Idea>('POST', '/ideas', input);
  },
  updateIdea(id: string, patch: IdeaPatch) {
    return request<Idea>('PATCH', `/ideas/${at(id)}`, patch);
  },
  deleteIdea(id: string) {
    return request<void>('DELETE', `/ideas/${at(id)}`);
  },
};
