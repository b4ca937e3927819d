import { useId } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import type { ReviewDecision } from '../../../../../src/core/plans/review.js';
import type { PlanView } from '../../../../../src/core/plans/views.js';
import { REVIEW_DECISIONS } from '../../../../../src/core/plans/vocabulary.js';
import { ChoiceCards } from '../../../shared/components/ChoiceCards.js';
import { FieldError } from '../../../shared/components/FieldError.js';
import { Field } from '../../../shared/forms/Field.js';
import { useApiForm } from '../../../shared/forms/use-api-form.js';
import { useToast } from '../../../shared/state.js';
import { plansApi } from '../api.js';
import { dayText, defaultReviewOn, longDayText } from '../dates.js';
import { DECISION_HINTS, DECISION_LABELS } from '../labels.js';
import { PromptAnswer } from '../PromptAnswer.js';
import { answersOf } from '../prompt-answers.js';
import { usePlanReviewPrompts } from '../queries.js';
import { courseInput, NewCourseFields, type NewCourseValues } from './NewCourseFields.js';
import type { PlanReviewStepProps } from './props.js';

interface ReviewValues extends NewCourseValues {
  /**
   * Answers by prompt id. Not named `answers`: the server numbers the answers it was sent, so its
   * messages about them go to the form's notice rather than to a field that is not there.
   */
  promptAnswers: Record<string, string>;
  decision: ReviewDecision | null;
  note: string;
}

const decisionMade = (decision: ReviewDecision | null) => decision !== null || 'Choose keep, adjust or drop.';

/** The plan's questions, then keep, adjust (with the new course) or drop, and a note. */
export function ReviewForm({ plan, today, onChanged }: PlanReviewStepProps) {
  const { notify } = useToast();
  const prompts = usePlanReviewPrompts().data ?? [];
  const id = useId();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<ReviewValues, PlanView>({
    defaultValues: {
      promptAnswers: {},
      decision: null,
      reviewOn: defaultReviewOn(today),
      cadence: '',
      nextAction: '',
      note: '',
    },
    submit: ({ decision, promptAnswers, note, ...course }) => {
      if (decision === null) throw new Error('The decision is checked before sending.');
      return plansApi.reviewPlan(plan.id, {
        decision,
        answers: answersOf(prompts, promptAnswers),
        ...(note.trim() ? { note } : {}),
        ...(decision === 'adjust' ? courseInput(course) : {}),
      });
    },
    onSuccess: (updated, { decision }) => {
      if (decision) notify(`Review saved: ${DECISION_LABELS[decision].toLowerCase()}`);
      onChanged(updated);
    },
  });
  const decision = useWatch({ control: form.control, name: 'decision' });
  const decisionError = errorOf('decision');

  return (
    <form className="review-form" aria-label="Review this plan" onSubmit={onSubmit} noValidate>
      <p className={plan.reviewDue ? 'review-form__due' : 'hint'}>
        {plan.reviewDue
          ? `The review date has come (${dayText(plan.reviewOn)}). Look back, then decide.`
          : `Planned for ${longDayText(plan.reviewOn)}; you may review earlier.`}
      </p>
      {prompts.map((prompt) => (
        <Controller
          key={prompt.id}
          control={form.control}
          name={`promptAnswers.${prompt.id}`}
          render={({ field }) => (
            <PromptAnswer
              id={`${id}-${prompt.id}`}
              text={prompt.text}
              value={field.value ?? ''}
              onChange={field.onChange}
            />
          )}
        />
      ))}

      <fieldset
        className="decision-group"
        aria-describedby={decisionError ? `${id}-decision-error` : undefined}
      >
        <legend className="field__label">Decision</legend>
        <Controller
          control={form.control}
          name="decision"
          rules={{ validate: decisionMade }}
          render={({ field }) => (
            <ChoiceCards
              id={`${id}-decision`}
              block="decision-choice"
              options={REVIEW_DECISIONS}
              value={field.value}
              onChange={field.onChange}
              labels={DECISION_LABELS}
              hints={DECISION_HINTS}
              modifiers
            />
          )}
        />
        <FieldError id={`${id}-decision-error`} field="decision" message={decisionError} />
      </fieldset>

      {decision === 'adjust' && (
        <fieldset className="adjust-fields">
          <legend className="visually-hidden">What changes</legend>
          <NewCourseFields
            id={id}
            plan={plan}
            today={today}
            register={(name) => form.register(name)}
            errorOf={errorOf}
          />
        </fieldset>
      )}

      <Field
        id={`${id}-note`}
        name="note"
        label={
          <>
            Note <span className="field__optional">optional</span>
          </>
        }
        error={errorOf('note')}
      >
        {(control) => <input {...control} {...form.register('note')} className="input" />}
      </Field>

      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save review'}
        </button>
      </div>
    </form>
  );
}
