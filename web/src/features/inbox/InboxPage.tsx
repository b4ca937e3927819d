import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { Idea } from '../../../../src/core/ideas.js';
import { useAreas, useToast } from '../../shared/state.js';
import { forgetIdea, prependIdea } from '../ideas/queries.js';
import { StartSessionButton } from '../sessions/session.js';
import { CaptureBox } from './CaptureBox.js';
import { FilterBar } from './FilterBar.js';
import { isFiltered, matches } from './filters.js';
import { IdeaList } from './IdeaList.js';
import { useIdeaList } from './queries.js';
import { useInboxFilters } from './use-inbox-filters.js';
import './inbox-capture.css';
import './inbox-list.css';
import '../sessions/sessions-start.css';
import '../sessions/sessions-history.css';

export function InboxPage() {
  const client = useQueryClient();
  const { reload: reloadAreas } = useAreas();
  const { notify } = useToast();
  const searchBox = useRef<HTMLInputElement>(null);
  const inbox = useInboxFilters(searchBox);
  const { filters, clearFilters } = inbox;
  const list = useIdeaList(filters);
  const filtered = isFiltered(filters);

  // A capture shows at once (highlighted as new) where the filters allow; the areas' counts follow.
  const onCaptured = (idea: Idea) => {
    if (matches(idea, filters)) prependIdea(client, filters, idea);
    else notify('Saved. Your current filters hide it from the list.');
    if (idea.areaId) void reloadAreas();
  };

  const onUndone = (id: string) => {
    forgetIdea(client, id);
    void reloadAreas();
  };

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

        <FilterBar inbox={inbox} searchBox={searchBox} />

        <IdeaList list={list} filtered={filtered} search={filters.q} onClearFilters={clearFilters} />
      </section>
    </div>
  );
}
