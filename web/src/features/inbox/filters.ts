import type { IdeaStatus } from '../../../../src/core/idea-status.js';
import { IDEA_SOURCES, IDEA_STATUSES } from '../../../../src/core/idea-vocabulary.js';
import type { Idea, IdeaSource } from '../../../../src/core/ideas.js';
import type { IdeaFilters } from '../ideas/api.js';

/** The inbox's filters from its address (`?area=…&status=…&source=…&q=…`); unknown values are ignored. */
export function readFilters(params: URLSearchParams): IdeaFilters {
  const status = params.get('status');
  const source = params.get('source');
  return {
    area: params.get('area') || undefined,
    status: (IDEA_STATUSES as readonly string[]).includes(status ?? '') ? (status as IdeaStatus) : undefined,
    source: (IDEA_SOURCES as readonly string[]).includes(source ?? '') ? (source as IdeaSource) : undefined,
    q: params.get('q') || undefined,
  };
}

/** The address's search parameters for `filters`, leaving out the ones not set. */
export function filtersToSearch(filters: IdeaFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params;
}

export function isFiltered({ area, status, source, q }: IdeaFilters): boolean {
  return Boolean(area || status || source || q);
}

/** Would the list, as filtered now, contain this freshly captured idea? (Search is approximated.) */
export function matches(idea: Idea, filters: IdeaFilters): boolean {
  if (filters.area && idea.areaId !== filters.area) return false;
  if (filters.status && idea.status !== filters.status) return false;
  if (filters.source && idea.source !== filters.source) return false;
  if (filters.q) {
    const words = `${idea.text} ${idea.context ?? ''}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const terms = filters.q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    return terms.every((term) => words.some((word) => word.startsWith(term)));
  }
  return true;
}
