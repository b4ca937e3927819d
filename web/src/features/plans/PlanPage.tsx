import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { PlanView } from '../../../../src/core/plans/views.js';
import { StatusBadge } from '../../shared/components/Badges.js';
import { BackLink, PagePlaceholder } from '../../shared/components/PageStates.js';
import { useToast } from '../../shared/state.js';
import { useSettings } from '../settings/queries.js';
import { PlanForm } from './PlanForm.js';
import { PlanReviewPanel } from './PlanReviewPanel.js';
import { WeekProgress } from './PlanRow.js';
import { PracticeLogger } from './PracticeLogger.js';
import { PastReviews } from './plan-page/PastReviews.js';
import { PlanCard } from './plan-page/PlanCard.js';
import { PracticeLogList } from './plan-page/PracticeLogList.js';
import { usePlan, usePlanReviewPrompts, usePlansChanged, usePracticeLog, useThisWeek } from './queries.js';
import './plans-list.css';
import './plans-form.css';
import './plans-page.css';

/** /plans/:id: the whole plan, its ideas, logging practice, the practice log, and its reviews. */
export function PlanPage({ id }: { id: string }) {
  const settings = useSettings();
  const byPlan = useThisWeek();
  const plansChanged = usePlansChanged();
  const uid = useId();
  const { notify } = useToast();
  const [editing, setEditing] = useState(false);
  const { data: plan, error: planError, setData: setPlan } = usePlan(id);
  const { data: logs, error: logsError } = usePracticeLog(id);
  const { data: prompts, error: promptsError } = usePlanReviewPrompts();

  if (!plan || !logs || !prompts)
    return (
      <PagePlaceholder
        error={planError ?? logsError ?? promptsError}
        back={{ to: '/plans', label: 'Plans' }}
      />
    );

  const open = plan.state === 'active' || plan.state === 'reviewing';
  const week = byPlan.get(plan.id);
  const reviewed = (updated: PlanView) => {
    setPlan(() => updated);
    plansChanged();
  };

  return (
    <div className="page page--narrow">
      <BackLink to="/plans">Plans</BackLink>
      {editing ? (
        <section className="plan-edit" aria-labelledby={`${uid}-title`}>
          <h1 id={`${uid}-title`} className="page-title">
            Edit plan
          </h1>
          <PlanForm
            plan={plan}
            onCancel={() => setEditing(false)}
            onSaved={(updated) => {
              setEditing(false);
              reviewed(updated);
              notify('Plan saved');
            }}
          />
        </section>
      ) : (
        <PlanCard
          plan={plan}
          titleId={`${uid}-title`}
          onEdit={plan.state === 'kept' || plan.state === 'dropped' ? undefined : () => setEditing(true)}
        />
      )}

      <section className="data-section" aria-labelledby={`${uid}-ideas`}>
        <h2 id={`${uid}-ideas`} className="section-title">
          Ideas
        </h2>
        {plan.ideas.length === 0 ? (
          <p className="meta-text">
            {plan.ideaIds.length === 0
              ? 'No linked ideas: this plan was made on its own.'
              : 'No linked ideas (they may have been deleted).'}
          </p>
        ) : (
          <ul className="linked-ideas" aria-label="Linked ideas">
            {plan.ideas.map((idea) => (
              <li key={idea.id}>
                <Link to={`/ideas/${idea.id}`} className="linked-idea">
                  <span className="linked-idea__text">{idea.text}</span>
                  <StatusBadge status={idea.status} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="data-section" aria-labelledby={`${uid}-practice`}>
        <h2 id={`${uid}-practice`} className="section-title">
          Practice
        </h2>
        <div className="card practice-card">
          {week && <WeekProgress week={week} />}
          {open || plan.state === 'adjusted' ? (
            <PracticeLogger plan={plan} onLogged={plansChanged} />
          ) : (
            <p className="meta-text">This plan is {plan.state}; practice is no longer logged against it.</p>
          )}
        </div>
        <PracticeLogList logs={logs} timeZone={settings?.timeZone} />
      </section>

      <section className="data-section" aria-labelledby={`${uid}-review`}>
        <h2 id={`${uid}-review`} className="section-title">
          Review
        </h2>
        <div className="card review-card">
          <PlanReviewPanel plan={plan} onChanged={reviewed} />
        </div>
      </section>

      {plan.reviews.length > 0 && (
        <section className="data-section" aria-labelledby={`${uid}-past`}>
          <h2 id={`${uid}-past`} className="section-title">
            Past reviews
          </h2>
          <PastReviews plan={plan} prompts={prompts} />
        </section>
      )}
    </div>
  );
}
