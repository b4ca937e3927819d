import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Idea } from '../../../../src/core/ideas.js';
import { addDays } from '../../../../src/core/local-date.js';
import type { PlanCreateInput } from '../../../../src/core/plans/plan.js';
import { PLAN_KIND_LABELS } from '../../../../src/core/plans/vocabulary.js';
import { ApiError, errorMessage, isAbort } from '../../api.js';
import { type Exercise, type PlanKind, type PlanView, plansApi } from '../../api-plans.js';
import { AreaSelect } from '../../shared/components/AreaSelect.js';
import { ChoiceCards } from '../../shared/components/ChoiceCards.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { useCadenceReading } from './cadence-preview.js';
import { KIND_HINTS, minutesText, todayIn, useSettings, useSubSkills } from './plans-format.js';

const KINDS: readonly PlanKind[] = ['process', 'environment', 'practice'];
const CADENCE_EXAMPLES = ['3x30/week', 'daily 20', 'weekdays 45', 'MO,WE,FR 45', '2x60/week at 07:30'];
const TITLE_MAX = 200;
const OWN = 'own';

/** The fields the form shows errors under; anything else the server names goes in the notice. */
const FIELDS = [
  'title',
  'kind',
  'areaId',
  'subSkill',
  'exerciseId',
  'nextAction',
  'cadence',
  'successSignal',
  'reviewOn',
] as const;

/**
 * "Make a plan" from an idea: what will change, the kind, area, for a practice routine the
 * sub-skill and an exercise (from the library or one's own), the next action, a cadence read
 * back as it is typed, a success signal and a review date (two weeks ahead by default).
 */
