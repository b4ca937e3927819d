import { useId, useState } from 'react';
import type { Idea } from '../../../../src/core/ideas.js';
import { useLiveChanges } from '../../shared/api/live.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { useToast } from '../../shared/state.js';
import { todayIn } from '../../shared/time-zone.js';
import { useSettings } from '../settings/queries.js';
import { PlanForm } from './PlanForm.js';
import { PlanRow } from './PlanRow.js';
import { usePlans, usePlansChanged, useThisWeek } from './queries.js';

/**
 * The idea page's plans: the plans that carry the idea out, and "Make a plan". `onChanged` lets
 * the page reload the idea, whose status follows its plans.
 */
export function IdeaPlans({ idea, onChanged }: { idea: Idea; onChanged: () => void }) {
  const { notify } = useToast();
  const settings = useSettings();
  const byPlan = useThisWeek();
  const plansChanged = usePlansChanged();
  const [open, setOpen] = useState(false);
  const id = useId();
  const { data: plans, error, reload, setData: setPlans } = usePlans({ ideaId: idea.id });
  // Practice logged elsewhere (another tab, `whet practice`) moves the idea's status too.
  useLiveChanges(onChanged);

  const today = todayIn(settings?.timeZone);

  return (
    <section className="idea-plans" aria-labelledby={`${id}-heading`}>
      <div className="idea-plans__header">
        <h2 id={`${id}-heading`} className="section-title">
          Plans
        </h2>
        {!open && (
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => setOpen(true)}
          >
            Make a plan
          </button>
        )}
      </div>
      {open && (
        <PlanForm
          idea={idea}
          onCancel={() => setOpen(false)}
          onSaved={(plan) => {
            setOpen(false);
            setPlans((list) => [...(list ?? []).filter((p) => p.id !== plan.id), plan]);
            notify('Plan created');
            plansChanged();
            onChanged();
          }}
        />
      )}
      {error && <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>}
      {plans === null ? (
        !error && <div className="skeleton skeleton--line" aria-busy="true" />
      ) : plans.length === 0 ? (
        !open && (
          <p className="meta-text">
            No plan yet. A plan says what will change, how often, and when you will decide whether it worked.
          </p>
        )
      ) : (
        <ul className="history-list" aria-label="Plans for this idea">
          {plans.map((plan) => (
            <PlanRow key={plan.id} plan={plan} today={today} week={byPlan.get(plan.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
