import type { Path } from 'react-hook-form';
import type { PlanCreateInput, PlanKind } from '../../../../../src/core/plans/plan.js';

/** The exercise choice while "Write your own" is open and the exercise not added yet. */
export const OWN_EXERCISE = 'own';

type Fields = Exclude<keyof PlanCreateInput, 'ideaIds'>;

/**
 * The plan form's values: the fields of PlanCreateInput by the same names (so the server's field
 * errors land on them), as the controls hold them: text, with '' for "none".
 */
export type PlanFormValues = Omit<Record<Fields, string>, 'kind' | 'areaId'> & {
  kind: PlanKind;
  areaId: string | null;
};

export type PlanFormErrorOf = (name: Path<PlanFormValues>) => string | undefined;

/** What the form sends: optional text left out when empty, practice fields only for practice. */
export function toCreateInput(values: PlanFormValues, ideaId: string): PlanCreateInput {
  const cadence = values.cadence.trim();
  return {
    title: values.title,
    kind: values.kind,
    ideaIds: [ideaId],
    areaId: values.areaId,
    nextAction: values.nextAction,
    successSignal: values.successSignal,
    reviewOn: values.reviewOn,
    ...(cadence ? { cadence } : {}),
    ...(values.kind === 'practice'
      ? { subSkill: values.subSkill || null, exerciseId: values.exerciseId || null }
      : {}),
  };
}

/** Refuses "Write your own" left open: the plan would point at an exercise that does not exist. */
export function ownExerciseAdded(exerciseId: string, values: PlanFormValues): true | string {
  return values.kind !== 'practice' || exerciseId !== OWN_EXERCISE
    ? true
    : 'Add your exercise first, or choose one from the library.';
}
