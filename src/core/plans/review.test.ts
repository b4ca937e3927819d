import { describe, expect, it } from 'vitest';
import { thrownError } from '../errors.test-support.js';
import { newPlan, type Plan } from './plan.js';
import {
  applyDecision,
  newWeeklyReview,
  PLAN_REVIEW_PROMPTS,
  PlanReview,
  reviewPlan,
  WEEKLY_REVIEW_PROMPTS,
  WeeklyReview,
} from './review.js';

const ZONE = 'Europe/Berlin';
const CREATED = '2026-03-02T08:00:00.000Z';
const NOW = '2026-03-30T08:00:00.000Z'; // Monday 30 March, 10:00 CEST

function plan(): Plan {
  return newPlan(
    {
      title: 'Read a paper every week',
      kind: 'practice',
      ideaIds: ['idea0001'],
      subSkill: 'reading',
      nextAction: 'Choose the paper',
      cadence: '2x45/week',
      successSignal: 'A summary in under an hour',
      reviewOn: '2026-03-30',
    },
    { id: 'plan0001', now: CREATED, timeZone: ZONE },
  );
}

describe('prompts', () => {
  it('has 4 to 6 weekly questions and 2 to 3 plan questions, all questions with unique ids', () => {
    expect(WEEKLY_REVIEW_PROMPTS.length).toBeGreaterThanOrEqual(4);
    expect(WEEKLY_REVIEW_PROMPTS.length).toBeLessThanOrEqual(6);
    expect(PLAN_REVIEW_PROMPTS.length).toBeGreaterThanOrEqual(2);
    expect(PLAN_REVIEW_PROMPTS.length).toBeLessThanOrEqual(3);
    for (const prompts of [WEEKLY_REVIEW_PROMPTS, PLAN_REVIEW_PROMPTS]) {
      expect(new Set(prompts.map((p) => p.id)).size).toBe(prompts.length);
      for (const p of prompts) expect(p.text.endsWith('?'), p.id).toBe(true);
    }
  });
});

describe('newWeeklyReview', () => {
  const context = { id: 'wr1', now: NOW, timeZone: ZONE };

  it('records answers and decisions for a past or the current week', () => {
    const review = newWeeklyReview(
      {
        weekOf: '2026-03-23',
        answers: [{ promptId: 'went-well', text: ' Two mornings without email ' }],
        decisions: [{ planId: 'plan0001', decision: 'keep' }],
      },
      context,
    );
    expect(review).toEqual({
      id: 'wr1',
      weekOf: '2026-03-23',
      answers: [{ promptId: 'went-well', text: 'Two mornings without email' }],
      decisions: [{ planId: 'plan0001', decision: 'keep', note: null }],
      createdAt: NOW,
    });
    expect(WeeklyReview.safeParse(review).success).toBe(true);
    expect(newWeeklyReview({ weekOf: '2026-03-30' }, context)).toMatchObject({ answers: [], decisions: [] });
  });

  it.each([
    [
      { weekOf: '2026-03-25' },
      'weekOf',
      'must be a Monday (weeks start on Monday); the week of 2026-03-25 starts on 2026-03-23',
    ],
    [{ weekOf: '2026-04-06' }, 'weekOf', 'must not be a future week (this week started on 2026-03-30)'],
    [
      { weekOf: '2026-03-23', answers: [{ promptId: 'mood', text: 'ok' }] },
      'answers.0.promptId',
      'is not a question of this review',
    ],
    [
      {
        weekOf: '2026-03-23',
        answers: [
          { promptId: 'edge', text: 'a' },
          { promptId: 'edge', text: 'b' },
        ],
      },
      'answers.1.promptId',
      'is answered twice',
    ],
    [
      { weekOf: '2026-03-23', answers: [{ promptId: 'edge', text: '  ' }] },
      'answers.0.text',
      'must not be empty',
    ],
    [
      {
        weekOf: '2026-03-23',
        decisions: [
          { planId: 'plan0001', decision: 'keep' },
          { planId: 'plan0001', decision: 'drop' },
        ],
      },
      'decisions.1.planId',
      'has two decisions',
    ],
    [
      { weekOf: '2026-03-23', decisions: [{ planId: 'plan0001', decision: 'pause' }] },
      'decisions.0.decision',
      'must be one of: keep, adjust, drop',
    ],
  ])('refuses %j', (input, field, message) => {
    const error = thrownError(() => newWeeklyReview(input, context));
    expect(error.issues[0]?.field).toBe(field);
    expect(error.issues[0]?.message).toContain(message);
  });
});

