import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import type { WeeklyReviewPage } from '../../../../src/core/plans/views.js';
import { REVIEW_DECISIONS } from '../../../../src/core/plans/vocabulary.js';
import { plural } from '../../../../src/core/plural.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { fullTime } from '../../shared/format.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useToast } from '../../shared/state.js';
import { dashboardKeys } from '../dashboard/queries.js';
import { dayText, weekText } from '../plans/dates.js';
import { DECISION_HINTS, DECISION_LABELS } from '../plans/labels.js';
import { PromptAnswer } from '../plans/PromptAnswer.js';
import { AnswerToIdea } from './AnswerToIdea.js';
import { reviewApi } from './api.js';
import { reviewKeys } from './queries.js';
import {
  decidablePlans,
  decisionKey,
  initialValues,
  type WeeklyValues,
  weeklyInput,
  withFormFields,
} from './weekly-review.js';

/** The questions and the decisions; saving again for the same week replaces the answers. */
export function WeeklyReviewForm({ page }: { page: WeeklyReviewPage }) {
  const { notify } = useToast();
  const client = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const id = useId();
  const { summary, prompts, review } = page;
  const decidable = decidablePlans(page);
  const waiting = summary.plansDue.filter((p) => p.state === 'adjusted');

  const { form, onSubmit, problem, busy, errorOf } = useApiForm<WeeklyValues, number[]>({
    defaultValues: initialValues(page),
    submit: async (values) => {
      setSaved(null);
      const { input, answered, decided } = weeklyInput(page, values);
      try {
        await reviewApi.submitWeekly(input);
      } catch (error) {
        throw withFormFields(error, answered, decided);
      }
      return [answered.length, decided.length];
    },
    onSuccess: ([answers = 0, decisions = 0]) => {
      setSaved(
        `Saved the review of the week of ${weekText(summary.weekOf)}: ${plural(answers, 'answer')}, ${plural(decisions, 'decision')}.`,
      );
      notify('Weekly review saved');
      // The decisions are made; what stays is the answers, which a second save replaces.
      for (const plan of decidable) form.setValue(`decisions.${decisionKey(plan.planId)}`, '');
      void client.invalidateQueries({ queryKey: reviewKeys.all });
      void client.invalidateQueries({ queryKey: dashboardKeys.all });
    },
  });
  const decisions = useWatch({ control: form.control, name: 'decisions' });

  return (
    <form className="weekly-form" aria-label="Weekly review" onSubmit={onSubmit} noValidate>
      <section className="data-section" aria-labelledby={`${id}-questions`}>
        <h2 id={`${id}-questions`} className="section-title">
          Questions
        </h2>
        {review && (
          <p className="hint">
            You reviewed this week {fullTime(review.createdAt)}. Saving again replaces those answers.
          </p>
        )}
        <div className="card weekly-questions">
          {prompts.map((prompt) => (
            <Controller
              key={prompt.id}
              control={form.control}
              name={`answers.${prompt.id}`}
              render={({ field }) => {
                // An answer already saved (as it was saved) can become an idea.
                const saved = review?.answers.find((a) => a.promptId === prompt.id)?.text;
                return (
                  <div className="weekly-answer">
                    <PromptAnswer
                      id={`${id}-${prompt.id}`}
                      text={prompt.text}
                      value={field.value ?? ''}
                      onChange={field.onChange}
                      error={errorOf(`answers.${prompt.id}`)}
                    />
                    {saved && saved.trim() === (field.value ?? '').trim() && (
                      <AnswerToIdea text={saved} weekOf={summary.weekOf} prompt={prompt.text} />
                    )}
                  </div>
                );
              }}
            />
          ))}
        </div>
      </section>

      <section className="data-section" aria-labelledby={`${id}-due`}>
        <h2 id={`${id}-due`} className="section-title">
          Plans due
        </h2>
        {summary.plansDue.length === 0 ? (
          <p className="meta-text">No plan waits for a decision this week.</p>
        ) : (
          <ul className="due-plans">
            {decidable.map((plan) => {
              const name = `decisions.${decisionKey(plan.planId)}` as const;
              const error = errorOf(name);
              const errorId = `${id}-${plan.planId}-error`;
              return (
                <li key={plan.planId} className="card due-plan">
                  <fieldset className="due-plan__fieldset" aria-describedby={error ? errorId : undefined}>
                    <legend className="due-plan__title">
                      <Link to={`/plans/${plan.planId}`}>{plan.title}</Link>{' '}
                      <span className={plan.overdue ? 'tag tag--due' : 'tag'}>
                        {plan.overdue ? 'overdue since' : 'review on'} {dayText(plan.reviewOn)}
                      </span>
                    </legend>
                    <div className="due-plan__choices">
                      {[...REVIEW_DECISIONS, null].map((d) => (
                        <label
                          key={d ?? 'later'}
                          className="due-choice"
                          title={d ? DECISION_HINTS[d] : undefined}
                        >
                          {/* "Not now" starts checked, also for a plan that fell due while the page was open. */}
                          <input
                            type="radio"
                            value={d ?? ''}
                            defaultChecked={d === null}
                            {...form.register(name)}
                          />
                          <span>{d ? DECISION_LABELS[d] : 'Not now'}</span>
                        </label>
                      ))}
                    </div>
                    <FieldError id={errorId} field="decision" message={error} />
                  </fieldset>
                  {decisions?.[decisionKey(plan.planId)] === 'adjust' && (
                    <p className="hint">Then set its new review date on the plan’s page.</p>
                  )}
                </li>
              );
            })}
            {waiting.map((plan) => (
              <li key={plan.planId} className="card due-plan">
                <p className="due-plan__title">
                  <Link to={`/plans/${plan.planId}`}>{plan.title}</Link>{' '}
                  <span className="tag tag--warn">adjusted</span>
                </p>
                <p className="hint">
                  Waiting for a new review date:{' '}
                  <Link to={`/plans/${plan.planId}`}>resume it on its page</Link>.
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {problem && <ErrorNotice>{problem}</ErrorNotice>}
      <div className="weekly-form__actions">
        <p className="meta-text" role="status">
          {saved}
        </p>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save weekly review'}
        </button>
      </div>
    </form>
  );
}
