import { useEffect, useId } from 'react';
import type { Idea } from '../../../../src/core/ideas.js';
import type { PlanView, SubSkillView as SubSkill } from '../../../../src/core/plans/views.js';
import { PLAN_TITLE_MAX } from '../../../../src/core/plans/vocabulary.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { Field } from '../../shared/forms/Field.js';
import { useApiForm } from '../../shared/forms/use-api-form.js';
import { plansApi } from './api.js';
import { defaultReviewOn } from './dates.js';
import { PracticeChoice } from './plan-form/PracticeChoice.js';
import { ScheduleFields } from './plan-form/ScheduleFields.js';
import {
  ownExerciseAdded,
  type PlanFormValues,
  planFormValues,
  toCreateInput,
  toUpdateInput,
} from './plan-form/values.js';
import { useSubSkills, useToday } from './queries.js';

type PlanFormProps = {
  onSaved: (plan: PlanView) => void;
  onCancel: () => void;
} & (
  | { /** A new plan, from this idea (or from none). */ idea?: Idea | undefined; plan?: undefined }
  | { /** This plan, edited. */ plan: PlanView; idea?: undefined }
);

/**
 * "Make a plan" (from an idea or without one) and "Edit plan": what will change, the kind, area,
 * for a practice routine the sub-skill and an exercise (from the library or one's own), the next
 * action, a cadence read back as it is typed, a success signal and a review date (two weeks ahead
 * by default). An edit sends only the fields that changed.
 */
export function PlanForm(props: PlanFormProps) {
  // The default review date is two weeks from today in the person's zone, so it waits for it.
  const today = useToday();
  if (today === null) return <LoadingCard lines={2} />;
  return <PlanFormWithToday {...props} today={today} />;
}

/** The idea's area often names the sub-skill to practise. */
function subSkillFor(subSkills: readonly SubSkill[], areaId: string | null): string {
  return subSkills.find((s) => s.areaId === areaId)?.id ?? '';
}

function newPlanValues(
  idea: Idea | undefined,
  subSkills: readonly SubSkill[],
  today: string,
): PlanFormValues {
  const areaId = idea?.areaId ?? null;
  return {
    title: idea ? idea.text.slice(0, PLAN_TITLE_MAX) : '',
    kind: 'process',
    areaId,
    subSkill: subSkillFor(subSkills, areaId),
    exerciseId: '',
    nextAction: '',
    cadence: '',
    successSignal: '',
    reviewOn: defaultReviewOn(today),
  };
}

function PlanFormWithToday({ idea, plan, onSaved, onCancel, today }: PlanFormProps & { today: string }) {
  const subSkills = useSubSkills();
  const id = useId();
  const editing = plan !== undefined;
  const initial = plan ? planFormValues(plan) : newPlanValues(idea, subSkills, today);
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<PlanFormValues, PlanView>({
    defaultValues: initial,
    submit: (values) =>
      plan
        ? plansApi.updatePlan(plan.id, toUpdateInput(values, planFormValues(plan)))
        : plansApi.createPlan(toCreateInput(values, idea?.id)),
    onSuccess: onSaved,
  });

  // The exercise has no input of its own (the picker sets it), so its check is registered here.
  useEffect(() => {
    form.register('exerciseId', { validate: ownExerciseAdded });
  }, [form]);

  // Sub-skills that arrive after a new plan's form opened still preselect the idea's.
  const ideaArea = idea?.areaId ?? null;
  useEffect(() => {
    if (editing) return;
    const match = subSkillFor(subSkills, ideaArea);
    if (match && !form.getValues('subSkill')) form.setValue('subSkill', match);
  }, [form, subSkills, ideaArea, editing]);

  const name = editing ? 'Edit plan' : 'Make a plan';
  return (
    <form className="card start-card plan-form" aria-label={name} onSubmit={onSubmit} noValidate>
      <Field id={`${id}-title`} name="title" label="What will change?" error={errorOf('title')}>
        {(control) => (
          <input
            {...control}
            {...form.register('title')}
            className="input"
            maxLength={PLAN_TITLE_MAX}
            placeholder={idea ? undefined : 'e.g. Read one paper a week, summarised in under an hour'}
          />
        )}
      </Field>

      <PracticeChoice id={id} form={form} errorOf={errorOf} subSkills={subSkills} />
      <ScheduleFields id={id} form={form} errorOf={errorOf} today={today} />

      {problem && <ErrorNotice>{problem}</ErrorNotice>}

      <div className="plan-form__actions">
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {editing ? (busy ? 'Saving…' : 'Save changes') : busy ? 'Creating…' : 'Create plan'}
        </button>
      </div>
    </form>
  );
}
