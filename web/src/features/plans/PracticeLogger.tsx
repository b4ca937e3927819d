import { type FormEvent, useId, useState } from 'react';
import { DIFFICULTY_LABELS } from '../../../../src/core/plans/vocabulary.js';
import { ApiError, errorMessage } from '../../api.js';
import { type PlanView, type PracticeLog, plansApi } from '../../api-plans.js';
import { ChoiceGroup } from '../../shared/components/ChoiceGroup.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { useToast } from '../../shared/state.js';

const DIFFICULTY_CHOICES = [1, 2, 3, 4, 5].map((n) => ({
  value: n,
  label: String(n),
  name: `${n} ${DIFFICULTY_LABELS[n]}`,
  hint: DIFFICULTY_LABELS[n],
}));

/** The block length a one-click log uses: the cadence's, else the exercise's, else 30. */
export function blockMinutes(plan: PlanView): number {
  return plan.cadence?.minutes ?? plan.exercise?.minutes ?? 30;
}

/**
 * Logging practice in seconds: one click logs a block of the cadence's length now; the small
 * form adds minutes, difficulty relative to one's ability, and a note.
 */
export function PracticeLogger({ plan, onLogged }: { plan: PlanView; onLogged: (log: PracticeLog) => void }) {
  const { notify } = useToast();
  const minutes = blockMinutes(plan);
  const [busy, setBusy] = useState(false);
  const [quickError, setQuickError] = useState<string | null>(null);
  const [detailMinutes, setDetailMinutes] = useState(String(minutes));
  const [difficulty, setDifficulty] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const logNow = async () => {
    setBusy(true);
    setQuickError(null);
    try {
      const log = await plansApi.logPractice({ planId: plan.id, minutes });
      notify(`Logged ${minutes} minutes`);
      onLogged(log);
    } catch (error) {
      setQuickError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(detailMinutes.replace(',', '.'));
    if (detailMinutes.trim() === '' || !Number.isFinite(value)) {
      setErrors({ minutes: 'Enter the minutes you practised.' });
      return;
    }
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const log = await plansApi.logPractice({
        planId: plan.id,
        minutes: value,
        difficulty,
        ...(note.trim() ? { note } : {}),
      });
      notify(`Logged ${value} minutes`);
      setNote('');
      setDifficulty(null);
      onLogged(log);
    } catch (error) {
      const fields = error instanceof ApiError ? { ...error.fields } : {};
      setErrors(fields);
      const known = ['minutes', 'difficulty', 'note'];
      if (Object.keys(fields).every((f) => !known.includes(f))) setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="practice-logger">
      <div className="practice-logger__quick">
        <button
          type="button"
          className="button button--primary button--large"
          onClick={logNow}
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
        {quickError && (
          <p className="form-error" role="alert">
            {quickError}
          </p>
        )}
      </div>

      <form className="practice-form" aria-label="Log practice with details" onSubmit={submit} noValidate>
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
              value={detailMinutes}
              onChange={(e) => setDetailMinutes(e.target.value)}
              aria-invalid={errors.minutes ? true : undefined}
              aria-describedby={errors.minutes ? `${id}-minutes-error` : undefined}
            />
          </div>
          <div className="field">
            <ChoiceGroup
              legend="Difficulty"
              choices={DIFFICULTY_CHOICES}
              value={difficulty}
              onChange={setDifficulty}
              noneLabel="Difficulty not said"
              errorId={errors.difficulty ? `${id}-difficulty-error` : `${id}-difficulty-scale`}
            />
            <p id={`${id}-difficulty-scale`} className="hint">
              Relative to your ability: 1 easy · 3 at the edge · 5 beyond me
            </p>
          </div>
        </div>
        <FieldError id={`${id}-minutes-error`} field="minutes" message={errors.minutes} />
        <FieldError id={`${id}-difficulty-error`} field="difficulty" message={errors.difficulty} />
        <div className="field">
          <label htmlFor={`${id}-note`} className="field__label">
            Note <span className="field__optional">optional: what was hard, what to try next</span>
          </label>
          <textarea
            id={`${id}-note`}
            className="textarea"
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? `${id}-note-error` : undefined}
          />
          <FieldError id={`${id}-note-error`} field="note" message={errors.note} />
        </div>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
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
