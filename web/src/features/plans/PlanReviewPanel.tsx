import { useState } from 'react';
import type { PlanView } from '../../../../src/core/plans/views.js';
import { longDayText } from './dates.js';
import type { PlanReviewStepProps } from './plan-review/props.js';
import { ResumeForm } from './plan-review/ResumeForm.js';
import { ReviewForm } from './plan-review/ReviewForm.js';
import { useToday } from './queries.js';

/**
 * The review of one plan: a few questions, then keep, adjust (with a new review date, and a new
 * cadence or next action if wanted) or drop. An adjusted plan without a new date waits here to
 * be resumed. A decided plan says so.
 */
export function PlanReviewPanel({
  plan,
  onChanged,
}: {
  plan: PlanView;
  onChanged: (plan: PlanView) => void;
}) {
  // The forms' new review date is two weeks from today in the person's zone.
  const today = useToday();
  if (plan.state === 'kept' || plan.state === 'dropped')
    return (
      <p className="review-final">
        {plan.state === 'kept'
          ? 'Kept: this change is part of how you work now. Its ideas are adopted.'
          : 'Dropped: the plan is closed and stays in your history.'}
      </p>
    );
  if (today === null) return <div className="skeleton skeleton--line" aria-busy="true" />;
  if (plan.state === 'adjusted') return <ResumeForm plan={plan} today={today} onChanged={onChanged} />;
  return <ReviewWhenReady plan={plan} today={today} onChanged={onChanged} />;
}

/** The review form opens by itself once the review date has come; before, one click opens it. */
function ReviewWhenReady({ plan, today, onChanged }: PlanReviewStepProps) {
  const [open, setOpen] = useState(false);
  if (plan.reviewDue || open) return <ReviewForm plan={plan} today={today} onChanged={onChanged} />;
  return (
    <div className="review-later">
      <p className="hint">
        Review on {longDayText(plan.reviewOn)}: a few questions, then keep, adjust or drop. You may review
        earlier.
      </p>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Review now
      </button>
    </div>
  );
}
