import { describe, expect, it } from 'vitest';
import { parseCadence } from './cadence-parse.js';
import { dashboard, followThrough, lastWeeks, upcomingReviews } from './dashboard.js';
import { plan } from './plan.test-support.js';

const ZONE = 'Europe/Berlin';
const TODAY = '2026-03-31'; // Tuesday, two days after the spring DST change

const ideas = [
  { id: 'i1', createdAt: '2026-03-16T10:00:00Z', source: 'noticed' as const },
  { id: 'i2', createdAt: '2026-03-22T22:30:00Z', source: 'session' as const }, // Sun 22 23:30 CET
  { id: 'i3', createdAt: '2026-03-22T23:30:00Z', source: 'session' as const }, // Mon 23 00:30 CET
  { id: 'i4', createdAt: '2026-03-29T22:30:00Z', source: 'conversation' as const }, // Mon 30 00:30 CEST
  { id: 'i5', createdAt: '2026-03-01T10:00:00Z', source: 'noticed' as const }, // before the three weeks
];

const plans = [
  plan('pa', {
    kind: 'practice',
    subSkill: 'reading',
    areaId: 'reading',
    cadence: parseCadence('3x30/week'),
    ideaIds: ['i1', 'i5'],
    createdAt: '2026-03-18T09:00:00.000Z', // Wed 18 March
    reviewOn: '2026-04-08',
  }),
  plan('pb', { state: 'kept', ideaIds: ['i2'], areaId: 'environment', reviewOn: '2026-03-25' }),
  plan('pc', {
    kind: 'practice',
    subSkill: 'writing',
    areaId: 'writing',
    cadence: parseCadence('MO,WE,FR 20'),
    ideaIds: ['i2', 'i3', 'ghost'],
    state: 'dropped',
    decidedAt: '2026-03-25T10:00:00.000Z', // Wed 25 March
    reviewOn: '2026-03-25',
  }),
  plan('pd', { reviewOn: '2026-03-28' }),
  plan('pe', { reviewOn: '2026-04-14' }),
  plan('pf', { reviewOn: '2026-04-15' }),
];

const practice = [
  { planId: 'pa', minutes: 30, at: '2026-03-18T08:00:00Z' },
  { planId: 'pa', minutes: 45, at: '2026-03-29T21:30:00Z' }, // Sun 29 23:30 CEST
  { planId: 'pa', minutes: 30, at: '2026-03-29T22:30:00Z' }, // Mon 30 00:30 CEST
  { planId: 'pc', minutes: 20, at: '2026-03-23T07:00:00Z' },
  { planId: null, exerciseId: 'coding-predict-each-run', minutes: 25, at: '2026-03-24T12:00:00Z' },
  { planId: null, minutes: 10, at: '2026-03-31T08:00:00Z' },
  { planId: 'pa', minutes: 30, at: '2026-03-10T08:00:00Z' }, // before the three weeks
];

const interruptions = [
  { at: '2026-03-15T10:00:00Z' }, // Sunday 15 March: before the three weeks
  { at: '2026-03-17T09:30:00Z' }, // Tue 10:30 CET
  { at: '2026-03-29T22:30:00Z' }, // Mon 30 00:30 CEST
];

const board = dashboard({ today: TODAY, timeZone: ZONE, weeks: 3, ideas, plans, practice, interruptions });

