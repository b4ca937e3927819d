import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SecondRaterQueueView } from '../../../../src/core/experiments/second-rater.js';
import { plural } from '../../../../src/core/plural.js';
import { errorMessage, hasStatus } from '../../shared/api/client.js';
import { BlindRatingDone, BlindRatingItem, useRatingKeys } from '../experiments/rating/BlindRatingItem.js';
import { secondRaterApi } from './api.js';
import '../experiments/experiments-rating.css';

type Change = { kind: 'rate'; item: string; value: number } | { kind: 'undo' } | { kind: 'finish' };

function send(token: string, change: Change): Promise<SecondRaterQueueView> {
  if (change.kind === 'rate') return secondRaterApi.rate(token, change.item, change.value);
  return change.kind === 'undo' ? secondRaterApi.undo(token) : secondRaterApi.finish(token);
}

/**
 * /rate/:token: a second rater rates a researcher's idea texts blind, one at a time — nothing but
 * the text is shown. Keys 1–5 rate and U undoes, as on the researcher's own rating page. A
 * withdrawn or unknown link gets a page that says so.
 */
export function PublicRatingPage({ token }: { token: string }) {
  const client = useQueryClient();
  const key = ['second-rater-queue', token] as const;
  const loaded = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => secondRaterApi.queue(token, signal),
    retry: (count, error) => !hasStatus(error, 404) && count < 2,
  });
  const changing = useMutation({
    mutationFn: (change: Change) => send(token, change),
    onSuccess: (answer) => client.setQueryData(key, answer),
  });
  const queue = loaded.data ?? null;
  const next = queue?.next ?? null;
  const { mutate, isPending: busy } = changing;
  const rate = useCallback(
    (value: number) => {
      if (next && !busy) mutate({ kind: 'rate', item: next.token, value });
    },
    [next, busy, mutate],
  );
  const undo = useCallback(() => {
    if (!busy && queue && !queue.finished && queue.rated > 0) mutate({ kind: 'undo' });
  }, [busy, queue, mutate]);

  useRatingKeys({ rate, letters: { u: undo } });

  const gone = hasStatus(loaded.error, 404) || hasStatus(changing.error, 404);
  if (gone)
    return (
      <div className="page page--narrow blind">
        <header className="page-header">
          <h1 className="page-title">This link no longer works</h1>
          <p className="page-lede">
            It was withdrawn or replaced by the person who sent it, or it was mistyped. Ask them for a new
            link if they still want your ratings.
          </p>
        </header>
      </div>
    );

  const problem = changing.error
    ? errorMessage(changing.error)
    : loaded.error && !queue
      ? errorMessage(loaded.error)
      : null;

  return (
    <div className="page page--narrow blind">
      <header className="page-header">
        <p className="eyebrow">Whetstone · second rater{queue?.raterName ? ` · ${queue.raterName}` : ''}</p>
        <h1 className="page-title">Rate ideas, blind</h1>
        <p className="page-lede">
          Someone asked you to rate their improvement ideas. One at a time, in random order: how much would it
          help their research if they acted on it? You see only the text.
        </p>
      </header>

      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {!queue && !problem && (
        <div className="card blind__card" aria-busy="true">
          <div className="skeleton skeleton--line" />
        </div>
      )}

      {queue && !queue.finished && next && (
        <BlindRatingItem
          text={next.text}
          rated={queue.rated}
          total={queue.total}
          busy={busy}
          onRate={rate}
          onUndo={undo}
          hint={
            <>
              Keys: <kbd>1</kbd>–<kbd>5</kbd> rate, <kbd>U</kbd> undo.
            </>
          }
        />
      )}

      {queue && !queue.finished && !next && (
        <BlindRatingDone
          title={`All ${plural(queue.total, 'idea')} rated.`}
          note="Any rating can still be undone until you finish."
          finishLabel="Finish and hand in the ratings"
          finishDisabled={busy}
          onFinish={() => mutate({ kind: 'finish' })}
          rated={queue.rated}
          busy={busy}
          onUndo={undo}
        />
      )}

      {queue?.finished && (
        <div className="card blind__done" role="status">
          <p className="blind__done-title">Thank you — your ratings are handed in.</p>
          <p className="meta-text">You rated {plural(queue.rated, 'idea')}. You can close this page.</p>
        </div>
      )}
    </div>
  );
}
