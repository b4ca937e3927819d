import { useId } from 'react';
import { Link } from 'react-router';
import type { ReviewPrompt } from '../../../../src/core/plans/review.js';
import { plural } from '../../../../src/core/plural.js';
import { fullTime } from '../../shared/format.js';
import { weekText } from '../plans/dates.js';
import { DECISION_LABELS } from '../plans/labels.js';
import { AnswerToIdea } from './AnswerToIdea.js';
import { usePlanTitle, useReviewHistory } from './queries.js';

/** Past weekly reviews (each opens to its answers and decisions), then past plan reviews. */
export function ReviewHistory({ prompts }: { prompts: readonly ReviewPrompt[] }) {
  const { data: history } = useReviewHistory();
  const titleOf = usePlanTitle();
  const id = useId();
  if (!history) return null;
  const promptText = (promptId: string) => prompts.find((p) => p.id === promptId)?.text ?? promptId;

  return (
    <section className="data-section" aria-labelledby={`${id}-history`}>
      <h2 id={`${id}-history`} className="section-title">
        Past weekly reviews
      </h2>
      {history.weekly.length === 0 ? (
        <p className="meta-text">Your weekly reviews will be listed here.</p>
      ) : (
        <ul className="review-history" aria-label="Past weekly reviews">
          {history.weekly.map((review) => (
            <li key={review.id}>
              <details className="card review-entry">
                <summary className="review-entry__summary">
                  <span className="review-entry__week">Week of {weekText(review.weekOf)}</span>
                  <span className="meta-text">
                    {plural(review.answers.length, 'answer')} · {plural(review.decisions.length, 'decision')}{' '}
                    · written {fullTime(review.createdAt)}
                  </span>
                </summary>
                <div className="review-entry__body">
                  {review.answers.length > 0 && (
                    <dl className="review-answers">
                      {review.answers.map((a) => (
                        <div key={a.promptId}>
                          <dt>{promptText(a.promptId)}</dt>
                          <dd>
                            {a.text}
                            <AnswerToIdea
                              text={a.text}
                              weekOf={review.weekOf}
                              prompt={promptText(a.promptId)}
                            />
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                  {review.decisions.length > 0 && (
                    <ul className="review-decisions">
                      {review.decisions.map((d) => (
                        <li key={d.planId}>
                          <span className={`decision decision--${d.decision}`}>
                            {DECISION_LABELS[d.decision]}
                          </span>{' '}
                          <Link to={`/plans/${d.planId}`}>{titleOf(d.planId)}</Link>
                          {d.note && <span className="meta-text"> — {d.note}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                  <Link to={`/review?week=${review.weekOf}`} className="button button--small">
                    Open this week
                  </Link>
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      {history.plans.length > 0 && (
        <>
          <h3 className="section-title review-history__sub">Plan reviews</h3>
          <ul className="review-history" aria-label="Past plan reviews">
            {history.plans.map((r) => (
              <li key={r.id} className="card plan-review-row">
                <span className={`decision decision--${r.decision}`}>{DECISION_LABELS[r.decision]}</span>
                <Link to={`/plans/${r.planId}`}>{titleOf(r.planId)}</Link>
                <span className="meta-text">{fullTime(r.createdAt)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
