import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Idea } from '../../../../src/core/ideas.js';
import { errorMessage, hasStatus } from '../../shared/api/client.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { IdeaSummary } from '../inbox/IdeaRow.js';
import { AccessEnded } from './AccessEnded.js';
import { sharedApi, sharedKeys } from './api.js';
import { useSharedRead } from './queries.js';
import '../inbox/inbox-list.css';

/** A researcher's shared ideas, newest first, as the inbox shows them but without links or controls. */
export function SharedIdeas({ researcherId, name }: { researcherId: string; name: string }) {
  const client = useQueryClient();
  const areas = useSharedRead(sharedKeys.of(researcherId, 'areas'), (signal) =>
    sharedApi.areas(researcherId, signal),
  );
  const query = useInfiniteQuery({
    queryKey: sharedKeys.of(researcherId, 'ideas'),
    queryFn: ({ pageParam, signal }) => sharedApi.ideas(researcherId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const ended = hasStatus(query.error, 404) || areas.ended;
  useEffect(() => {
    if (ended) void client.invalidateQueries({ queryKey: sharedKeys.withMe });
  }, [ended, client]);

  if (ended) return <AccessEnded name={name} what="their ideas" />;
  if (query.isPending) return <LoadingCard lines={2} />;
  if (query.error && !query.data)
    return <ErrorNotice onRetry={() => void query.refetch()}>{errorMessage(query.error)}</ErrorNotice>;
  const ideas = query.data?.pages.flatMap((page) => page.items) ?? [];
  const nameOf = (id: string | null) => (id ? (areas.data?.find((a) => a.id === id)?.name ?? null) : null);
  if (ideas.length === 0) return <p className="meta-text">No ideas here yet.</p>;
  return (
    <>
      <ul className="idea-list" aria-label={`Ideas of ${name}`}>
        {ideas.map((idea) => (
          <SharedIdeaRow key={idea.id} idea={idea} area={nameOf(idea.areaId)} />
        ))}
      </ul>
      {query.hasNextPage && (
        <div className="load-more">
          <button
            type="button"
            className="button"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {query.isFetchingNextPage ? 'Loading…' : 'Load more ideas'}
          </button>
        </div>
      )}
    </>
  );
}

function SharedIdeaRow({ idea, area }: { idea: Idea; area: string | null }) {
  return (
    <li className="idea-row">
      <div className="idea-row__link shared-idea">
        <IdeaSummary idea={idea} area={area} />
        {idea.context && <span className="meta-text shared-idea__context">{idea.context}</span>}
      </div>
    </li>
  );
}
