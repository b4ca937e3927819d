import { describe, expect, it } from 'vitest';
import { WhetstoneError } from '../errors.js';
import { newPlan, PLAN_STATES, type Plan, type PlanState } from './plan.js';
import {
  adjustPlan,
  allowedPlanActions,
  cancelReview,
  dropPlan,
  keepPlan,
  PLAN_ACTIONS,
  type PlanAction,
  resumePlan,
  reviewDue,
  startReview,
} from './transitions.js';

const T0 = '2026-03-02T08:00:00.000Z';
const T1 = '2026-03-30T08:00:00.000Z';
const T2 = '2026-03-30T09:00:00.000Z';
const ZONE = 'Europe/Berlin';

function active(): Plan {
  return newPlan(
    {
      title: 'Write every weekday',
      kind: 'practice',
      subSkill: 'writing',
      nextAction: 'Open the draft',
      cadence: 'weekdays 30',
      successSignal: 'A section a week',
      reviewOn: '2026-03-30',
    },
    { id: 'plan0001', now: T0, timeZone: ZONE },
  );
}

/** A plan in `state`, reached through legal steps only. */
function inState(state: PlanState): Plan {
  const plan = active();
  if (state === 'active') return plan;
  const reviewing = startReview(plan, T1);
  if (state === 'reviewing') return reviewing;
  if (state === 'kept') return keepPlan(reviewing, T1);
  if (state === 'dropped') return dropPlan(reviewing, T1);
  return adjustPlan(reviewing, T1);
}

const RUN: Record<PlanAction, (p: Plan) => Plan> = {
  startReview: (p) => startReview(p, T2),
  cancelReview: (p) => cancelReview(p, T2),
  keep: (p) => keepPlan(p, T2),
  adjust: (p) => adjustPlan(p, T2),
  drop: (p) => dropPlan(p, T2),
  resume: (p) => resumePlan(p, { reviewOn: '2026-04-27' }, { now: T2, timeZone: ZONE }),
};

const EXPECTED: Record<PlanState, Partial<Record<PlanAction, PlanState>>> = {
  active: { startReview: 'reviewing' },
  reviewing: { keep: 'kept', adjust: 'adjusted', drop: 'dropped', cancelReview: 'active' },
  adjusted: { resume: 'active' },
  kept: {},
  dropped: {},
};

describe('plan review state machine', () => {
  for (const state of PLAN_STATES) {
    for (const action of PLAN_ACTIONS) {
      const to = EXPECTED[state][action];
      if (to) {
        it(`${state} --${action}--> ${to}`, () => {
          const next = RUN[action](inState(state));
          expect(next.state).toBe(to);
          expect(next.updatedAt).toBe(T2);
        });
      } else {
        it(`${state} refuses ${action} with the allowed steps`, () => {
          let error: unknown;
          try {
            RUN[action](inState(state));
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(WhetstoneError);
          const e = error as WhetstoneError;
          expect(e.code).toBe('illegal_transition');
          const allowed = allowedPlanActions(state);
          const tail = allowed.length
            ? `allowed next steps: ${allowed.join(', ')}`
            : 'its review is decided; no further steps';
          expect(e.message).toBe(`plan: cannot ${action}: the plan is ${state}; ${tail}`);
          expect(e.issues[0]?.field).toBe('state');
        });
      }
    }
  }

  it('records when the decision was made', () => {
    expect(inState('reviewing').decidedAt).toBeNull();
    expect(keepPlan(inState('reviewing'), T2).decidedAt).toBe(T2);
    expect(adjustPlan(inState('reviewing'), T2).decidedAt).toBe(T2);
  });

  it('refuses a step dated before the last change', () => {
    expect(() => startReview(active(), '2026-03-01T00:00:00Z')).toThrow(
      'now: is earlier than the last change recorded on this plan',
    );
  });
});

describe('resumePlan', () => {
  const context = { now: T2, timeZone: ZONE };

  it('sets a new review date and optionally a new cadence and next action', () => {
    const resumed = resumePlan(
      inState('adjusted'),
      { reviewOn: '2026-04-27', cadence: '3x20/week', nextAction: 'Write before email' },
      context,
    );
    expect(resumed).toMatchObject({
      state: 'active',
      reviewOn: '2026-04-27',
      cadence: { rule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', minutes: 20, perWeek: 3 },
      nextAction: 'Write before email',
      decidedAt: T1,
    });
    const same = resumePlan(inState('adjusted'), { reviewOn: '2026-04-27' }, context);
    expect(same.cadence).toEqual(active().cadence);
  });

  it('refuses a past review date, a missing one, and a practice routine without cadence', () => {
    expect(() => resumePlan(inState('adjusted'), { reviewOn: '2026-03-29' }, context)).toThrow(
      'reviewOn: must not be in the past (today is 2026-03-30 in Europe/Berlin)',
    );
    expect(() => resumePlan(inState('adjusted'), {}, context)).toThrow('reviewOn: is required');
    expect(() => resumePlan(inState('adjusted'), { reviewOn: '2026-04-27', cadence: null }, context)).toThrow(
      'cadence: a practice routine needs a cadence',
    );
  });
});

describe('reviewDue', () => {
  it("is due from the review date on, in the person's zone, while the plan is open", () => {
    const plan = active(); // review on 2026-03-30
    // 2026-03-29T22:30Z is 00:30 on 30 March in Berlin (CEST, UTC+2) but still 29 March in UTC.
    expect(reviewDue(plan, { now: '2026-03-29T22:30:00Z', timeZone: ZONE })).toBe(true);
    expect(reviewDue(plan, { now: '2026-03-29T22:30:00Z', timeZone: 'UTC' })).toBe(false);
    expect(reviewDue(inState('reviewing'), { now: T2, timeZone: ZONE })).toBe(true);
    expect(reviewDue(inState('kept'), { now: T2, timeZone: ZONE })).toBe(false);
    expect(reviewDue(inState('adjusted'), { now: T2, timeZone: ZONE })).toBe(false);
  });
});