export function PlanForm({
  idea,
  onCreated,
  onCancel,
}: {
  idea: Idea;
  onCreated: (plan: PlanView) => void;
  onCancel: () => void;
}) {
  const settings = useSettings();
  const today = todayIn(settings?.timeZone);
  const [title, setTitle] = useState(() => idea.text.slice(0, TITLE_MAX));
  const [kind, setKind] = useState<PlanKind>('process');
  const [areaId, setAreaId] = useState<string | null>(idea.areaId);
  const subSkills = useSubSkills();
  const [subSkill, setSubSkill] = useState('');
  const [exercises, setExercises] = useState<Exercise[] | null>(null);
  const [exerciseId, setExerciseId] = useState<string>('');
  const [nextAction, setNextAction] = useState('');
  const [cadence, setCadence] = useState('');
  const [successSignal, setSuccessSignal] = useState('');
  const [reviewOn, setReviewOn] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const reading = useCadenceReading(cadence);
  const practice = kind === 'practice';
  const reviewDate = reviewOn ?? addDays(today, 14);

  // The idea's area often names the sub-skill to practise.
  useEffect(() => {
    const match = subSkills.find((s) => s.areaId === idea.areaId);
    if (match) setSubSkill((current) => current || match.id);
  }, [subSkills, idea.areaId]);

  useEffect(() => {
    if (!practice || !subSkill) {
      setExercises(null);
      return;
    }
    const controller = new AbortController();
    setExercises(null);
    plansApi
      .exercises(subSkill, controller.signal)
      .then(({ exercises: list }) => setExercises(list))
      .catch((error) => {
        if (!isAbort(error)) setProblem(errorMessage(error));
      });
    return () => controller.abort();
  }, [practice, subSkill]);

  const chooseSubSkill = (next: string) => {
    setSubSkill(next);
    setExerciseId('');
    const area = subSkills.find((s) => s.id === next)?.areaId;
    if (area && areaId === null) setAreaId(area);
  };

  const chooseExercise = (exercise: Exercise) => {
    setExerciseId(exercise.id);
    // A cadence to start from, in the exercise's block length; the person may change it.
    if (!cadence.trim()) setCadence(`3x${exercise.minutes}/week`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (exerciseId === OWN) {
      setErrors({ exerciseId: 'Add your exercise first, or choose one from the library.' });
      return;
    }
    const input: PlanCreateInput = {
      title,
      kind,
      ideaIds: [idea.id],
      areaId,
      nextAction,
      successSignal,
      reviewOn: reviewDate,
      ...(cadence.trim() ? { cadence: cadence.trim() } : {}),
      ...(practice ? { subSkill: subSkill || null, exerciseId: exerciseId || null } : {}),
    };
    setBusy(true);
    setProblem(null);
    setErrors({});
    try {
      onCreated(await plansApi.createPlan(input));
    } catch (error) {
      const fields = error instanceof ApiError ? { ...error.fields } : {};
      setErrors(fields);
      const unknown = Object.keys(fields).filter((f) => !(FIELDS as readonly string[]).includes(f));
      setProblem(Object.keys(fields).length === 0 || unknown.length > 0 ? errorMessage(error) : null);
      setBusy(false);
    }
  };

  const errorId = (field: string) => `${id}-${field}-error`;
  const describe = (field: string, ...hints: string[]) =>
    [errors[field] ? errorId(field) : null, ...hints].filter(Boolean).join(' ') || undefined;
  const invalid = (field: string) => (errors[field] ? true : undefined);
  const error = (field: string) => <FieldError id={errorId(field)} field={field} message={errors[field]} />;

  return (
    <form className="card start-card plan-form" aria-label="Make a plan" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-title`} className="field__label">
          What will change?
        </label>
        <input
          id={`${id}-title`}
          className="input"
          value={title}
          maxLength={TITLE_MAX}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={invalid('title')}
          aria-describedby={describe('title')}
        />
        {error('title')}
      </div>

      <fieldset className="plan-form__kinds" aria-describedby={describe('kind')}>
        <legend className="field__label">Kind</legend>
        <ChoiceCards
          id={`${id}-kind`}
          block="kind-choice"
          options={KINDS}
          value={kind}
          onChange={setKind}
          labels={PLAN_KIND_LABELS}
          hints={KIND_HINTS}
        />
        {error('kind')}
      </fieldset>

      <div className="plan-form__row">
        <div className="field">
          <label htmlFor={`${id}-area`} className="field__label">
            Area
          </label>
          <AreaSelect
            id={`${id}-area`}
            className="select"
            value={areaId}
            onChange={setAreaId}
            aria-invalid={invalid('areaId')}
            aria-describedby={describe('areaId')}
          />
          {error('areaId')}
        </div>
        {practice && (
          <div className="field">
            <label htmlFor={`${id}-subskill`} className="field__label">
              Sub-skill
            </label>
            <select
              id={`${id}-subskill`}
              className="select"
              value={subSkill}
              onChange={(e) => chooseSubSkill(e.target.value)}
              aria-invalid={invalid('subSkill')}
              aria-describedby={describe('subSkill')}
            >
              <option value="">Choose a sub-skill</option>
              {subSkills.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
            {error('subSkill')}
          </div>
        )}
      </div>

      {practice && subSkill && (
        <ExercisePicker
          subSkill={subSkill}
          exercises={exercises}
          value={exerciseId}
          onChoose={chooseExercise}
          onChooseNone={() => setExerciseId('')}
          onWriteOwn={() => setExerciseId(OWN)}
          onAdded={(exercise) => {
            setExercises((list) => [...(list ?? []), exercise]);
            chooseExercise(exercise);
          }}
          errorMessage={errors.exerciseId}
          errorId={errorId('exerciseId')}
        />
      )}

      <div className="field">
        <label htmlFor={`${id}-next`} className="field__label">
          Next action <span className="field__optional">small enough to do today</span>
        </label>
        <input
          id={`${id}-next`}
          className="input"
          value={nextAction}
          placeholder={
            practice ? 'e.g. Pick the paper for Monday’s block' : 'e.g. Block Friday 9:00 in my calendar'
          }
          onChange={(e) => setNextAction(e.target.value)}
          aria-invalid={invalid('nextAction')}
          aria-describedby={describe('nextAction')}
        />
        {error('nextAction')}
      </div>

      <div className="field">
        <label htmlFor={`${id}-cadence`} className="field__label">
          Cadence <span className="field__optional">{practice ? 'how often you practise' : 'optional'}</span>
        </label>
        <input
          id={`${id}-cadence`}
          className="input"
          value={cadence}
          placeholder="e.g. 3x30/week"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setCadence(e.target.value)}
          aria-invalid={invalid('cadence')}
          aria-describedby={describe('cadence', `${id}-cadence-reading`, `${id}-cadence-examples`)}
        />
        <p id={`${id}-cadence-reading`} className="cadence-reading" aria-live="polite">
          {reading?.ok === true && (
            <>
              <span className="cadence-reading__ok">Reads as {reading.words}</span>
              <span className="meta-text"> · about {minutesText(reading.minutesPerWeek)} a week</span>
            </>
          )}
          {reading?.ok === false && (
            <span className="cadence-reading__bad">
              {capitalise(reading.message.split('; write e.g.')[0] ?? '')}
            </span>
          )}
        </p>
        <p id={`${id}-cadence-examples`} className="hint cadence-examples">
          <span>Try</span>
          {CADENCE_EXAMPLES.map((example) => (
            <button
              key={example}
              type="button"
              className="example-chip"
              onClick={() => setCadence(example)}
              aria-label={`Use the cadence ${example}`}
            >
              {example}
            </button>
          ))}
        </p>
        {error('cadence')}
      </div>

      <div className="field">
        <label htmlFor={`${id}-signal`} className="field__label">
          Success signal <span className="field__optional">what will show that it works</span>
        </label>
        <input
          id={`${id}-signal`}
          className="input"
          value={successSignal}
          placeholder="e.g. I finish a paper summary in under an hour"
          onChange={(e) => setSuccessSignal(e.target.value)}
          aria-invalid={invalid('successSignal')}
          aria-describedby={describe('successSignal')}
        />
        {error('successSignal')}
      </div>

      <div className="field field--date">
        <label htmlFor={`${id}-review`} className="field__label">
          Review date
        </label>
        <input
          id={`${id}-review`}
          className="input"
          type="date"
          value={reviewDate}
          min={today}
          onChange={(e) => setReviewOn(e.target.value)}
          aria-invalid={invalid('reviewOn')}
          aria-describedby={describe('reviewOn', `${id}-review-hint`)}
        />
        <p id={`${id}-review-hint`} className="hint">
          The day you decide: keep, adjust or drop.
        </p>
        {error('reviewOn')}
      </div>

      {problem && <ErrorNotice>{problem}</ErrorNotice>}

      <div className="plan-form__actions">
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create plan'}
        </button>
      </div>
    </form>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const LEVEL_LABELS = { starter: 'Starter', stretch: 'Stretch', advanced: 'Advanced' } as const;

/** The library's exercises for a sub-skill, each with its instructions, and "write your own". */
function ExercisePicker({
  subSkill,
  exercises,
  value,
  onChoose,
  onChooseNone,
  onWriteOwn,
  onAdded,
  errorMessage: message,
  errorId,
}: {
  subSkill: string;
  exercises: Exercise[] | null;
  value: string;
  onChoose: (exercise: Exercise) => void;
  onChooseNone: () => void;
  onWriteOwn: () => void;
  onAdded: (exercise: Exercise) => void;
  errorMessage: string | undefined;
  errorId: string;
}) {
  const id = useId();
  return (
    <fieldset className="exercise-picker" aria-describedby={message ? errorId : undefined}>
      <legend className="field__label">Exercise</legend>
      {exercises === null ? (
        <div className="skeleton skeleton--line" aria-busy="true" />
      ) : (
        <ul className="exercise-list">
          {exercises.map((exercise) => (
            <li key={exercise.id}>
              <label className="exercise-option">
                <input
                  type="radio"
                  name={`${id}-exercise`}
                  checked={value === exercise.id}
                  onChange={() => onChoose(exercise)}
                  aria-describedby={`${id}-${exercise.id}-text`}
                />
                <span className="exercise-option__body">
                  <span className="exercise-option__title">
                    {exercise.title}
                    <span className="meta-text">
                      {' '}
                      · {exercise.minutes} min · {LEVEL_LABELS[exercise.level]}
                      {exercise.builtin ? '' : ' · your own'}
                    </span>
                  </span>
                  <span
                    id={`${id}-${exercise.id}-text`}
                    className={
                      value === exercise.id
                        ? 'exercise-option__text'
                        : 'exercise-option__text exercise-option__text--clamped'
                    }
                  >
                    {exercise.instructions}
                  </span>
                  {value === exercise.id && exercise.harder && (
                    <span className="exercise-option__harder">
                      <strong>Harder:</strong> {exercise.harder}
                    </span>
                  )}
                </span>
              </label>
            </li>
          ))}
          <li>
            <label className="exercise-option">
              <input type="radio" name={`${id}-exercise`} checked={value === ''} onChange={onChooseNone} />
              <span className="exercise-option__body">
                <span className="exercise-option__title">No set exercise</span>
                <span className="exercise-option__text">
                  Practise the sub-skill; choose the work each time.
                </span>
              </span>
            </label>
          </li>
          <li>
            <label className="exercise-option">
              <input type="radio" name={`${id}-exercise`} checked={value === OWN} onChange={onWriteOwn} />
              <span className="exercise-option__body">
                <span className="exercise-option__title">Write your own</span>
                <span className="exercise-option__text">It joins your library for this sub-skill.</span>
              </span>
            </label>
          </li>
        </ul>
      )}
      {value === OWN && <OwnExerciseForm subSkill={subSkill} onAdded={onAdded} />}
      <FieldError id={errorId} field="exerciseId" message={message} />
    </fieldset>
  );
}

/** A person's own exercise: a title, what to do in one block, its length. Not a nested <form>. */
function OwnExerciseForm({ subSkill, onAdded }: { subSkill: string; onAdded: (exercise: Exercise) => void }) {
  const [title, setTitle] = useState('');
  const [instructions, setInstructions] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [harder, setHarder] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const add = async () => {
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      const exercise = await plansApi.createExercise({
        subSkill,
        title,
        instructions,
        minutes: Number(minutes),
        ...(harder.trim() ? { harder } : {}),
      });
      onAdded(exercise);
    } catch (error) {
      const fields = error instanceof ApiError ? { ...error.fields } : {};
      setErrors(fields);
      if (Object.keys(fields).length === 0) setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  });

  return (
    <fieldset className="own-exercise">
      <legend className="field__label">Your own exercise</legend>
      <div className="field">
        <label htmlFor={`${id}-title`} className="field__label">
          Exercise title
        </label>
        <input
          id={`${id}-title`}
          className="input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          {...field('title')}
        />
        <FieldError id={`${id}-title-error`} field="title" message={errors.title} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-instructions`} className="field__label">
          Instructions <span className="field__optional">what to do in one block</span>
        </label>
        <textarea
          id={`${id}-instructions`}
          className="textarea"
          rows={3}
          value={instructions}
          onChange={(e) => setInstructions(e.target.value)}
          {...field('instructions')}
        />
        <FieldError id={`${id}-instructions-error`} field="instructions" message={errors.instructions} />
      </div>
      <div className="plan-form__row">
        <div className="field">
          <label htmlFor={`${id}-minutes`} className="field__label">
            Minutes per block
          </label>
          <input
            id={`${id}-minutes`}
            className="input input--short"
            type="number"
            inputMode="numeric"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            {...field('minutes')}
          />
          <FieldError id={`${id}-minutes-error`} field="minutes" message={errors.minutes} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-harder`} className="field__label">
            Harder <span className="field__optional">optional</span>
          </label>
          <input
            id={`${id}-harder`}
            className="input"
            value={harder}
            placeholder="how to raise it once it feels easy"
            onChange={(e) => setHarder(e.target.value)}
            {...field('harder')}
          />
          <FieldError id={`${id}-harder-error`} field="harder" message={errors.harder} />
        </div>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div>
        <button type="button" className="button button--small" onClick={add} disabled={busy}>
          {busy ? 'Adding…' : 'Add exercise'}
        </button>
      </div>
    </fieldset>
  );
}
