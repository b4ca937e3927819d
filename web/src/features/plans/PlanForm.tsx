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
import { ownExerciseAdded, type PlanFormValues, toCreateInput } from './plan-form/values.js';
import { useSubSkills, useToday } from './queries.js';

interface PlanFormProps {
  idea: Idea;
  onCreated: (plan: PlanView) => void;
  onCancel: () => void;
}

/**
 * "Make a plan" from an idea: what will change, the kind, area, for a practice routine the
 * sub-skill and an exercise (from the library or one's own), the next action, a cadence read
 * back as it is typed, a success signal and a review date (two weeks ahead by default).
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

function PlanFormWithToday({ idea, onCreated, onCancel, today }: PlanFormProps & { today: string }) {
  const subSkills = useSubSkills();
  const id = useId();
  const { form, onSubmit, problem, busy, errorOf } = useApiForm<PlanFormValues, PlanView>({
    defaultValues: {
      title: idea.text.slice(0, PLAN_TITLE_MAX),
      kind: 'process',
      areaId: idea.areaId,
      subSkill: subSkillFor(subSkills, idea.areaId),
      exerciseId: '',
      nextAction: '',
      cadence: '',
      successSignal: '',
      reviewOn: defaultReviewOn(today),
    },
    submit: (values) => plansApi.createPlan(toCreateInput(values, idea.id)),
    onSuccess: onCreated,
  });

  // The exercise has no input of its own (the picker sets it), so its check is registered here.
  useEffect(() => {
    form.register('exerciseId', { validate: ownExerciseAdded });
  }, [form]);

  // Sub-skills that arrive after the form opened still preselect the idea's.
  useEffect(() => {
    const match = subSkillFor(subSkills, idea.areaId);
    if (match && !form.getValues('subSkill')) form.setValue('subSkill', match);
  }, [form, subSkills, idea.areaId]);

  return (
    <form className="card start-card plan-form" aria-label="Make a plan" onSubmit={onSubmit} noValidate>
      <Field id={`${id}-title`} name="title" label="What will change?" error={errorOf('title')}>
        {(control) => (
          <input {...control} {...form.register('title')} className="input" maxLength={PLAN_TITLE_MAX} />
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
          {busy ? 'Creating…' : 'Create plan'}
        </button>
      </div>
    </form>
  );
}
