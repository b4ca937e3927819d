import type { Path } from 'react-hook-form';
import type { Cadence } from '../../../../../src/core/plans/cadence.js';
import type { PlanCreateInput, PlanKind, PlanUpdateInput } from '../../../../../src/core/plans/plan.js';
import type { PlanView } from '../../../../../src/core/plans/views.js';

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
export function toCreateInput(values: PlanFormValues, ideaId?: string): PlanCreateInput {
  const cadence = values.cadence.trim();
  return {
    title: values.title,
    kind: values.kind,
    ...(ideaId ? { ideaIds: [ideaId] } : {}),
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

const WEEKDAYS_RULE = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';

/**
 * A stored cadence as the text the cadence field reads (`3x30/week`, `daily 20`, `weekdays 45`,
 * `MO,WE,FR 30`, or the rule itself), with ` at 07:30` when it has its own start time.
 */
export function cadenceInputText(cadence: Cadence | null): string {
  if (!cadence) return '';
  const { rule, minutes, perWeek, at } = cadence;
  const days = /^FREQ=WEEKLY;BYDAY=([A-Z]{2}(?:,[A-Z]{2})*)$/.exec(rule)?.[1];
  const text =
    perWeek !== null
      ? `${perWeek}x${minutes}/week`
      : rule === 'FREQ=DAILY'
        ? `daily ${minutes}`
        : rule === WEEKDAYS_RULE
          ? `weekdays ${minutes}`
          : days
            ? `${days} ${minutes}`
            : `${rule} ${minutes}`;
  return at === '09:00' ? text : `${text} at ${at}`;
}

/** A plan as the form holds it, for editing. */
export function planFormValues(plan: PlanView): PlanFormValues {
  return {
    title: plan.title,
    kind: plan.kind,
    areaId: plan.areaId,
    subSkill: plan.subSkill ?? '',
    exerciseId: plan.exerciseId ?? '',
    nextAction: plan.nextAction,
    cadence: cadenceInputText(plan.cadence),
    successSignal: plan.successSignal,
    reviewOn: plan.reviewOn,
  };
}

/**
 * What an edit sends: only the fields that changed, so an untouched overdue review date or a
 * cadence written another way is not checked again. A process change drops practice fields.
 */
export function toUpdateInput(values: PlanFormValues, before: PlanFormValues): PlanUpdateInput {
  const patch: PlanUpdateInput = {};
  if (values.title !== before.title) patch.title = values.title;
  if (values.kind !== before.kind) patch.kind = values.kind;
  if (values.areaId !== before.areaId) patch.areaId = values.areaId;
  if (values.nextAction !== before.nextAction) patch.nextAction = values.nextAction;
  if (values.successSignal !== before.successSignal) patch.successSignal = values.successSignal;
  if (values.reviewOn !== before.reviewOn) patch.reviewOn = values.reviewOn;
  if (values.cadence.trim() !== before.cadence.trim()) patch.cadence = values.cadence.trim() || null;
  const practice = values.kind === 'practice';
  const subSkill = practice ? values.subSkill || null : null;
  const exerciseId = practice ? values.exerciseId || null : null;
  if (subSkill !== (before.subSkill || null)) patch.subSkill = subSkill;
  if (exerciseId !== (before.exerciseId || null)) patch.exerciseId = exerciseId;
  return patch;
}
