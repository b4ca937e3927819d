import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Idea } from '../../../../src/core/ideas.js';
import { IDEA_CONTEXT_MAX, PAGE_SIZE_MAX } from '../../../../src/core/limits.js';
import { useApiAction } from '../../shared/api/action.js';
import { useApiQuery } from '../../shared/api/query.js';
import { ideasApi } from '../ideas/api.js';
import { ideaKeys } from '../ideas/queries.js';
import { weekText } from '../plans/dates.js';

/** Ideas that came from a review, by their text: an answer already made an idea links to it. */
const REVIEW_IDEAS_KEY = [...ideaKeys.all, 'from-review'] as const;

function useReviewIdeas(): Map<string, string> | null {
  const { data } = useApiQuery(REVIEW_IDEAS_KEY, async (signal) => {
    const page = await ideasApi.listIdeas({ source: 'review' }, null, signal, PAGE_SIZE_MAX);
    return new Map(page.items.map((idea) => [idea.text.trim(), idea.id]));
  });
  return data;
}

/** Where the idea came from, for its context field: "Weekly review, week of 30 Nov – 6 Dec: …". */
function contextOf(weekOf: string, prompt: string): string {
  const context = `Weekly review, week of ${weekText(weekOf)}: ${prompt}`;
  return context.length <= IDEA_CONTEXT_MAX ? context : `${context.slice(0, IDEA_CONTEXT_MAX - 1)}…`;
}

/**
 * "Make this an idea" under a weekly-review answer: creates an idea with source "review" and the
 * answer as its text, then confirms it with a link. An answer that already is an idea links to it.
 */
export function AnswerToIdea({ text, weekOf, prompt }: { text: string; weekOf: string; prompt: string }) {
  const client = useQueryClient();
  const existing = useReviewIdeas();
  const [made, setMade] = useState<string | null>(null);
  const create = useApiAction(
    () => ideasApi.createIdea({ text: text.trim(), source: 'review', context: contextOf(weekOf, prompt) }),
    {
      onSuccess: (idea: Idea) => {
        setMade(idea.id);
        client.setQueryData<Map<string, string>>(REVIEW_IDEAS_KEY, (known) =>
          new Map(known ?? []).set(idea.text.trim(), idea.id),
        );
        void client.invalidateQueries({ queryKey: ideaKeys.lists(), refetchType: 'none' });
      },
    },
  );
  if (existing === null) return null;
  const ideaId = made ?? existing.get(text.trim());

  return (
    <div className="answer-idea">
      {/* Present from the start, so the confirmation is announced when it appears. */}
      <p className="answer-idea__done" role="status">
        {ideaId && (
          <>
            <svg viewBox="0 0 16 16" aria-hidden="true" className="check">
              <path d="M3.5 8.5l3 3 6-7" />
            </svg>
            {made ? 'Saved as an idea, from this review.' : 'Already an idea.'}{' '}
            <Link to={`/ideas/${ideaId}`}>Open the idea</Link>
          </>
        )}
      </p>
      {!ideaId && (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => void create.run()}
          disabled={create.busy}
        >
          {create.busy ? 'Saving…' : 'Make this an idea'}
        </button>
      )}
      {create.error && (
        <p className="form-error" role="alert">
          {create.error}
        </p>
      )}
    </div>
  );
}
