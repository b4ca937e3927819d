import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { PlanView } from '../../../../src/core/plans/views.js';
import { plural } from '../../../../src/core/plural.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { useToast } from '../../shared/state.js';
import { todayIn } from '../../shared/time-zone.js';
import { useSettings } from '../settings/queries.js';
import { PlanForm } from './PlanForm.js';
import { PlanRow } from './PlanRow.js';
import { usePlans, usePlansChanged, useThisWeek } from './queries.js';
import './plans-list.css';
import './plans-form.css';

const OPEN_ORDER = { reviewing: 0, active: 1, adjusted: 2, kept: 3, dropped: 4 } as const;

const isOpen = (p: PlanView) => p.state === 'active' || p.state === 'reviewing' || p.state === 'adjusted';

/** /plans: open plans first (review due on top), then the decided ones. */
export function PlansPage() {
  const settings = useSettings();
  const byPlan = useThisWeek();
  const { data: plans, error, reload } = usePlans({ state: 'all' });
  const id = useId();
  const navigate = useNavigate();
  const { notify } = useToast();
  const plansChanged = usePlansChanged();
  const [creating, setCreating] = useState(false);

  const today = todayIn(settings?.timeZone);
  const open = (plans ?? [])
    .filter(isOpen)
    .sort(
      (a, b) =>
        Number(b.reviewDue) - Number(a.reviewDue) ||
        OPEN_ORDER[a.state] - OPEN_ORDER[b.state] ||
        a.reviewOn.localeCompare(b.reviewOn),
    );
  const decided = (plans ?? [])
    .filter((p) => !isOpen(p))
    .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
  const due = open.filter((p) => p.reviewDue).length;

  return (
    <div className="page page--narrow">
      <header className="page-header page-header--split">
        <div>
          <h1 className="page-title">Plans</h1>
          <p className="page-lede">
            Ideas turned into changes: what you are trying, how often you practise, and when you decide
            whether it worked.
          </p>
        </div>
        <div className="page-header__actions">
          <Link to="/review" className="button button--small">
            Weekly review
          </Link>
          {!creating && (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => setCreating(true)}
            >
              New plan
            </button>
          )}
        </div>
      </header>

      {creating && (
        <section className="data-section" aria-labelledby={`${id}-new`}>
          <h2 id={`${id}-new`} className="section-title">
            New plan
          </h2>
          <PlanForm
            onCancel={() => setCreating(false)}
            onSaved={(plan) => {
              plansChanged();
              notify('Plan created');
              navigate(`/plans/${plan.id}`);
            }}
          />
        </section>
      )}

      {error && <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>}

      <section aria-labelledby={`${id}-open`} className="data-section">
        <h2 id={`${id}-open`} className="section-title">
          Open {plans && open.length > 0 && <span className="section-title__count">{open.length}</span>}
          {due > 0 && <span className="tag tag--due section-title__tag">{plural(due, 'review')} due</span>}
        </h2>
        {plans === null ? (
          !error && <LoadingCard lines={2} />
        ) : open.length === 0 ? (
          <div className="card empty-card">
            <p className="empty-card__title">No open plans.</p>
            <p className="meta-text">
              Choose <strong>New plan</strong>, or open an idea from the <Link to="/">inbox</Link> and choose{' '}
              <strong>Make a plan</strong>: what will change, how often, and when you will look again.
            </p>
          </div>
        ) : (
          <ul className="history-list" aria-label="Open plans">
            {open.map((plan) => (
              <PlanRow key={plan.id} plan={plan} today={today} week={byPlan.get(plan.id)} />
            ))}
          </ul>
        )}
      </section>

      {decided.length > 0 && (
        <section aria-labelledby={`${id}-decided`} className="data-section">
          <h2 id={`${id}-decided`} className="section-title">
            Decided
          </h2>
          <ul className="history-list" aria-label="Decided plans">
            {decided.map((plan) => (
              <PlanRow key={plan.id} plan={plan} today={today} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
