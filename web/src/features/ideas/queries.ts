import { type InfiniteData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { Idea, IdeaPage as IdeaListPage } from '../../../../src/core/ideas.js';
import { errorMessage, hasStatus } from '../../shared/api/client.js';
import { type IdeaFilters, ideasApi } from './api.js';

/** Where ideas live in the query cache: the inbox's filtered lists and one entry per idea. */
export const ideaKeys = {
  all: ['ideas'] as const,
  lists: () => [...ideaKeys.all, 'list'] as const,
  list: (filters: IdeaFilters) => [...ideaKeys.lists(), filters] as const,
  detail: (id: string) => [...ideaKeys.all, 'detail', id] as const,
};

/** A list as the inbox caches it: the pages loaded so far, each after the previous one's cursor. */
export type IdeaListData = InfiniteData<IdeaListPage>;

export interface IdeaQuery {
  idea: Idea | null;
  /** The idea is not there (any more). */
  missing: boolean;
  /** Why it could not be loaded, in words; null while it loads or once it has. */
  error: string | null;
}

/** One idea. A failed background refresh keeps the last good answer on screen. */
export function useIdea(id: string): IdeaQuery {
  const query = useQuery({
    queryKey: ideaKeys.detail(id),
    queryFn: ({ signal }) => ideasApi.getIdea(id, signal),
  });
  const failed = query.error && query.data === undefined ? query.error : null;
  return {
    idea: query.data ?? null,
    missing: hasStatus(failed, 404),
    error: failed ? errorMessage(failed) : null,
  };
}

/** Changes every cached list page, leaving the lists that do not hold the idea as they are. */
function updateLists(client: QueryClient, change: (items: Idea[]) => Idea[]): void {
  client.setQueriesData<IdeaListData>({ queryKey: ideaKeys.lists() }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: change(page.items) })) } : data,
  );
}

/**
 * An idea as the server returned it after an edit: shown at once on its page and in the cached
 * lists; the lists refetch when next shown, since the edit may move the idea in or out of a filter.
 */
export function storeIdea(client: QueryClient, idea: Idea): void {
  client.setQueryData(ideaKeys.detail(idea.id), idea);
  updateLists(client, (items) => items.map((item) => (item.id === idea.id ? idea : item)));
  void client.invalidateQueries({ queryKey: ideaKeys.lists(), refetchType: 'none' });
}

/** A deleted idea leaves every cached list at once, and its own entry. */
export function forgetIdea(client: QueryClient, id: string): void {
  updateLists(client, (items) => items.filter((item) => item.id !== id));
  client.removeQueries({ queryKey: ideaKeys.detail(id), exact: true });
  void client.invalidateQueries({ queryKey: ideaKeys.lists(), refetchType: 'none' });
}

/** A captured idea goes first in one list (the one it belongs to). */
export function prependIdea(client: QueryClient, filters: IdeaFilters, idea: Idea): void {
  client.setQueryData<IdeaListData>(ideaKeys.list(filters), (data) => {
    const [first, ...rest] = data?.pages ?? [];
    if (!data || !first) return data;
    const items = [idea, ...first.items.filter((item) => item.id !== idea.id)];
    return { ...data, pages: [{ ...first, items }, ...rest] };
  });
}
