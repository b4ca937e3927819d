import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApiAction } from '../../shared/api/action.js';
import { errorMessage, hasStatus } from '../../shared/api/client.js';
import { VALUE_HINTS } from '../../shared/format.js';
import { experimentsApi } from './api.js';
import { experimentKeys, useShowExperiment } from './queries.js';
import './experiments-rating.css';
import { plural } from '../../../../src/core/plural.js';

const VALUES = [1, 2, 3, 4, 5] as const;

interface Problem {
  message: string;
  /** The experiment is not (or no longer) being rated: the way out is back to it. */
  wrongState: boolean;
}

function problemOf(error: unknown): Problem {
  return { message: errorMessage(error), wrongState: hasStatus(error, 409) };
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * /experiments/:id/rate: blind rating, one idea at a time in the server's shuffled order. The
 * page shows the idea's text and nothing else about it: no phase, time, source or id. The opaque
 * token that identifies the item to the server lives only in memory (this component's state and
 * the query cache), never in the DOM.
 */
export function BlindRatingPage({ id }: { id: string }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const showExperiment = useShowExperiment();
  // Tokens of ideas put off for later, in memory only; the server serves them last.
  const [later, setLater] = useState<string[]>([]);
  const hintId = useId();
  const queueKey = experimentKeys.rating(id);

  // A refresh (after a change event) asks with the ideas put off so far, so the order holds.
  const loaded = useQuery({
    queryKey: queueKey,
    queryFn: ({ signal }) => experimentsApi.ratingQueue(id, later, signal),
  });
  const queue = loaded.data ?? null;
  const next = queue?.next ?? null;

  /**
   * Rates the idea on screen (a value) or puts it off until the others are rated (null); either
   * way the server answers with the queue's next idea, the put-off ones last.
   */
  const answering = useMutation({
    mutationFn: ({ token, value, rest }: { token: string; value: number | null; rest: string[] }) =>
      value === null
        ? experimentsApi.ratingQueue(id, rest)
        : experimentsApi.rateBlind(id, token, value, rest),
    onSuccess: async (answer, { rest }) => {
      // A refresh still under way knows less than this answer.
      await client.cancelQueries({ queryKey: queueKey, exact: true });
      client.setQueryData(queueKey, answer);
      setLater(rest);
    },
  });
  const { mutate, isPending: busy } = answering;

  const answer = useCallback(
    (value: number | null) => {
      if (!next || busy) return;
      const others = later.filter((t) => t !== next.token);
      mutate({ token: next.token, value, rest: value === null ? [...others, next.token] : others });
    },
    [next, busy, later, mutate],
  );

  const finishing = useApiAction(() => experimentsApi.experimentStep(id, 'report'), {
    onSuccess: async (view) => {
      await showExperiment(view);
      navigate(`/experiments/${id}`, { replace: true });
    },
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      if (event.key === 'l' || event.key === 'L') {
        event.preventDefault();
        answer(null);
        return;
      }
      const value = Number(event.key);
      if (!VALUES.includes(value as (typeof VALUES)[number])) return;
      event.preventDefault();
      answer(value);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [answer]);

  // The latest failure: an answer's, finishing's, or the first load's.
  const problem: Problem | null = answering.error
    ? problemOf(answering.error)
    : finishing.error
      ? { message: finishing.error, wrongState: false }
      : loaded.error && !queue
        ? problemOf(loaded.error)
        : null;

  const position = queue ? Math.min(queue.rated + 1, queue.total) : 0;

  return (
    <div className="page page--narrow blind">
      <header className="page-header">
        <p className="eyebrow">Experiment</p>
        <h1 className="page-title">Rate blind</h1>
        <p className="page-lede">
          One idea at a time, in random order. How much would it help your research if you acted on it?
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

      {queue && next && (
        <>
          <div className="blind__progress">
            <p className="blind__count">
              <strong>{position}</strong> of {queue.total}
            </p>
            <div
              className="blind__meter"
              role="progressbar"
              aria-label="Rated"
              aria-valuemin={0}
              aria-valuemax={queue.total}
              aria-valuenow={queue.rated}
              aria-valuetext={`${queue.rated} of ${queue.total} rated`}
            >
              <span style={{ width: `${(queue.rated / Math.max(1, queue.total)) * 100}%` }} />
            </div>
          </div>
          <div className="card blind__card">
            <p className="blind__text" aria-live="polite">
              {next.text}
            </p>
          </div>
          <fieldset className="blind__values" disabled={busy}>
            <legend className="blind__legend">Value</legend>
            <div className="blind__buttons">
              {VALUES.map((v) => (
                <button
                  key={v}
                  type="button"
                  className="blind__value"
                  onClick={() => answer(v)}
                  aria-describedby={`${hintId}-${v}`}
                >
                  <span className="blind__value-number">{v}</span>
                  <span id={`${hintId}-${v}`} className="blind__value-hint" aria-hidden="true">
                    {VALUE_HINTS[v]}
                  </span>
                </button>
              ))}
            </div>
          </fieldset>
          <div className="blind__footer">
            <p className="hint blind__hint">
              A rating cannot be changed afterwards, so take a moment, or come back to this idea later.
              <span className="blind__keys">
                {' '}
                Keys: <kbd>1</kbd>–<kbd>5</kbd> rate, <kbd>L</kbd> is “Later”.
              </span>
            </p>
            <button
              type="button"
              className="button button--small"
              onClick={() => answer(null)}
              disabled={busy || queue.total - queue.rated < 2}
              aria-keyshortcuts="L"
            >
              Later
            </button>
          </div>
        </>
      )}

      {queue && !next && (
        <div className="card blind__done" role="status">
          <p className="blind__done-title">
            {queue.total === 0 ? 'There were no ideas to rate.' : `All ${plural(queue.total, 'idea')} rated.`}
          </p>
          <p className="meta-text">Only now does the report show which idea came from where.</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              answering.reset();
              void finishing.run();
            }}
            disabled={finishing.busy}
          >
            See the report
          </button>
        </div>
      )}
    </div>
  );
}
