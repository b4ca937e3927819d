import { type FormEvent, useEffect, useId, useState } from 'react';
import { addDays } from '../../../../src/core/local-date.js';
import { REVIEW_DECISIONS } from '../../../../src/core/plans/vocabulary.js';
import { ApiError, errorMessage, isAbort } from '../../api.js';
import { type PlanView, plansApi, type ReviewDecision, type ReviewPrompt } from '../../api-plans.js';
import { ChoiceCards } from '../../shared/components/ChoiceCards.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { useToast } from '../../shared/state.js';
import { PromptAnswer } from './PromptAnswer.js';
import {
  DECISION_HINTS,
  DECISION_LABELS,
  dayText,
  longDayText,
  todayIn,
  useSettings,
} from './plans-format.js';

type Errors = Record<string, string>;

function fieldsOf(error: unknown): Errors {
  return error instanceof ApiError ? { ...error.fields } : {};
}

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
  if (plan.state === 'kept' || plan.state === 'dropped')
    return (
      <p className="review-final">
        {plan.state === 'kept'
          ? 'Kept: this change is part of how you work now. Its ideas are adopted.'
          : 'Dropped: the plan is closed and stays in your history.'}
      </p>
    );
  if (plan.state === 'adjusted') return <ResumeForm plan={plan} onChanged={onChanged} />;
  return <ReviewWhenReady plan={plan} onChanged={onChanged} />;
}

