import { useId } from 'react';
import { EXCLUSION_REASONS } from '../../../../../src/core/experiments/exclusion-reasons.js';
import type { RatingQueueView } from '../../../../../src/core/experiments/rating.js';
import { plural } from '../../../../../src/core/plural.js';

interface TriageListProps {
  queue: RatingQueueView;
  busy: boolean;
  /** Sets the idea behind `token` aside with `reason`, or keeps it (null). */
  onDecide: (token: string, reason: string | null) => void;
  onFinish: () => void;
}

const KEEP = '';

/**
 * The blind triage: every counted idea of both phases, mixed and without its phase, each kept or
 * set aside with a reason. Only texts and reasons are shown; tokens stay in memory.
 */
export function TriageList({ queue, busy, onDecide, onFinish }: TriageListProps) {
  const id = useId();
  const kept = queue.triage.length - queue.excluded;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {plural(queue.triage.length, 'idea')}, both phases mixed
      </h2>
      <ol className="triage">
        {queue.triage.map((idea, i) => {
          // A reason typed in the terminal is one of the choices too, so it shows as chosen.
          const reasons =
            idea.excluded && !EXCLUSION_REASONS.some((r) => r === idea.excluded)
              ? [...EXCLUSION_REASONS, idea.excluded]
              : EXCLUSION_REASONS;
          return (
            <li key={idea.token} className={`triage__item${idea.excluded ? ' triage__item--aside' : ''}`}>
              <p className="triage__text" id={`${id}-${i}`}>
                {idea.text}
              </p>
              <select
                className="select triage__choice"
                aria-label="Keep or set aside"
                aria-describedby={`${id}-${i}`}
                value={idea.excluded ?? KEEP}
                disabled={busy}
                onChange={(event) =>
                  onDecide(idea.token, event.target.value === KEEP ? null : event.target.value)
                }
              >
                <option value={KEEP}>Keep: rate it</option>
                {reasons.map((reason) => (
                  <option key={reason} value={reason}>
                    Set aside: {reason.charAt(0).toLowerCase() + reason.slice(1)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ol>
      <div className="triage__footer">
        <p className="meta-text" role="status">
          {plural(kept, 'idea')} to rate{queue.excluded ? `, ${queue.excluded} set aside` : ''}
        </p>
        <button type="button" className="button button--primary" onClick={onFinish} disabled={busy}>
          Finish triage and rate {plural(kept, 'idea')}
        </button>
      </div>
    </section>
  );
}
