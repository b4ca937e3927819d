import { IdeaRow } from './IdeaRow.js';
import { type IdeaList as IdeaListState, PAGE_SIZE } from './queries.js';

/** The list under the filters: its rows, or why there are none, and "Load more ideas". */
export function IdeaList({
  list,
  filtered,
  search,
  onClearFilters,
}: {
  list: IdeaListState;
  filtered: boolean;
  /** The search the list was asked for, to say what matched nothing. */
  search: string | undefined;
  onClearFilters: () => void;
}) {
  const { items, loading, loadingMore, hasMore, error, fresh } = list;
  return (
    <>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>Could not load ideas: {error}</p>
          <button type="button" className="button button--small" onClick={list.reload}>
            Try again
          </button>
        </div>
      )}

      <div aria-busy={loading} className={loading && items.length > 0 ? 'list-wrap is-stale' : 'list-wrap'}>
        {items.length > 0 ? (
          <ul className="idea-list" aria-label="Ideas">
            {items.map((idea) => (
              <IdeaRow key={idea.id} idea={idea} fresh={fresh.has(idea.id)} />
            ))}
          </ul>
        ) : loading ? (
          <ul className="idea-list idea-list--skeleton" aria-hidden="true">
            {[0, 1, 2].map((n) => (
              <li key={n} className="idea-row idea-row--skeleton">
                <span className="skeleton skeleton--line" />
                <span className="skeleton skeleton--short" />
              </li>
            ))}
          </ul>
        ) : error ? null : filtered ? (
          <div className="empty">
            <p className="empty__title">No ideas match {search ? `“${search}”` : 'these filters'}.</p>
            <p className="empty__text">Try fewer words, another area or status.</p>
            <button type="button" className="button button--small" onClick={onClearFilters}>
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

      {hasMore && (
        <div className="load-more">
          <button type="button" className="button" onClick={list.loadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more ideas'}
          </button>
        </div>
      )}
      {!loading && !hasMore && items.length > PAGE_SIZE && <p className="list-end">That’s everything.</p>}
    </>
  );
}
