import { describe, expect, it } from 'vitest';
import {
  type AdherencePlan,
  expectedBlocksInWeek,
  streak,
  weeklyAdherence,
  weeksBetween,
} from './adherence.js';
import { parseCadence } from './cadence-parse.js';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

function plan(cadence: string, createdAt: string, extra: Partial<AdherencePlan> = {}): AdherencePlan {
  return {
    id: 'plan0001',
    cadence: parseCadence(cadence),
    createdAt,
    state: 'active',
    decidedAt: null,
    ...extra,
  };
}
const log = (at: string, minutes: number, planId: string | null = 'plan0001') => ({ planId, minutes, at });

describe('weeksBetween', () => {
  it('lists Mondays', () => {
    expect(weeksBetween('2026-03-26', '2026-04-06')).toEqual(['2026-03-23', '2026-03-30', '2026-04-06']);
  });
});

describe('weeklyAdherence: "3 a week" across the Berlin spring change (2026-03-29)', () => {
  // Created Thursday 26 March, 10:00 CET.
  const p = plan('3x30/week', '2026-03-26T09:00:00Z');
  const logs = [
    log('2026-03-28T22:30:00Z', 30), // Sat 28 March 23:30 CET -> week of 23 March
    log('2026-03-29T21:30:00Z', 20), // Sun 29 March 23:30 CEST -> week of 23 March (UTC: also the 29th)
    log('2026-03-29T22:30:00Z', 45), // Mon 30 March 00:30 CEST -> week of 30 March (UTC: still Sunday 29th)
    log('2026-04-01T07:00:00Z', 30), // Wed 1 April 09:00 CEST
    log('2026-04-01T08:00:00Z', 99, 'otherplan'), // another plan's block does not count
  ];
  const weeks = weeklyAdherence(p, logs, { today: '2026-04-02', timeZone: BERLIN });

  it('prorates the first partial week and counts logs by Berlin date', () => {
    expect(weeks.map((w) => w.weekOf)).toEqual(['2026-03-23', '2026-03-30']);
    const [first, second] = weeks;
    // Thu..Sun = 4 of 7 days running: 3 x 4/7 = 12/7 blocks, x 30 min = 360/7 minutes.
    expect(first!.expectedBlocks).toBeCloseTo(12 / 7, 12);
    expect(first!.expectedMinutes).toBeCloseTo(360 / 7, 12);
    // Sat 30 min + Sun 20 min.
    expect(first).toMatchObject({ loggedBlocks: 2, loggedMinutes: 50, inProgress: false });
    // 50 / (360/7) = 350/360.
    expect(first!.ratio).toBeCloseTo(350 / 360, 12);
    // The target is prorated, and says so: from Thursday, of a whole week's 3 x 30.
    expect(first!.prorated).toEqual({ from: '2026-03-26', to: '2026-03-29', fullBlocks: 3, fullMinutes: 90 });
    // Full week: 3 blocks, 90 minutes; logged Mon 45 + Wed 30 = 75; 75/90.
    expect(second).toMatchObject({
      expectedBlocks: 3,
      expectedMinutes: 90,
      loggedBlocks: 2,
      loggedMinutes: 75,
    });
    expect(second!.ratio).toBeCloseTo(75 / 90, 12);
    expect(second!.inProgress).toBe(true);
    expect(second!.prorated).toBeNull();
  });

  it('would count the 00:30 Berlin log in the previous week if read in UTC', () => {
    const utc = weeklyAdherence(p, logs, { today: '2026-04-02', timeZone: 'UTC' });
    // In UTC the 22:30Z log is Sunday 29 March: week of 23 March has 30 + 20 + 45 = 95 minutes.
    expect(utc[0]).toMatchObject({ loggedBlocks: 3, loggedMinutes: 95 });
  });
});

