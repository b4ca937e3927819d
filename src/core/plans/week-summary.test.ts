import { describe, expect, it } from 'vitest';
import { parseCadence } from './cadence-parse.js';
import { plan } from './plan.test-support.js';
import { weekSummary } from './week-summary.js';

const ZONE = 'Europe/Berlin';

describe('weekSummary: the week of 23 March 2026 in Berlin (DST starts on its Sunday)', () => {
  const plans = [
    plan('p1', {
      kind: 'practice',
      subSkill: 'reading',
      cadence: parseCadence('3x30/week'),
      createdAt: '2026-03-16T09:00:00.000Z',
    }),
    plan('p2', { reviewOn: '2026-03-27' }),
    plan('p3', { reviewOn: '2026-04-10' }),
    plan('p4', { state: 'adjusted', reviewOn: '2026-03-20' }),
    plan('p5', { state: 'kept', reviewOn: '2026-03-20' }),
  ];
  const summary = weekSummary({
    weekOf: '2026-03-25',
    today: '2026-03-29',
    timeZone: ZONE,
    ideas: [
      { createdAt: '2026-03-22T23:30:00Z', source: 'noticed' }, // Mon 23 00:30 CET: in (UTC: Sunday 22)
      { createdAt: '2026-03-25T10:00:00Z', source: 'session' },
      { createdAt: '2026-03-29T21:00:00Z', source: 'review' }, // Sun 29 23:00 CEST: in
      { createdAt: '2026-03-29T22:30:00Z', source: 'conversation' }, // Mon 30 00:30 CEST: out (UTC: Sunday 29)
    ],
    plans,
    practice: [
      { planId: 'p1', minutes: 30, at: '2026-03-23T08:00:00Z' },
      { planId: 'p1', minutes: 40, at: '2026-03-29T21:30:00Z' }, // Sun 23:30 CEST
      { planId: 'p1', minutes: 50, at: '2026-03-29T22:30:00Z' }, // Mon 30: next week
      { planId: null, minutes: 15, at: '2026-03-26T12:00:00Z' },
    ],
    interruptions: [
      { at: '2026-03-24T09:00:00Z', durationMinutes: 10 },
      { at: '2026-03-28T23:30:00Z', durationMinutes: null }, // Sun 29 00:30 CET: in
      { at: '2026-03-22T22:30:00Z', durationMinutes: 5 }, // Sun 22 23:30 CET: out
    ],
  });

  it('covers Monday to Sunday', () => {
    expect(summary).toMatchObject({ weekOf: '2026-03-23', weekEnd: '2026-03-29', timeZone: ZONE });
  });

  it('counts ideas by source on Berlin dates', () => {
    expect(summary.ideas).toEqual({
      total: 3,
      bySource: { noticed: 1, session: 1, conversation: 0, review: 1, imported: 0 },
    });
  });

  it('compares practice with the cadence per plan', () => {
    // p1 (3 x 30 a week, created the week before): expects 3 blocks / 90 min; logged 30 + 40 = 70.
    // p2..p5 have no cadence and no logs this week: left out.
    expect(summary.practice).toEqual({
      blocks: 3, // two of p1 and one outside any plan
      minutes: 85, // 30 + 40 + 15
      unplannedMinutes: 15,
      plans: [
        {
          planId: 'p1',
          title: 'Plan p1',
          cadence: '3 × 30 min a week',
          expectedBlocks: 3,
          expectedMinutes: 90,
          loggedBlocks: 2,
          loggedMinutes: 70,
          ratio: 70 / 90,
          prorated: null,
        },
      ],
    });
  });

  it('counts interruptions and their known minutes', () => {
    expect(summary.interruptions).toEqual({ count: 2, minutes: 10 });
  });

  it('lists plans waiting for a decision, by review date', () => {
    expect(summary.plansDue).toEqual([
      { planId: 'p4', title: 'Plan p4', state: 'adjusted', reviewOn: '2026-03-20', overdue: false },
      { planId: 'p2', title: 'Plan p2', state: 'active', reviewOn: '2026-03-27', overdue: true },
    ]);
  });
});