/** The review form opens by itself once the review date has come; before, one click opens it. */
function ReviewWhenReady({ plan, onChanged }: { plan: PlanView; onChanged: (plan: PlanView) => void }) {
  const [open, setOpen] = useState(false);
  if (plan.reviewDue || open) return <ReviewForm plan={plan} onChanged={onChanged} />;
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

function ReviewForm({ plan, onChanged }: { plan: PlanView; onChanged: (plan: PlanView) => void }) {
  const { notify } = useToast();
  const settings = useSettings();
  const today = todayIn(settings?.timeZone);
  const [prompts, setPrompts] = useState<ReviewPrompt[] | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const [reviewOn, setReviewOn] = useState<string | null>(null);
  const [cadence, setCadence] = useState('');
  const [nextAction, setNextAction] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const newReviewOn = reviewOn ?? addDays(today, 14);

  useEffect(() => {
    const controller = new AbortController();
    plansApi
      .reviewPrompts(controller.signal)
      .then((p) => setPrompts(p.plan))
      .catch((error) => {
        if (!isAbort(error)) setProblem(errorMessage(error));
      });
    return () => controller.abort();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision) {
      setErrors({ decision: 'Choose keep, adjust or drop.' });
      return;
    }
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const updated = await plansApi.reviewPlan(plan.id, {
        decision,
        answers: (prompts ?? [])
          .filter((p) => answers[p.id]?.trim())
          .map((p) => ({ promptId: p.id, text: answers[p.id] ?? '' })),
        ...(note.trim() ? { note } : {}),
        ...(decision === 'adjust'
          ? {
              reviewOn: newReviewOn,
              ...(cadence.trim() ? { cadence: cadence.trim() } : {}),
              ...(nextAction.trim() ? { nextAction } : {}),
            }
          : {}),
      });
      notify(`Review saved: ${DECISION_LABELS[decision].toLowerCase()}`);
      onChanged(updated);
    } catch (error) {
      const fields = fieldsOf(error);
      setErrors(fields);
      const shown = ['decision', 'reviewOn', 'cadence', 'nextAction', 'note'];
      if (!Object.keys(fields).some((f) => shown.includes(f))) setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const describe = (field: string) => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <form className="review-form" aria-label="Review this plan" onSubmit={submit} noValidate>
      <p className={plan.reviewDue ? 'review-form__due' : 'hint'}>
        {plan.reviewDue
          ? `The review date has come (${dayText(plan.reviewOn)}). Look back, then decide.`
          : `Planned for ${longDayText(plan.reviewOn)}; you may review earlier.`}
      </p>
      {(prompts ?? []).map((prompt) => (
        <PromptAnswer
          key={prompt.id}
          id={`${id}-${prompt.id}`}
          text={prompt.text}
          value={answers[prompt.id] ?? ''}
          onChange={(text) => setAnswers((a) => ({ ...a, [prompt.id]: text }))}
        />
      ))}

      <fieldset className="decision-group" aria-describedby={describe('decision')}>
        <legend className="field__label">Decision</legend>
        <ChoiceCards
          id={`${id}-decision`}
          block="decision-choice"
          options={REVIEW_DECISIONS}
          value={decision}
          onChange={setDecision}
          labels={DECISION_LABELS}
          hints={DECISION_HINTS}
          modifiers
        />
        <FieldError id={`${id}-decision-error`} field="decision" message={errors.decision} />
      </fieldset>

      {decision === 'adjust' && (
        <fieldset className="adjust-fields">
          <legend className="visually-hidden">What changes</legend>
          <NewCourseFields
            id={id}
            plan={plan}
            today={today}
            reviewOn={newReviewOn}
            cadence={cadence}
            nextAction={nextAction}
            onReviewOn={setReviewOn}
            onCadence={setCadence}
            onNextAction={setNextAction}
            errors={errors}
          />
        </fieldset>
      )}

      <div className="field">
        <label htmlFor={`${id}-note`} className="field__label">
          Note <span className="field__optional">optional</span>
        </label>
        <input
          id={`${id}-note`}
          className="input"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={describe('note')}
        />
        <FieldError id={`${id}-note-error`} field="note" message={errors.note} />
      </div>

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

/** An adjusted plan goes back to work with a new review date (and a new cadence or next action). */
function ResumeForm({ plan, onChanged }: { plan: PlanView; onChanged: (plan: PlanView) => void }) {
  const { notify } = useToast();
  const settings = useSettings();
  const today = todayIn(settings?.timeZone);
  const [reviewOn, setReviewOn] = useState<string | null>(null);
  const [cadence, setCadence] = useState('');
  const [nextAction, setNextAction] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const date = reviewOn ?? addDays(today, 14);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const updated = await plansApi.resumePlan(plan.id, {
        reviewOn: date,
        ...(cadence.trim() ? { cadence: cadence.trim() } : {}),
        ...(nextAction.trim() ? { nextAction } : {}),
      });
      notify('Plan resumed');
      onChanged(updated);
    } catch (error) {
      const fields = fieldsOf(error);
      setErrors(fields);
      if (!['reviewOn', 'cadence', 'nextAction'].some((f) => fields[f])) setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="review-form" aria-label="Resume this plan" onSubmit={submit} noValidate>
      <p className="review-form__due">
        You decided to adjust this plan. Say how it goes on and when you will look again.
      </p>
      <NewCourseFields
        id={id}
        plan={plan}
        today={today}
        reviewOn={date}
        cadence={cadence}
        nextAction={nextAction}
        onReviewOn={setReviewOn}
        onCadence={setCadence}
        onNextAction={setNextAction}
        errors={errors}
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

/** How an adjusted plan goes on: a new review date, and optionally a new cadence and next action. */
function NewCourseFields({
  id,
  plan,
  today,
  reviewOn,
  cadence,
  nextAction,
  onReviewOn,
  onCadence,
  onNextAction,
  errors,
}: {
  id: string;
  plan: PlanView;
  today: string;
  reviewOn: string;
  cadence: string;
  nextAction: string;
  onReviewOn: (value: string) => void;
  onCadence: (value: string) => void;
  onNextAction: (value: string) => void;
  errors: Errors;
}) {
  const describe = (field: string) => (errors[field] ? `${id}-${field}-error` : undefined);
  return (
    <>
      <div className="field field--date">
        <label htmlFor={`${id}-review`} className="field__label">
          New review date
        </label>
        <input
          id={`${id}-review`}
          className="input"
          type="date"
          min={today}
          value={reviewOn}
          onChange={(e) => onReviewOn(e.target.value)}
          aria-invalid={errors.reviewOn ? true : undefined}
          aria-describedby={describe('reviewOn')}
        />
        <FieldError id={`${id}-reviewOn-error`} field="reviewOn" message={errors.reviewOn} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-cadence`} className="field__label">
          New cadence <span className="field__optional">optional; now {plan.cadenceText ?? 'none'}</span>
        </label>
        <input
          id={`${id}-cadence`}
          className="input"
          value={cadence}
          placeholder="e.g. 2x45/week"
          onChange={(e) => onCadence(e.target.value)}
          aria-invalid={errors.cadence ? true : undefined}
          aria-describedby={describe('cadence')}
        />
        <FieldError id={`${id}-cadence-error`} field="cadence" message={errors.cadence} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-next`} className="field__label">
          New next action <span className="field__optional">optional</span>
        </label>
        <input
          id={`${id}-next`}
          className="input"
          value={nextAction}
          placeholder={plan.nextAction}
          onChange={(e) => onNextAction(e.target.value)}
          aria-invalid={errors.nextAction ? true : undefined}
          aria-describedby={describe('nextAction')}
        />
        <FieldError id={`${id}-nextAction-error`} field="nextAction" message={errors.nextAction} />
      </div>
    </>
  );
}
