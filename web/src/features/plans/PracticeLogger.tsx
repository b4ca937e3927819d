import { useId } from 'react';
import { Controller } from 'react-hook-form';
import type { PracticeLog } from '../../../../src/core/plans/practice.js';
import type { PlanView } from '../../../../src/core/plans/views.js';
import { DIFFICULTY_LABELS } from '../../../../src/core/plans/vocabulary.js';
import { useApiAction } from '../../shared/api/action.js';
import { ChoiceGroup } from '../../shared/components/ChoiceGroup.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { useToast } from '../../shared/state.js';
import { plansApi } from './api.js';

const DIFFICULTY_CHOICES = [1, 2, 3, 4, 5].map((n) => ({
  value: n,
  label: String(n),
  name: `${n} ${DIFFICULTY_LABELS[n]}`,
  hint: DIFFICULTY_LABELS[n],
}));

interface PracticeDetails {
  /** As typed (a comma works as the decimal point); the server checks the range. */
  minutes: string;
  difficulty: number | null;
  note: string;
}

/** The block length a one-click log uses: the cadence's, else the exercise's, else 30. */
export function blockMinutes(plan: PlanView): number {
  return plan.cadence?.minutes ?? plan.exercise?.minutes ?? 30;
}

function minutesOf(text: string): number {
  return Number(text.replace(',', '.'));
}

const minutesGiven = (text: string) =>
  (text.trim() !== '' && Number.isFinite(minutesOf(text))) || 'Enter the minutes you practised.';

/**
 * Logging practice in seconds: one click logs a block of the cadence's length now; the small
 * form adds minutes, difficulty relative to one's ability, and a note.
 */
export function PracticeLogger({ plan, onLogged }: { plan: PlanView; onLogged: (log: PracticeLog) => void }) {
  const { notify } = useToast();
  const minutes = blockMinutes(plan);
  const id = useId();
  const quick = useApiAction(() => plansApi.logPractice({ planId: plan.id, minutes }), {
    onSuccess: (log) => {
      notify(`Logged ${minutes} minutes`);
      onLogged(log);
    },
  });
  const details = useApiForm<PracticeDetails, PracticeLog>({
    defaultValues: { minutes: String(minutes), difficulty: null, note: '' },
    submit: ({ minutes: typed, difficulty, note }) =>
      plansApi.logPractice({
        planId: plan.id,
        minutes: minutesOf(typed),
        difficulty,
        ...(note.trim() ? { note } : {}),
      }),
    onSuccess: (log, values) => {
      notify(`Logged ${minutesOf(values.minutes)} minutes`);
      // The minutes stay for the next block; difficulty and note belong to this one.
      details.form.resetField('note');
      details.form.resetField('difficulty');
      onLogged(log);
    },
  });
  const { form, errorOf } = details;
  const busy = quick.busy || details.busy;
  const minutesError = errorOf('minutes');
  const difficultyError = errorOf('difficulty');
  const noteError = errorOf('note');

  return (
    <div className="practice-logger">
      <div className="practice-logger__quick">
        <button
          type="button"
          className="button button--primary button--large"
          onClick={() => void quick.run()}
          disabled={busy}
        >
          Log {minutes} minutes
        </button>
        <p className="hint">
          One click logs a {minutes}-minute block now. From the terminal:{' '}
          <code>
            whet practice {minutes} --plan {plan.id}
          </code>
        </p>
        {quick.error && (
          <p className="form-error" role="alert">
            {quick.error}
          </p>
        )}
      </div>

      <form
        className="practice-form"
        aria-label="Log practice with details"
        onSubmit={details.onSubmit}
        noValidate
      >
        <div className="practice-form__row">
          <div className="field">
            <label htmlFor={`${id}-minutes`} className="field__label">
              Minutes
            </label>
            <input
              id={`${id}-minutes`}
              className="input input--short"
              type="number"
              inputMode="numeric"
              min={1}
              {...form.register('minutes', { validate: minutesGiven })}
              aria-invalid={minutesError ? true : undefined}
              aria-describedby={minutesError ? `${id}-minutes-error` : undefined}
            />
          </div>
          <div className="field">
            <Controller
              control={form.control}
              name="difficulty"
              render={({ field }) => (
                <ChoiceGroup
                  legend="Difficulty"
                  choices={DIFFICULTY_CHOICES}
                  value={field.value}
                  onChange={field.onChange}
                  noneLabel="Difficulty not said"
                  errorId={difficultyError ? `${id}-difficulty-error` : `${id}-difficulty-scale`}
                />
              )}
            />
            <p id={`${id}-difficulty-scale`} className="hint">
              Relative to your ability: 1 easy · 3 at the edge · 5 beyond me
            </p>
          </div>
        </div>
        <FieldError id={`${id}-minutes-error`} field="minutes" message={minutesError} />
        <FieldError id={`${id}-difficulty-error`} field="difficulty" message={difficultyError} />
        <div className="field">
          <label htmlFor={`${id}-note`} className="field__label">
            Note <span className="field__optional">optional: what was hard, what to try next</span>
          </label>
          <textarea
            id={`${id}-note`}
            className="textarea"
            rows={2}
            {...form.register('note')}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${id}-note-error` : undefined}
          />
          <FieldError id={`${id}-note-error`} field="note" message={noteError} />
        </div>
        {details.problem && (
          <p className="form-error" role="alert">
            {details.problem}
          </p>
        )}
        <div>
          <button type="submit" className="button" disabled={busy}>
            Log practice
          </button>
        </div>
      </form>
    </div>
  );
}
