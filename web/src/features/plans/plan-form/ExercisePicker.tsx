import { useId } from 'react';
import type { Exercise } from '../../../../../src/core/plans/exercises.js';
import { FieldError } from '../../../shared/components/FieldError.js';
import { ErrorNotice } from '../../../shared/components/PageStates.js';
import { LEVEL_LABELS } from '../labels.js';
import { OwnExerciseForm } from './OwnExerciseForm.js';
import { OWN_EXERCISE } from './values.js';

/** The library's exercises for a sub-skill, each with its instructions, and "write your own". */
export function ExercisePicker({
  subSkill,
  exercises,
  loadError,
  value,
  onChoose,
  onChooseNone,
  onWriteOwn,
  onAdded,
  error,
  errorId,
}: {
  subSkill: string;
  /** Null while the list loads. */
  exercises: Exercise[] | null;
  loadError: string | null;
  value: string;
  onChoose: (exercise: Exercise) => void;
  onChooseNone: () => void;
  onWriteOwn: () => void;
  onAdded: (exercise: Exercise) => void;
  error: string | undefined;
  errorId: string;
}) {
  const id = useId();
  const name = `${id}-exercise`;
  return (
    <fieldset className="exercise-picker" aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">Exercise</legend>
      {exercises === null ? (
        loadError ? (
          <ErrorNotice>{loadError}</ErrorNotice>
        ) : (
          <div className="skeleton skeleton--line" aria-busy="true" />
        )
      ) : (
        <ul className="exercise-list">
          {exercises.map((exercise) => (
            <li key={exercise.id}>
              <ExerciseOption
                exercise={exercise}
                name={name}
                textId={`${id}-${exercise.id}-text`}
                chosen={value === exercise.id}
                onChoose={() => onChoose(exercise)}
              />
            </li>
          ))}
          <li>
            <label className="exercise-option">
              <input type="radio" name={name} checked={value === ''} onChange={onChooseNone} />
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
              <input type="radio" name={name} checked={value === OWN_EXERCISE} onChange={onWriteOwn} />
              <span className="exercise-option__body">
                <span className="exercise-option__title">Write your own</span>
                <span className="exercise-option__text">It joins your library for this sub-skill.</span>
              </span>
            </label>
          </li>
        </ul>
      )}
      {value === OWN_EXERCISE && <OwnExerciseForm subSkill={subSkill} onAdded={onAdded} />}
      <FieldError id={errorId} field="exerciseId" message={error} />
    </fieldset>
  );
}

/** One exercise: title, length and level; its instructions in full (and how to go harder) once chosen. */
function ExerciseOption({
  exercise,
  name,
  textId,
  chosen,
  onChoose,
}: {
  exercise: Exercise;
  name: string;
  textId: string;
  chosen: boolean;
  onChoose: () => void;
}) {
  return (
    <label className="exercise-option">
      <input type="radio" name={name} checked={chosen} onChange={onChoose} aria-describedby={textId} />
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
          id={textId}
          className={
            chosen ? 'exercise-option__text' : 'exercise-option__text exercise-option__text--clamped'
          }
        >
          {exercise.instructions}
        </span>
        {chosen && exercise.harder && (
          <span className="exercise-option__harder">
            <strong>Harder:</strong> {exercise.harder}
          </span>
        )}
      </span>
    </label>
  );
}
