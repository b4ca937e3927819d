import { Controller, type UseFormReturn, useWatch } from 'react-hook-form';
import type { Exercise } from '../../../../../src/core/plans/exercises.js';
import type { SubSkillView as SubSkill } from '../../../../../src/core/plans/views.js';
import { PLAN_KIND_LABELS, PLAN_KINDS } from '../../../../../src/core/plans/vocabulary.js';
import { AreaSelect } from '../../../shared/components/AreaSelect.js';
import { ChoiceCards } from '../../../shared/components/ChoiceCards.js';
import { FieldError } from '../../../shared/components/FieldError.js';
import { Field } from '../../../shared/forms/Field.js';
import { KIND_HINTS } from '../labels.js';
import { useExerciseAdded, useExercises } from '../queries.js';
import { ExercisePicker } from './ExercisePicker.js';
import { OWN_EXERCISE, type PlanFormErrorOf, type PlanFormValues } from './values.js';

/**
 * The plan's kind and area and, for a practice routine, the sub-skill and the exercise. Choosing
 * an exercise suggests a cadence in its block length when none is written yet.
 */
export function PracticeChoice({
  id,
  form,
  errorOf,
  subSkills,
}: {
  id: string;
  form: UseFormReturn<PlanFormValues>;
  errorOf: PlanFormErrorOf;
  subSkills: readonly SubSkill[];
}) {
  const { control, setValue, getValues } = form;
  const [kind, subSkill, exerciseId] = useWatch({ control, name: ['kind', 'subSkill', 'exerciseId'] });
  const practice = kind === 'practice';
  const { exercises, error: exercisesError } = useExercises(practice && subSkill ? subSkill : null);
  const exerciseAdded = useExerciseAdded();
  const kindError = errorOf('kind');

  const chooseExercise = (exercise: Exercise) => {
    setValue('exerciseId', exercise.id);
    // A cadence to start from, in the exercise's block length; the person may change it.
    if (!getValues('cadence').trim()) setValue('cadence', `3x${exercise.minutes}/week`);
  };

  // Another sub-skill has other exercises; its area fills an empty area.
  const subSkillChosen = (chosen: string) => {
    setValue('exerciseId', '');
    const area = subSkills.find((s) => s.id === chosen)?.areaId;
    if (area && getValues('areaId') === null) setValue('areaId', area);
  };

  return (
    <>
      <fieldset className="plan-form__kinds" aria-describedby={kindError ? `${id}-kind-error` : undefined}>
        <legend className="field__label">Kind</legend>
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <ChoiceCards
              id={`${id}-kind`}
              block="kind-choice"
              options={PLAN_KINDS}
              value={field.value}
              onChange={field.onChange}
              labels={PLAN_KIND_LABELS}
              hints={KIND_HINTS}
            />
          )}
        />
        <FieldError id={`${id}-kind-error`} field="kind" message={kindError} />
      </fieldset>

      <div className="plan-form__row">
        <Field id={`${id}-area`} name="areaId" label="Area" error={errorOf('areaId')}>
          {(props) => (
            <Controller
              control={control}
              name="areaId"
              render={({ field }) => (
                <AreaSelect {...props} className="select" value={field.value} onChange={field.onChange} />
              )}
            />
          )}
        </Field>
        {practice && (
          <Field id={`${id}-subskill`} name="subSkill" label="Sub-skill" error={errorOf('subSkill')}>
            {(props) => (
              // Controlled, so the choice shows even when the sub-skills arrive after the select.
              <Controller
                control={control}
                name="subSkill"
                render={({ field }) => (
                  <select
                    {...props}
                    className="select"
                    name={field.name}
                    ref={field.ref}
                    value={field.value}
                    onBlur={field.onBlur}
                    onChange={(e) => {
                      field.onChange(e.target.value);
                      subSkillChosen(e.target.value);
                    }}
                  >
                    <option value="">Choose a sub-skill</option>
                    {subSkills.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                )}
              />
            )}
          </Field>
        )}
      </div>

      {practice && subSkill && (
        <ExercisePicker
          subSkill={subSkill}
          exercises={exercises}
          loadError={exercisesError}
          value={exerciseId}
          onChoose={chooseExercise}
          onChooseNone={() => setValue('exerciseId', '')}
          onWriteOwn={() => setValue('exerciseId', OWN_EXERCISE)}
          onAdded={(exercise) => {
            exerciseAdded(exercise);
            chooseExercise(exercise);
          }}
          error={errorOf('exerciseId')}
          errorId={`${id}-exerciseId-error`}
        />
      )}
    </>
  );
}
