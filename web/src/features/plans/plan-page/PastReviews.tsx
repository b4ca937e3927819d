import type { ReviewPrompt } from '../../../../../src/core/plans/review.js';
import type { PlanView } from '../../../../../src/core/plans/views.js';
import { fullTime } from '../../../shared/format.js';
import { dayText } from '../dates.js';
import { cadenceWords } from '../format.js';
import { DECISION_LABELS } from '../labels.js';

/** The plan's reviews, newest first: the decision, the answers to its questions, what changed. */
export function PastReviews({ plan, prompts }: { plan: PlanView; prompts: readonly ReviewPrompt[] }) {
  const promptText = (promptId: string) => prompts.find((p) => p.id === promptId)?.text ?? promptId;
  return (
    <ul className="past-reviews" aria-label="Past reviews">
      {[...plan.reviews].reverse().map((review) => (
        <li key={review.id} className="card past-review">
          <p className="past-review__top">
            <span className={`decision decision--${review.decision}`}>
              {DECISION_LABELS[review.decision]}
            </span>
            <time dateTime={review.createdAt} className="meta-text">
              {fullTime(review.createdAt)}
            </time>
          </p>
          {review.answers.length > 0 && (
            <dl className="review-answers">
              {review.answers.map((answer) => (
                <div key={answer.promptId}>
                  <dt>{promptText(answer.promptId)}</dt>
                  <dd>{answer.text}</dd>
                </div>
              ))}
            </dl>
          )}
          {review.note && <p className="past-review__note">{review.note}</p>}
          {(review.newReviewOn || review.newNextAction || review.newCadence) && (
            <p className="meta-text">
              Changed:
              {review.newReviewOn && ` review on ${dayText(review.newReviewOn)}`}
              {review.newNextAction && `; next action “${review.newNextAction}”`}
              {review.newCadence && `; cadence ${cadenceWords(review.newCadence)}`}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
