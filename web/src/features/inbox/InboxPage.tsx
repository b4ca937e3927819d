import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { IdeaStatus } from '../../../../src/core/idea-status.js';
import { IDEA_SOURCES, IDEA_STATUSES, SOURCE_LABELS } from '../../../../src/core/idea-vocabulary.js';
import type { Idea, IdeaSource } from '../../../../src/core/ideas.js';
import { PAGE_SIZE_MAX } from '../../../../src/core/limits.js';
import { api, errorMessage, type IdeaFilters, isAbort } from '../../api.js';
import { useLiveChanges } from '../../shared/api/live.js';
import { STATUS_LABELS } from '../../shared/format.js';
import { INBOX_SEARCH_KEY, useAreas, useToast } from '../../shared/state.js';
import { StartSessionButton } from '../sessions/session.js';
import { CaptureBox } from './CaptureBox.js';
import { IdeaRow } from './IdeaRow.js';
import './inbox-capture.css';
import './inbox-list.css';
import '../sessions/sessions-start.css';
import '../sessions/sessions-history.css';

const PAGE_SIZE = 30;
const SEARCH_DELAY_MS = 250;

function readFilters(search: string): IdeaFilters {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const source = params.get('source');
  return {
    area: params.get('area') || undefined,
    status: (IDEA_STATUSES as readonly string[]).includes(status ?? '') ? (status as IdeaStatus) : undefined,
    source: (IDEA_SOURCES as readonly string[]).includes(source ?? '') ? (source as IdeaSource) : undefined,
    q: params.get('q') || undefined,
  };
}

