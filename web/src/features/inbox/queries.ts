import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Idea } from '../../../../src/core/ideas.js';
import { errorMessage } from '../../shared/api/client.js';
import { type IdeaFilters, ideasApi } from '../ideas/api.js';
import { type IdeaListData, ideaKeys } from '../ideas/queries.js';

export const PAGE_SIZE = 30;

export interface IdeaList {
  /** The ideas loaded so far, newest first (the previous filters' while the new ones load). */
  items: Idea[];
  /** Loading the first page for these filters (what is shown belongs to the previous ones). */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  /** Why the list or its next page could not be loaded, in words. */
  error: string | null;
  /** Ideas that appeared in the list while it was on screen (another tab, the CLI, a capture). */
  fresh: ReadonlySet<string>;
  loadMore: () => void;
  reload: () => void;
}

/**
 * The inbox's list, a page at a time ("Load more ideas"). A refresh (the live event invalidates
 * it) loads as many pages as are on screen, so the list does not shrink back to one page.
 */
export function useIdeaList(filters: IdeaFilters): IdeaList {
  const query = useInfiniteQuery({
    queryKey: ideaKeys.list(filters),
    queryFn: ({ pageParam, signal }) => ideasApi.listIdeas(filters, pageParam, signal, PAGE_SIZE),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // Other filters' ideas stay on screen, marked stale, until these arrive.
    placeholderData: keepPreviousData,
  });
  const { data, error, isPlaceholderData, isPending, isFetchNextPageError, fetchNextPage, refetch } = query;
  const items = useMemo(() => flatten(data), [data]);
  const fresh = useArrivals(JSON.stringify(filters), data, isPlaceholderData);
  return {
    items,
    loading: isPending || isPlaceholderData,
    loadingMore: query.isFetchingNextPage,
    hasMore: query.hasNextPage,
    // A failed refresh keeps the list as it was, without an alarm (the next change catches up).
    error: error && (data === undefined || isFetchNextPageError) ? errorMessage(error) : null,
    fresh,
    loadMore: () => void fetchNextPage(),
    reload: () => void refetch(),
  };
}

/** The pages' ideas in order, each once (an idea captured meanwhile can show up on two pages). */
function flatten(data: IdeaListData | undefined): Idea[] {
  const seen = new Set<string>();
  const items: Idea[] = [];
  for (const page of data?.pages ?? []) {
    for (const idea of page.items) {
      if (seen.has(idea.id)) continue;
      seen.add(idea.id);
      items.push(idea);
    }
  }
  return items;
}

/**
 * Which ideas are new here: those a refresh or a capture put into the list on screen. A first
 * load, a change of filters and "Load more" (which adds a page) bring nothing new.
 */
function useArrivals(
  listKey: string,
  data: IdeaListData | undefined,
  isPlaceholder: boolean,
): ReadonlySet<string> {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const shown = useRef<{ key: string; pages: number; ids: Set<string> } | null>(null);
  useEffect(() => {
    if (!data || isPlaceholder) return;
    const ids = new Set(data.pages.flatMap((page) => page.items.map((idea) => idea.id)));
    const before = shown.current;
    shown.current = { key: listKey, pages: data.pages.length, ids };
    if (!before || before.key !== listKey || data.pages.length > before.pages) return;
    const arrived = [...ids].filter((id) => !before.ids.has(id));
    if (arrived.length > 0) setFresh((set) => new Set([...set, ...arrived]));
  }, [listKey, data, isPlaceholder]);
  return fresh;
}