describe('weeklyAdherence: fixed days across the Berlin autumn change (2026-10-25)', () => {
  // Created Wednesday 21 October, 12:00 CEST; blocks Mon/Wed/Fri 09:00.
  const p = plan('MO,WE,FR 30', '2026-10-21T10:00:00Z');
  const logs = [
    log('2026-10-21T07:00:00Z', 30), // Wed 09:00 CEST
    log('2026-10-25T00:30:00Z', 30), // Sun 25 Oct 02:30 CEST (first pass through 02:xx)
    log('2026-10-25T01:30:00Z', 30), // Sun 25 Oct 02:30 CET (second pass) - still Sunday
    log('2026-10-25T23:30:00Z', 40), // Mon 26 Oct 00:30 CET -> next week
  ];

  it("expects the rule's blocks from the creation day on", () => {
    const weeks = weeklyAdherence(p, logs, { today: '2026-11-01', timeZone: BERLIN });
    // Week of 19 Oct from Wed 21: Wed + Fri = 2 blocks, 60 minutes. Logged Wed, Sun, Sun = 3 blocks, 90 min.
    expect(weeks[0]).toEqual({
      weekOf: '2026-10-19',
      expectedBlocks: 2,
      expectedMinutes: 60,
      loggedBlocks: 3,
      loggedMinutes: 90,
      ratio: 1.5,
      inProgress: false,
      // Counted from the Wednesday it was made; a whole week has Mon, Wed and Fri.
      prorated: { from: '2026-10-21', to: '2026-10-25', fullBlocks: 3, fullMinutes: 90 },
    });
    // Week of 26 Oct: Mon/Wed/Fri = 3 blocks, 90 min; logged Mon 40 -> 40/90.
    expect(weeks[1]).toMatchObject({
      expectedBlocks: 3,
      expectedMinutes: 90,
      loggedBlocks: 1,
      loggedMinutes: 40,
    });
    expect(weeks[1]!.ratio).toBeCloseTo(4 / 9, 12);
  });

  it('stops expecting after the day a plan was dropped', () => {
    // Dropped on Wednesday 28 October (10:00 CET): Mon 26 and Wed 28 still expected, Fri 30 not.
    const dropped = { ...p, state: 'dropped' as const, decidedAt: '2026-10-28T09:00:00Z' };
    const weeks = weeklyAdherence(dropped, logs, { today: '2026-11-04', timeZone: BERLIN });
    expect(weeks.map((w) => w.expectedBlocks)).toEqual([2, 2, 0]);
    // The week it was dropped in is cut at that Wednesday; the week after expects nothing at all.
    expect(weeks.map((w) => w.prorated?.to ?? null)).toEqual(['2026-10-25', '2026-10-28', null]);
  });

  it('expects nothing from a plan without cadence, and can start later', () => {
    const none = { ...p, cadence: null };
    const weeks = weeklyAdherence(none, logs, { today: '2026-10-27', timeZone: BERLIN, from: '2026-10-27' });
    expect(weeks).toEqual([
      {
        weekOf: '2026-10-26',
        expectedBlocks: 0,
        expectedMinutes: 0,
        loggedBlocks: 1,
        loggedMinutes: 40,
        ratio: null,
        inProgress: true,
        prorated: null,
      },
    ]);
  });
});

describe('weeklyAdherence: daily in New York across 2026-03-08 and 2026-11-01', () => {
  it('counts 23:30 local on the local day, in EST and in EDT', () => {
    // Created Thursday 5 March 2026, 12:00 EST (17:00Z).
    const p = plan('daily 20', '2026-03-05T17:00:00Z');
    const logs = [
      log('2026-03-08T04:30:00Z', 20), // Sat 7 March 23:30 EST (UTC-5)
      log('2026-03-09T03:30:00Z', 20), // Sun 8 March 23:30 EDT (UTC-4), after the change
      log('2026-03-09T04:30:00Z', 20), // Mon 9 March 00:30 EDT -> next week
    ];
    const weeks = weeklyAdherence(p, logs, { today: '2026-03-10', timeZone: NEW_YORK });
    // Week of 2 March from Thu 5: Thu..Sun = 4 blocks, 80 min; logged 2 blocks, 40 min -> 0.5.
    expect(weeks[0]).toMatchObject({
      expectedBlocks: 4,
      expectedMinutes: 80,
      loggedBlocks: 2,
      loggedMinutes: 40,
    });
    expect(weeks[0]!.ratio).toBe(0.5);
    // Week of 9 March: 7 blocks, 140 min; logged 20 -> 1/7.
    expect(weeks[1]).toMatchObject({
      expectedBlocks: 7,
      expectedMinutes: 140,
      loggedBlocks: 1,
      loggedMinutes: 20,
    });
  });

  it('treats the 25-hour day of 1 November as one day', () => {
    // Sunday 1 Nov: 00:30 EDT (04:30Z) and 23:30 EST (2 Nov 04:30Z) are both that Sunday.
    const p = plan('daily 20', '2026-10-26T12:00:00Z');
    const weeks = weeklyAdherence(p, [log('2026-11-01T04:30:00Z', 20), log('2026-11-02T04:30:00Z', 25)], {
      today: '2026-11-01',
      timeZone: NEW_YORK,
    });
    expect(weeks).toHaveLength(1);
    expect(weeks[0]).toMatchObject({
      weekOf: '2026-10-26',
      expectedBlocks: 7,
      loggedBlocks: 2,
      loggedMinutes: 45,
    });
  });
});