describe('dashboard (Berlin, three weeks up to Tuesday 31 March 2026)', () => {
  it('covers the last three local weeks', () => {
    expect(board.weeks).toEqual(['2026-03-16', '2026-03-23', '2026-03-30']);
    expect(lastWeeks('2026-03-30', 1)).toEqual(['2026-03-30']);
  });

  it('counts ideas per week by source on Berlin dates', () => {
    expect(board.ideasPerWeek.map((w) => [w.weekOf, w.total, w.bySource])).toEqual([
      ['2026-03-16', 2, { noticed: 1, session: 1, conversation: 0, review: 0, imported: 0 }],
      ['2026-03-23', 1, { noticed: 0, session: 1, conversation: 0, review: 0, imported: 0 }],
      ['2026-03-30', 1, { noticed: 0, session: 0, conversation: 1, review: 0, imported: 0 }],
    ]);
  });

  it('computes follow-through over all ideas given', () => {
    // 5 ideas; with a plan: i1, i5 (pa), i2 (pb, pc), i3 (pc) = 4 ("ghost" is not among the ideas);
    // adopted: i2, whose plan pb was kept = 1. rate = 1/4, planRate = 4/5.
    expect(board.followThrough).toEqual({ ideas: 5, withPlan: 4, adopted: 1, rate: 0.25, planRate: 0.8 });
    expect(followThrough([], plans)).toEqual({
      ideas: 0,
      withPlan: 0,
      adopted: 0,
      rate: null,
      planRate: null,
    });
  });

  it('sums practice per area per week against the cadences', () => {
    const [w16, w23, w30] = board.practiceByArea;
    // Week of 16 March. pa (3 x 30, created Wed 18): Wed..Sun = 5 days -> 3 x 5/7 x 30 = 450/7 min.
    // pc (Mon/Wed/Fri x 20): 3 blocks = 60 min. Logged: pa 30 on Wed 18.
    expect(w16!.weekOf).toBe('2026-03-16');
    expect(w16!.areas.map((a) => a.areaId)).toEqual(['reading', 'writing']);
    expect(w16!.areas[0]!.minutes).toBe(30);
    expect(w16!.areas[0]!.expectedMinutes).toBeCloseTo(450 / 7, 10);
    expect(w16!.areas[1]).toEqual({ areaId: 'writing', minutes: 0, expectedMinutes: 60 });
    expect(w16!.minutes).toBe(30);
    expect(w16!.expectedMinutes).toBeCloseTo(450 / 7 + 60, 10);
    // pa's share is prorated from its Wednesday; pc's fixed days are all in the week.
    expect(w16!.prorated.map((p) => [p.planId, p.from, p.to, p.fullMinutes])).toEqual([
      ['pa', '2026-03-18', '2026-03-22', 90],
    ]);
    // Week of 23 March. pa: 90 expected, 45 logged (Sun 23:30 CEST). pc dropped Wed 25: Mon + Wed = 40
    // expected, 20 logged. A plan-less block of a coding exercise: 25 minutes under coding.
    expect(w23).toEqual({
      weekOf: '2026-03-23',
      minutes: 90,
      expectedMinutes: 130,
      // pc's target is cut at the Wednesday it was dropped.
      prorated: [
        {
          planId: 'pc',
          title: 'Plan pc',
          from: '2026-03-23',
          to: '2026-03-25',
          fullBlocks: 3,
          fullMinutes: 60,
        },
      ],
      areas: [
        { areaId: 'coding', minutes: 25, expectedMinutes: 0 },
        { areaId: 'reading', minutes: 45, expectedMinutes: 90 },
        { areaId: 'writing', minutes: 20, expectedMinutes: 40 },
      ],
    });
    // Week of 30 March: pa 30 (Mon 00:30 CEST) of 90; 10 unassigned minutes last.
    expect(w30).toEqual({
      weekOf: '2026-03-30',
      minutes: 40,
      expectedMinutes: 90,
      prorated: [],
      areas: [
        { areaId: 'reading', minutes: 30, expectedMinutes: 90 },
        { areaId: null, minutes: 10, expectedMinutes: 0 },
      ],
    });
  });

  it('computes streaks overall and per running plan with a cadence', () => {
    // Practice days (Berlin): 10, 18, 23, 24, 29, 30, 31 March -> runs [10] [18] [23 24] [29 30 31].
    expect(board.streaks.overall).toEqual({
      current: { days: 3, from: '2026-03-29', to: '2026-03-31' },
      longest: { days: 3, from: '2026-03-29', to: '2026-03-31' },
    });
    // pa: 10, 18, 29, 30 -> current and longest [29 30]; pc is dropped and the others have no cadence.
    expect(board.streaks.plans).toEqual([
      {
        planId: 'pa',
        title: 'Plan pa',
        current: { days: 2, from: '2026-03-29', to: '2026-03-30' },
        longest: { days: 2, from: '2026-03-29', to: '2026-03-30' },
      },
    ]);
  });

  it('maps interruptions within the weeks shown', () => {
    expect(board.heatMap.total).toBe(2);
    expect(board.heatMap.counts[1]![10]).toBe(1); // Tuesday 10:00-11:00
    expect(board.heatMap.counts[0]![0]).toBe(1); // Monday 00:00-01:00
  });

  it('lists reviews due in the next 14 days, overdue first', () => {
    expect(board.upcomingReviews).toEqual([
      {
        planId: 'pd',
        title: 'Plan pd',
        state: 'active',
        reviewOn: '2026-03-28',
        daysLeft: -3,
        overdue: true,
      },
      {
        planId: 'pa',
        title: 'Plan pa',
        state: 'active',
        reviewOn: '2026-04-08',
        daysLeft: 8,
        overdue: false,
      },
      {
        planId: 'pe',
        title: 'Plan pe',
        state: 'active',
        reviewOn: '2026-04-14',
        daysLeft: 14,
        overdue: false,
      },
    ]);
    expect(upcomingReviews(plans, { today: TODAY, days: 0 }).map((r) => r.planId)).toEqual(['pd']);
  });

  it('bounds the number of weeks', () => {
    const one = dashboard({ today: TODAY, timeZone: ZONE, weeks: 0, ideas, plans, practice, interruptions });
    expect(one.weeks).toEqual(['2026-03-30']);
    const many = dashboard({
      today: TODAY,
      timeZone: ZONE,
      weeks: 500,
      ideas: [],
      plans: [],
      practice: [],
      interruptions: [],
    });
    expect(many.weeks).toHaveLength(52);
  });
});
