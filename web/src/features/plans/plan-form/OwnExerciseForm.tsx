import { useId } from 'react';
import type { Exercise } from '../../../../../src/core/plans/exercises.js';
import { Field } from '../../../shared/forms/Field.js';
import { useApiForm } from '../../../shared/forms/use-api-form.js';
import { plansApi } from '../api.js';

interface OwnExerciseValues {
  title: string;
  instructions: string;
  /** As typed; the server checks the range. */
  minutes: string;
  harder: string;
}

/**
 * A person's own exercise: a title, what to do in one block, its length. It sits inside the plan
 * form, so it is a group with its own button rather than a nested <form>.
 */
export function OwnExerciseForm({
  subSkill,
  onAdded,
}: {
  subSkill: string;
  onAdded: (exercise: Exercise) => void;
}) {
  const id = useId();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<OwnExerciseValues, Exercise>({
    defaultValues: { title: '', instructions: '', minutes: '30', harder: '' },
    submit: ({ title, instructions, minutes, harder }) =>
      plansApi.createExercise({
        subSkill,
        title,
        instructions,
        minutes: Number(minutes),
        ...(harder.trim() ? { harder } : {}),
      }),
    onSuccess: onAdded,
  });

  return (
    <fieldset className="own-exercise">
      <legend className="field__label">Your own exercise</legend>
      <Field id={`${id}-title`} name="title" label="Exercise title" error={errorOf('title')}>
        {(control) => <input {...control} {...form.register('title')} className="input" />}
      </Field>
      <Field
        id={`${id}-instructions`}
        name="instructions"
        label={
          <>
            Instructions <span className="field__optional">what to do in one block</span>
          </>
        }
        error={errorOf('instructions')}
      >
        {(control) => (
          <textarea {...control} {...form.register('instructions')} className="textarea" rows={3} />
        )}
      </Field>
      <div className="plan-form__row">
        <Field id={`${id}-minutes`} name="minutes" label="Minutes per block" error={errorOf('minutes')}>
          {(control) => (
            <input
              {...control}
              {...form.register('minutes')}
              className="input input--short"
              type="number"
              inputMode="numeric"
            />
          )}
        </Field>
        <Field
          id={`${id}-harder`}
          name="harder"
          label={
            <>
              Harder <span className="field__optional">optional</span>
            </>
          }
          error={errorOf('harder')}
        >
          {(control) => (
            <input
              {...control}
              {...form.register('harder')}
              className="input"
              placeholder="how to raise it once it feels easy"
            />
          )}
        </Field>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div>
        <button type="button" className="button button--small" onClick={onSubmit} disabled={busy}>
          {busy ? 'Adding…' : 'Add exercise'}
        </button>
      </div>
    </fieldset>
  );
}