describe('expectedBlocksInWeek', () => {
  it('counts every other week from the creation day', () => {
    const fortnightly = parseCadence('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU 60');
    const period = { since: '2026-03-02', until: null };
    // Tuesdays 3, 17, 31 March are blocks; 10 and 24 are not.
    expect(expectedBlocksInWeek(fortnightly, '2026-03-02', period)).toBe(1);
    expect(expectedBlocksInWeek(fortnightly, '2026-03-09', period)).toBe(0);
    expect(expectedBlocksInWeek(fortnightly, '2026-03-16', period)).toBe(1);
    // Before the plan existed nothing is expected.
    expect(expectedBlocksInWeek(fortnightly, '2026-02-23', period)).toBe(0);
  });
});

describe('streak', () => {
  const at = (date: string) => `${date}T10:00:00Z`;

  it('forgives one missed day and breaks on two (hand-checked)', () => {
    // Practice days: 1, 2, 4, 5 March (3rd forgiven) | 8, 9, 11 March (6 and 7 missed break it; 10th forgiven).
    const logs = ['01', '02', '04', '05', '08', '09', '11'].map((d) => at(`2026-03-${d}`));
    const result = streak(logs, { today: '2026-03-12', timeZone: BERLIN });
    expect(result.longest).toEqual({ days: 4, from: '2026-03-01', to: '2026-03-05' });
    expect(result.current).toEqual({ days: 3, from: '2026-03-08', to: '2026-03-11' });
  });

  it('keeps the current streak alive through one missed day before today, and ends it after two', () => {
    const logs = [at('2026-03-09'), at('2026-03-10')];
    expect(streak(logs, { today: '2026-03-10', timeZone: BERLIN }).current.days).toBe(2);
    expect(streak(logs, { today: '2026-03-11', timeZone: BERLIN }).current.days).toBe(2); // nothing missed yet
    expect(streak(logs, { today: '2026-03-12', timeZone: BERLIN }).current.days).toBe(2); // 11th forgiven
    expect(streak(logs, { today: '2026-03-13', timeZone: BERLIN }).current).toEqual({
      days: 0,
      from: null,
      to: null,
    });
    expect(streak(logs, { today: '2026-03-13', timeZone: BERLIN }).longest.days).toBe(2);
  });

  it('counts several logs on one day once and ignores days after today', () => {
    const logs = [at('2026-03-09'), '2026-03-09T18:00:00Z', at('2026-03-10'), at('2026-03-20')];
    expect(streak(logs, { today: '2026-03-10', timeZone: BERLIN })).toEqual({
      current: { days: 2, from: '2026-03-09', to: '2026-03-10' },
      longest: { days: 2, from: '2026-03-09', to: '2026-03-10' },
    });
    expect(streak([], { today: '2026-03-10', timeZone: BERLIN }).longest.days).toBe(0);
  });

  it('uses local days: the same two logs are one streak in Berlin and two in UTC', () => {
    // Berlin: Fri 27 March 00:30 CET and Sun 29 March 23:30 CEST -> 27th and 29th, one missed day.
    // UTC: Thu 26th and Sun 29th -> two missed days -> broken.
    const logs = ['2026-03-26T23:30:00Z', '2026-03-29T21:30:00Z'];
    expect(streak(logs, { today: '2026-03-30', timeZone: BERLIN }).current).toEqual({
      days: 2,
      from: '2026-03-27',
      to: '2026-03-29',
    });
    const utc = streak(logs, { today: '2026-03-30', timeZone: 'UTC' });
    expect(utc.current).toEqual({ days: 1, from: '2026-03-29', to: '2026-03-29' });
    expect(utc.longest).toEqual({ days: 1, from: '2026-03-29', to: '2026-03-29' });
  });

  it('takes local dates as they are and honours another forgiveness', () => {
    const dates = ['2026-03-01', '2026-03-04'];
    expect(streak(dates, { today: '2026-03-04', timeZone: BERLIN }).current.days).toBe(1);
    expect(streak(dates, { today: '2026-03-04', timeZone: BERLIN, forgiveness: 2 }).current.days).toBe(2);
    expect(
      streak(['2026-03-01', '2026-03-02'], { today: '2026-03-03', timeZone: BERLIN, forgiveness: 0 }).current
        .days,
    ).toBe(2);
    expect(
      streak(['2026-03-01', '2026-03-02'], { today: '2026-03-04', timeZone: BERLIN, forgiveness: 0 }).current
        .days,
    ).toBe(0);
  });
});
