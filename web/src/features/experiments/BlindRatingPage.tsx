import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApiAction } from '../../shared/api/action.js';
import { errorMessage, hasStatus } from '../../shared/api/client.js';
import { experimentsApi } from './api.js';
import { experimentKeys, useShowExperiment } from './queries.js';
import { BlindRatingDone, BlindRatingItem, useRatingKeys } from './rating/BlindRatingItem.js';
import { RatingsList } from './rating/RatingsList.js';
import { TriageList } from './rating/TriageList.js';
import './experiments-rating.css';
import { plural } from '../../../../src/core/plural.js';

interface Problem {
  message: string;
  /** The experiment is not (or no longer) being rated: the way out is back to it. */
  wrongState: boolean;
}

function problemOf(error: unknown): Problem {
  return { message: errorMessage(error), wrongState: hasStatus(error, 409) };
}

/**
 * /experiments/:id/rate: first the blind triage (every counted idea, mixed, to set aside what is
 * not an improvement idea), then blind rating, one idea at a time in the server's shuffled order.
 * The page shows idea texts and nothing else about them: no phase, time, source or id. The opaque
 * tokens that identify items to the server live only in memory (state and the query cache), never
 * in the DOM. Ratings can be undone or changed until "Finish rating". Keys: 1–5 rate, L later,
 * U undo, Q back to the experiment — the same as in the terminal.
 */
export function BlindRatingPage({ id }: { id: string }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const showExperiment = useShowExperiment();
  // Tokens of ideas put off for later, in memory only; the server serves them last.
  const [later, setLater] = useState<string[]>([]);
  const queueKey = experimentKeys.rating(id);

  // A refresh (after a change event) asks with the ideas put off so far, so the order holds.
  const loaded = useQuery({
    queryKey: queueKey,
    queryFn: ({ signal }) => experimentsApi.ratingQueue(id, later, signal),
  });
  const queue = loaded.data ?? null;
  const next = queue?.next ?? null;

  /** Every change answers with the whole queue; it replaces the cached one. */
  const changing = useMutation({
    mutationFn: (change: Change) => send(id, change),
    onSuccess: async (answer, change) => {
      // A refresh still under way knows less than this answer.
      await client.cancelQueries({ queryKey: queueKey, exact: true });
      client.setQueryData(queueKey, answer);
      if ('rest' in change) setLater(change.rest);
    },
  });
  const { mutate, isPending: busy } = changing;

  const answer = useCallback(
    (value: number | null) => {
      if (!next || busy) return;
      const others = later.filter((t) => t !== next.token);
      if (value === null) mutate({ kind: 'later', rest: [...others, next.token] });
      else mutate({ kind: 'rate', token: next.token, value, rest: others });
    },
    [next, busy, later, mutate],
  );
  const undo = useCallback(() => {
    if (!busy && queue?.stage === 'rating' && queue.rated > 0) mutate({ kind: 'undo', rest: later });
  }, [busy, queue, later, mutate]);

  const finishing = useApiAction(
    (action: 'finishTriage' | 'report') => experimentsApi.experimentStep(id, action),
    {
      onSuccess: async (view, action) => {
        if (action === 'finishTriage') {
          await client.invalidateQueries({ queryKey: queueKey, exact: true });
          return;
        }
        await showExperiment(view);
        navigate(`/experiments/${id}`, { replace: true });
      },
    },
  );

  useRatingKeys(
    {
      rate: answer,
      letters: { l: () => answer(null), u: undo, q: () => navigate(`/experiments/${id}`) },
    },
    queue?.stage === 'rating',
  );

  // The latest failure: a change's, finishing's, or the first load's.
  const problem: Problem | null = changing.error
    ? problemOf(changing.error)
    : finishing.error
      ? { message: finishing.error, wrongState: false }
      : loaded.error && !queue
        ? problemOf(loaded.error)
        : null;

  const triage = queue?.stage === 'triage';

  return (
    <div className="page page--narrow blind">
      <header className="page-header">
        <p className="eyebrow">Experiment</p>
        <h1 className="page-title">{triage ? 'Sort out, blind' : 'Rate blind'}</h1>
        <p className="page-lede">
          {triage
            ? 'The ideas of both phases, mixed, without their phase. Set aside what is not an improvement idea — a task, a duplicate, a note. The rest are rated next.'
            : 'One idea at a time, in random order. How much would it help your research if you acted on it?'}
        </p>
      </header>

      {problem && (
        <div className="notice notice--error" role="alert">
          <span>{problem.message}</span>
          {problem.wrongState && (
            <Link to={`/experiments/${id}`} className="button button--small">
              Back to the experiment
            </Link>
          )}
        </div>
      )}

      {queue === null && !problem && (
        <div className="card blind__card" aria-busy="true">
          <div className="skeleton skeleton--line" />
          <div className="skeleton skeleton--short" />
        </div>
      )}

      {queue && triage && (
        <TriageList
          queue={queue}
          busy={busy || finishing.busy}
          onDecide={(token, reason) => mutate({ kind: 'triage', token, reason })}
          onFinish={() => {
            changing.reset();
            void finishing.run('finishTriage');
          }}
        />
      )}

      {queue && !triage && next && (
        <BlindRatingItem
          text={next.text}
          rated={queue.rated}
          total={queue.total}
          busy={busy}
          onRate={answer}
          onUndo={undo}
          onLater={() => answer(null)}
          hint={
            <>
              Any rating can still change until you finish.
              <span className="blind__keys">
                {' '}
                Keys: <kbd>1</kbd>–<kbd>5</kbd> rate, <kbd>L</kbd> later, <kbd>U</kbd> undo, <kbd>Q</kbd>{' '}
                back.
              </span>
            </>
          }
        />
      )}

      {queue && !triage && !next && (
        <BlindRatingDone
          title={
            queue.total === 0 ? 'There are no ideas to rate.' : `All ${plural(queue.total, 'idea')} rated.`
          }
          note={
            queue.total === 0
              ? 'Finish to see the report.'
              : 'Check your ratings below; any can still change. Only after you finish does the report show which idea came from where.'
          }
          finishLabel="Finish rating and see the report"
          finishDisabled={finishing.busy || busy}
          onFinish={() => {
            changing.reset();
            void finishing.run('report');
          }}
          rated={queue.rated}
          busy={busy}
          onUndo={undo}
        />
      )}

      {queue && !triage && queue.ratings.length > 0 && (
        <details className="blind__ratings" open={!next}>
          <summary>Your ratings so far ({queue.ratings.length})</summary>
          <RatingsList
            ratings={queue.ratings}
            busy={busy}
            onChange={(token, value) => mutate({ kind: 'rate', token, value, rest: later })}
          />
        </details>
      )}
    </div>
  );
}

/** One change to the rating queue, as the page asks for it. */
type Change =
  | { kind: 'triage'; token: string; reason: string | null }
  | { kind: 'rate'; token: string; value: number; rest: string[] }
  | { kind: 'later'; rest: string[] }
  | { kind: 'undo'; rest: string[] };

function send(id: string, change: Change) {
  switch (change.kind) {
    case 'triage':
      return experimentsApi.triage(id, change.token, change.reason);
    case 'rate':
      return experimentsApi.rateBlind(id, change.token, change.value, change.rest);
    case 'later':
      return experimentsApi.ratingQueue(id, change.rest);
    case 'undo':
      return experimentsApi.undoRating(id, change.rest);
  }
}
