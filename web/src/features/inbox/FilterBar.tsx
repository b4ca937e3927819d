import type { RefObject } from 'react';
import type { IdeaStatus } from '../../../../src/core/idea-status.js';
import { IDEA_SOURCES, IDEA_STATUSES, SOURCE_LABELS } from '../../../../src/core/idea-vocabulary.js';
import type { IdeaSource } from '../../../../src/core/ideas.js';
import { STATUS_LABELS } from '../../shared/format.js';
import { useAreas } from '../../shared/state.js';
import type { InboxFilters } from './use-inbox-filters.js';

/** The search box and the area, status and source filters above the list. */
export function FilterBar({
  inbox,
  searchBox,
}: {
  inbox: InboxFilters;
  searchBox: RefObject<HTMLInputElement | null>;
}) {
  const { areas } = useAreas();
  const { filters, setFilters, searchText, setSearchText } = inbox;
  const { area, status, source } = filters;
  const filterAreas = (areas ?? []).filter((a) => !a.archivedAt || a.id === area);
  const archivedAreas = (areas ?? []).filter((a) => a.archivedAt && a.id !== area);

  return (
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
          ref={searchBox}
          type="search"
          className="input search-field__input"
          placeholder="Search ideas"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && searchText) {
              e.preventDefault();
              setSearchText('');
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
  );
}