function filtersToSearch(filters: IdeaFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Would the list, as filtered now, contain this freshly captured idea? (Search is approximated.) */
function matches(idea: Idea, filters: IdeaFilters): boolean {
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

interface ListState {
  items: Idea[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
}

export function InboxPage() {
  const { search } = useLocation();
  const navigate = useNavigate();
  const { areas, reload: reloadAreas } = useAreas();
  const { notify } = useToast();
  const filters = readFilters(search);
  const { area, status, source, q } = filters;
  const [query, setQuery] = useState(q ?? '');
  const [list, setList] = useState<ListState>({
    items: [],
    nextCursor: null,
    loading: true,
    loadingMore: false,
    error: null,
  });
  const [reloadKey, setReloadKey] = useState(0);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const moreController = useRef<AbortController | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const setFilters = useCallback(
    (next: IdeaFilters) => navigate(`/${filtersToSearch(next)}`, { replace: true }),
    [navigate],
  );

  // The idea view's back link returns to the same filters.
  useEffect(() => sessionStorage.setItem(INBOX_SEARCH_KEY, search), [search]);

  // Search is debounced: the URL (and so the request) follows the box after a short pause.
  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === (q ?? '')) return;
    const timer = window.setTimeout(
      () => setFilters({ area, status, source, q: trimmed || undefined }),
      SEARCH_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [query, q, area, status, source, setFilters]);

  // Back/forward to a different search puts its text in the box.
  useEffect(() => {
    if (document.activeElement !== searchRef.current) setQuery(q ?? '');
  }, [q]);

  useEffect(() => {
    const controller = new AbortController();
    void reloadKey; // "Try again" bumps it to repeat the same request.
    moreController.current?.abort();
    setList((s) => ({ ...s, loading: true, error: null }));
    api
      .listIdeas({ area, status, source, q }, null, controller.signal, PAGE_SIZE)
      .then((page) =>
        setList({
          items: page.items,
          nextCursor: page.nextCursor,
          loading: false,
          loadingMore: false,
          error: null,
        }),
      )
      .catch((error) => {
        if (!isAbort(error)) setList((s) => ({ ...s, loading: false, error: errorMessage(error) }));
      });
    return () => controller.abort();
  }, [area, status, source, q, reloadKey]);

  // Another tab or the terminal changed something: refresh what is on screen without a spinner,
  // keeping as many ideas as are loaded now, and highlight the ones that are new here.
  const onScreen = useRef<Idea[]>([]);
  onScreen.current = list.items;
  useLiveChanges(() => {
    const limit = Math.min(Math.max(onScreen.current.length, PAGE_SIZE), PAGE_SIZE_MAX);
    api
      .listIdeas({ area, status, source, q }, null, undefined, limit)
      .then((page) => {
        const known = new Set(onScreen.current.map((i) => i.id));
        const arrived = page.items.filter((i) => !known.has(i.id)).map((i) => i.id);
        if (arrived.length > 0) setFresh((set) => new Set([...set, ...arrived]));
        setList((s) => ({ ...s, items: page.items, nextCursor: page.nextCursor }));
      })
      .catch(() => {
        // A missed refresh is harmless; the next change event or a reload catches up.
      });
    void reloadAreas();
  });

  const loadMore = async () => {
    if (!list.nextCursor) return;
    const controller = new AbortController();
    moreController.current = controller;
    setList((s) => ({ ...s, loadingMore: true, error: null }));
    try {
      const page = await api.listIdeas(
        { area, status, source, q },
        list.nextCursor,
        controller.signal,
        PAGE_SIZE,
      );
      setList((s) => {
        const seen = new Set(s.items.map((i) => i.id));
        return {
          ...s,
          items: [...s.items, ...page.items.filter((i) => !seen.has(i.id))],
          nextCursor: page.nextCursor,
          loadingMore: false,
        };
      });
    } catch (error) {
      if (!isAbort(error)) setList((s) => ({ ...s, loadingMore: false, error: errorMessage(error) }));
    }
  };

  const onCaptured = (idea: Idea) => {
    if (matches(idea, filters)) {
      setList((s) => ({ ...s, items: [idea, ...s.items.filter((i) => i.id !== idea.id)] }));
      setFresh((set) => new Set(set).add(idea.id));
    } else {
      notify('Saved. Your current filters hide it from the list.');
    }
    if (idea.areaId) void reloadAreas();
  };

  const onUndone = (id: string) => {
    setList((s) => ({ ...s, items: s.items.filter((i) => i.id !== id) }));
    void reloadAreas();
  };

  const filtered = Boolean(area || status || source || q);
  const clearFilters = () => {
    setQuery('');
    setFilters({});
  };
  const filterAreas = (areas ?? []).filter((a) => !a.archivedAt || a.id === area);
  const archivedAreas = (areas ?? []).filter((a) => a.archivedAt && a.id !== area);

  return (
    <div className="page page--inbox">
      <header className="page-header">
        <h1 className="page-title">Inbox</h1>
        <p className="page-lede">Catch the small things that would make your research go better.</p>
      </header>

      <CaptureBox onCaptured={onCaptured} onUndone={onUndone} />

      <StartSessionButton />

      <section className="ideas" aria-labelledby="ideas-heading">
        <div className="ideas__header">
          <h2 id="ideas-heading" className="section-title">
            Ideas
          </h2>
          {filtered && (
            <button type="button" className="link-button" onClick={clearFilters}>
              Clear filters
            </button>
          )}
        </div>

        <search className="filters">
          <div className="search-field">
            <label htmlFor="idea-search" className="visually-hidden">
              Search ideas
            </label>
            <svg viewBox="0 0 16 16" aria-hidden="true" className="search-field__icon">
              <circle cx="7" cy="7" r="4.5" />
              <path d="M10.5 10.5 14 14" />
            </svg>
            <input
              id="idea-search"
              ref={searchRef}
              type="search"
              className="input search-field__input"
              placeholder="Search ideas"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && query) {
                  e.preventDefault();
                  setQuery('');
                }
              }}
              autoComplete="off"
            />
          </div>
          {/* Filter selects are named by title, so "Area" stays unique to the capture form. */}
          <select
            className="select select--filter"
            title="Filter by area"
            value={area ?? ''}
            onChange={(e) => setFilters({ ...filters, area: e.target.value || undefined })}
          >
            <option value="">All areas</option>
            {filterAreas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
                {a.archivedAt ? ' (archived)' : ''}
              </option>
            ))}
            {archivedAreas.length > 0 && (
              <optgroup label="Archived">
                {archivedAreas.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          <select
            className="select select--filter"
            title="Filter by status"
            value={status ?? ''}
            onChange={(e) =>
              setFilters({ ...filters, status: (e.target.value || undefined) as IdeaStatus | undefined })
            }
          >
            <option value="">Any status</option>
            {IDEA_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <select
            className="select select--filter"
            title="Filter by source"
            value={source ?? ''}
            onChange={(e) =>
              setFilters({ ...filters, source: (e.target.value || undefined) as IdeaSource | undefined })
            }
          >
            <option value="">Any source</option>
            {IDEA_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </select>
        </search>

        {list.error && (
          <div className="notice notice--error" role="alert">
            <p>Could not load ideas: {list.error}</p>
            <button type="button" className="button button--small" onClick={() => setReloadKey((k) => k + 1)}>
              Try again
            </button>
          </div>
        )}

        <div
          aria-busy={list.loading}
          className={list.loading && list.items.length > 0 ? 'list-wrap is-stale' : 'list-wrap'}
        >
          {list.items.length > 0 ? (
            <ul className="idea-list" aria-label="Ideas">
              {list.items.map((idea) => (
                <IdeaRow key={idea.id} idea={idea} fresh={fresh.has(idea.id)} />
              ))}
            </ul>
          ) : list.loading ? (
            <ul className="idea-list idea-list--skeleton" aria-hidden="true">
              {[0, 1, 2].map((n) => (
                <li key={n} className="idea-row idea-row--skeleton">
                  <span className="skeleton skeleton--line" />
                  <span className="skeleton skeleton--short" />
                </li>
              ))}
            </ul>
          ) : list.error ? null : filtered ? (
            <div className="empty">
              <p className="empty__title">No ideas match {q ? `“${q}”` : 'these filters'}.</p>
              <p className="empty__text">Try fewer words, another area or status.</p>
              <button type="button" className="button button--small" onClick={clearFilters}>
                Clear filters
              </button>
            </div>
          ) : (
            <div className="empty">
              <svg viewBox="0 0 48 48" aria-hidden="true" className="empty__art">
                <rect x="6" y="14" width="36" height="24" rx="6" />
                <path d="M14 24h20M14 30h12" />
                <path d="M30 6l4 4-4 4" />
              </svg>
              <p className="empty__title">No ideas yet — what slowed you down today?</p>
              <p className="empty__text">
                A flaky experiment, a paper you never finished, a meeting that ate the morning: write it down
                above. Small, concrete ideas are the ones you can try this week.
              </p>
            </div>
          )}
        </div>

        {list.nextCursor && (
          <div className="load-more">
            <button type="button" className="button" onClick={loadMore} disabled={list.loadingMore}>
              {list.loadingMore ? 'Loading…' : 'Load more ideas'}
            </button>
          </div>
        )}
        {!list.loading && !list.nextCursor && list.items.length > PAGE_SIZE && (
          <p className="list-end">That’s everything.</p>
        )}
      </section>
    </div>
  );
}
