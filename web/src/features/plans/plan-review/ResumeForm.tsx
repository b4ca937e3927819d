import { useId } from 'react';
import type { PlanView } from '../../../../../src/core/plans/views.js';
import { useApiForm } from '../../../shared/forms/use-api-form.js';
import { useToast } from '../../../shared/state.js';
import { plansApi } from '../api.js';
import { defaultReviewOn } from '../dates.js';
import { courseInput, NewCourseFields, type NewCourseValues } from './NewCourseFields.js';
import type { PlanReviewStepProps } from './props.js';

/** An adjusted plan goes back to work with a new review date (and a new cadence or next action). */
export function ResumeForm({ plan, today, onChanged }: PlanReviewStepProps) {
  const { notify } = useToast();
  const id = useId();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<NewCourseValues, PlanView>({
    defaultValues: { reviewOn: defaultReviewOn(today), cadence: '', nextAction: '' },
    submit: (values) => plansApi.resumePlan(plan.id, courseInput(values)),
    onSuccess: (updated) => {
      notify('Plan resumed');
      onChanged(updated);
    },
  });

  return (
    <form className="review-form" aria-label="Resume this plan" onSubmit={onSubmit} noValidate>
      <p className="review-form__due">
        You decided to adjust this plan. Say how it goes on and when you will look again.
      </p>
      <NewCourseFields
        id={id}
        plan={plan}
        today={today}
        register={(name) => form.register(name)}
        errorOf={errorOf}
      />
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Resuming…' : 'Resume plan'}
        </button>
      </div>
    </form>
  );
}