describe('reviewPlan', () => {
  const context = { id: 'rev1', now: NOW, timeZone: ZONE };

  it('keeps a plan, starting its review on the way, and records the review', () => {
    const { plan: kept, review } = reviewPlan(
      plan(),
      {
        answers: [
          { promptId: 'signal', text: 'Yes: 50 minutes last time' },
          { promptId: 'obstacles', text: 'Conference week' },
        ],
        decision: 'keep',
        note: 'Part of my week now',
      },
      context,
    );
    expect(kept).toMatchObject({ state: 'kept', decidedAt: NOW, updatedAt: NOW });
    expect(review).toEqual({
      id: 'rev1',
      planId: 'plan0001',
      answers: [
        { promptId: 'signal', text: 'Yes: 50 minutes last time' },
        { promptId: 'obstacles', text: 'Conference week' },
      ],
      decision: 'keep',
      note: 'Part of my week now',
      reviewOn: '2026-03-30',
      newReviewOn: null,
      newCadence: null,
      newNextAction: null,
      createdAt: NOW,
    });
  });

  it('adjusts with a new review date, cadence and next action straight back to active', () => {
    const { plan: next, review } = reviewPlan(
      plan(),
      {
        decision: 'adjust',
        reviewOn: '2026-04-27',
        cadence: 'MO,TH 30 at 08:00',
        nextAction: 'Print it out',
      },
      context,
    );
    const cadence = { rule: 'FREQ=WEEKLY;BYDAY=MO,TH', minutes: 30, at: '08:00', perWeek: null };
    expect(next).toMatchObject({
      state: 'active',
      reviewOn: '2026-04-27',
      cadence,
      nextAction: 'Print it out',
      decidedAt: NOW,
    });
    expect(review).toMatchObject({
      decision: 'adjust',
      newReviewOn: '2026-04-27',
      newCadence: cadence,
      newNextAction: 'Print it out',
    });
    expect(PlanReview.safeParse(review).success).toBe(true);
  });

  it('leaves an adjusted plan waiting when no new review date is given', () => {
    const { plan: next, review } = reviewPlan(plan(), { decision: 'adjust' }, context);
    expect(next.state).toBe('adjusted');
    expect(review.newReviewOn).toBeNull();
  });

  it('refuses changes that do not fit the decision, and a decided plan', () => {
    expect(
      thrownError(() => reviewPlan(plan(), { decision: 'keep', reviewOn: '2026-04-27' }, context)).message,
    ).toBe('reviewOn: can only change when the decision is adjust');
    expect(
      thrownError(() => reviewPlan(plan(), { decision: 'adjust', cadence: 'daily 20' }, context)).message,
    ).toBe('reviewOn: is needed to change the cadence or next action: when will you look again?');
    expect(
      thrownError(() => reviewPlan(plan(), { decision: 'adjust', reviewOn: '2026-03-29' }, context)).issues[0]
        ?.field,
    ).toBe('reviewOn');
    expect(
      thrownError(() =>
        reviewPlan(plan(), { decision: 'drop', answers: [{ promptId: 'edge', text: 'x' }] }, context),
      ).issues[0]?.field,
    ).toBe('answers.0.promptId');
    const dropped = applyDecision(plan(), 'drop', NOW);
    expect(dropped.state).toBe('dropped');
    expect(thrownError(() => reviewPlan(dropped, { decision: 'keep' }, context)).code).toBe(
      'illegal_transition',
    );
  });
});
