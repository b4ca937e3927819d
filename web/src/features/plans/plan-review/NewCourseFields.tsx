import type { UseFormRegisterReturn } from 'react-hook-form';
import type { PlanView } from '../../../../../src/core/plans/views.js';
import { Field } from '../../../shared/forms/Field.js';

/** How an adjusted plan goes on, as both the review and the resume form hold it. */
export interface NewCourseValues {
  reviewOn: string;
  cadence: string;
  nextAction: string;
}

type CourseField = keyof NewCourseValues;

/** The new course as the API takes it: the date always, a cadence or next action only when written. */
export function courseInput({ reviewOn, cadence, nextAction }: NewCourseValues): {
  reviewOn: string;
  cadence?: string;
  nextAction?: string;
} {
  return {
    reviewOn,
    ...(cadence.trim() ? { cadence: cadence.trim() } : {}),
    ...(nextAction.trim() ? { nextAction } : {}),
  };
}

/** A new review date, and optionally a new cadence and next action. */
export function NewCourseFields({
  id,
  plan,
  today,
  register,
  errorOf,
}: {
  id: string;
  plan: PlanView;
  today: string;
  register: (name: CourseField) => UseFormRegisterReturn;
  errorOf: (name: CourseField) => string | undefined;
}) {
  return (
    <>
      <Field
        id={`${id}-review`}
        name="reviewOn"
        label="New review date"
        className="field field--date"
        error={errorOf('reviewOn')}
      >
        {(control) => (
          <input {...control} {...register('reviewOn')} className="input" type="date" min={today} />
        )}
      </Field>
      <Field
        id={`${id}-cadence`}
        name="cadence"
        label={
          <>
            New cadence <span className="field__optional">optional; now {plan.cadenceText ?? 'none'}</span>
          </>
        }
        error={errorOf('cadence')}
      >
        {(control) => (
          <input {...control} {...register('cadence')} className="input" placeholder="e.g. 2x45/week" />
        )}
      </Field>
      <Field
        id={`${id}-next`}
        name="nextAction"
        label={
          <>
            New next action <span className="field__optional">optional</span>
          </>
        }
        error={errorOf('nextAction')}
      >
        {(control) => (
          <input {...control} {...register('nextAction')} className="input" placeholder={plan.nextAction} />
        )}
      </Field>
    </>
  );
}
