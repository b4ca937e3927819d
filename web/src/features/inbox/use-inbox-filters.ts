import { useCallback, useEffect, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { INBOX_SEARCH_KEY } from '../../shared/state.js';
import type { IdeaFilters } from '../ideas/api.js';
import { filtersToSearch, readFilters } from './filters.js';

const SEARCH_DELAY_MS = 250;

export interface InboxFilters {
  /** The filters in the address, which the list follows. */
  filters: IdeaFilters;
  setFilters: (next: IdeaFilters) => void;
  /** What the search box shows; the address follows it after a short pause. */
  searchText: string;
  setSearchText: (text: string) => void;
  clearFilters: () => void;
}

/**
 * The inbox's filters live in the address, so a reload or a shared link keeps them. Search is
 * debounced: the address (and so the request) follows the box once typing pauses.
 */
export function useInboxFilters(searchBox: { readonly current: HTMLInputElement | null }): InboxFilters {
  const [params, setParams] = useSearchParams();
  const { search } = useLocation();
  const filters = readFilters(params);
  const { area, status, source, q } = filters;
  const [searchText, setSearchText] = useState(q ?? '');

  const setFilters = useCallback(
    (next: IdeaFilters) => setParams(filtersToSearch(next), { replace: true }),
    [setParams],
  );

  // The idea view's back link returns to the same filters.
  useEffect(() => sessionStorage.setItem(INBOX_SEARCH_KEY, search), [search]);

  useEffect(() => {
    const trimmed = searchText.trim();
    if (trimmed === (q ?? '')) return;
    const timer = window.setTimeout(
      () => setFilters({ area, status, source, q: trimmed || undefined }),
      SEARCH_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [searchText, q, area, status, source, setFilters]);

  // Back/forward to a different search puts its text in the box.
  useEffect(() => {
    if (document.activeElement !== searchBox.current) setSearchText(q ?? '');
  }, [q, searchBox]);

  const clearFilters = () => {
    setSearchText('');
    setFilters({});
  };

  return { filters, setFilters, searchText, setSearchText, clearFilters };
}
