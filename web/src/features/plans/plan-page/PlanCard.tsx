import type { PlanView } from '../../../../../src/core/plans/views.js';
import { PLAN_KIND_LABELS } from '../../../../../src/core/plans/vocabulary.js';
import { plural } from '../../../../../src/core/plural.js';
import { useAreas } from '../../../shared/state.js';
import { dayText, longDayText } from '../dates.js';
import { minutesText } from '../format.js';
import { PlanStateBadge } from '../PlanRow.js';
import { useSubSkills } from '../queries.js';

/**
 * The plan itself: state, kind and area, its title (the page's h1), its facts and its exercise;
 * `onEdit` adds "Edit plan" (open plans only).
 */
export function PlanCard({
  plan,
  titleId,
  onEdit,
}: {
  plan: PlanView;
  titleId: string;
  onEdit?: () => void;
}) {
  const subSkills = useSubSkills();
  const { nameOf } = useAreas();
  const area = nameOf(plan.areaId);
  return (
    <article className="card plan-card" aria-labelledby={titleId}>
      <div className="plan-card__top">
        <PlanStateBadge state={plan.state} />
        <span className="tag">{PLAN_KIND_LABELS[plan.kind]}</span>
        {area && <span className="chip">{area}</span>}
        {plan.reviewDue && <span className="tag tag--due">Review due</span>}
        {onEdit && (
          <button type="button" className="button button--small plan-card__edit" onClick={onEdit}>
            Edit plan
          </button>
        )}
      </div>
      <h1 id={titleId} className="plan-card__title">
        {plan.title}
      </h1>
      <dl className="plan-facts">
        <div className="plan-facts__item plan-facts__item--wide">
          <dt>Next action</dt>
          <dd className="plan-facts__next">{plan.nextAction}</dd>
        </div>
        <div className="plan-facts__item">
          <dt>Cadence</dt>
          <dd>{plan.cadenceText ?? 'None'}</dd>
        </div>
        <div className="plan-facts__item">
          <dt>Review date</dt>
          <dd>
            <time dateTime={plan.reviewOn} title={longDayText(plan.reviewOn)}>
              {dayText(plan.reviewOn)}
            </time>
          </dd>
        </div>
        <div className="plan-facts__item plan-facts__item--wide">
          <dt>Success signal</dt>
          <dd>{plan.successSignal}</dd>
        </div>
        {plan.subSkill && (
          <div className="plan-facts__item">
            <dt>Sub-skill</dt>
            <dd>{subSkills.find((s) => s.id === plan.subSkill)?.label ?? plan.subSkill}</dd>
          </div>
        )}
        <div className="plan-facts__item">
          <dt>Practice so far</dt>
          <dd>
            {plural(plan.practice.blocks, 'block')} · {minutesText(plan.practice.minutes)}
          </dd>
        </div>
      </dl>
      {plan.exercise && (
        <section className="exercise-card" aria-label="Exercise">
          <h2 className="exercise-card__title">
            Exercise: {plan.exercise.title} <span className="meta-text">· {plan.exercise.minutes} min</span>
          </h2>
          <p>{plan.exercise.instructions}</p>
          {plan.exercise.harder && (
            <p className="exercise-card__harder">
              <strong>Once it feels easy:</strong> {plan.exercise.harder}
            </p>
          )}
        </section>
      )}
    </article>
  );
}
