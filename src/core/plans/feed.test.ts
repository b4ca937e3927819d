import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, datesBetween } from '../local-date.js';
import { parseCadence } from './cadence-parse.js';
import { EXPORT_KEPT_DAYS, oneOffExportEnd, oneOffPracticeEnd, planFeed } from './feed.js';
import type { Plan } from './plan.js';

function plan(id: string, extra: Partial<Plan>): Plan {
  return {
    id,
    title: `Plan ${id}`,
    kind: 'practice',
    ideaIds: [],
    areaId: 'reading',
    subSkill: 'reading',
    exerciseId: null,
    nextAction: 'Pick the paper',
    cadence: parseCadence('daily 30'),
    successSignal: 'A summary in under an hour',
    reviewOn: '2026-03-30',
    state: 'active',
    createdAt: '2026-03-20T10:00:00.000Z',
    updatedAt: '2026-03-20T10:00:00.000Z',
    decidedAt: null,
    ...extra,
  };
}

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | null;
  allDay: boolean;
  /** The zone the parser attached to DTSTART: 'UTC' for UTC times, 'floating' for floating ones. */
  zone: string;
  start: Date;
  end: Date;
  startDate: string;
}

/** Parses the feed with ical.js, an implementation independent of the generator. */
function parse(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description ?? null,
      allDay: event.startDate.isDate,
      zone: event.startDate.zone?.tzid ?? 'none',
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      startDate: event.startDate.toString().slice(0, 10),
    };
  });
  return { calendar, events };
}

/** "2026-03-29 09:00" as seen by someone in `zone`. */
function wallClock(date: Date, zone: string): string {
  const local = Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(zone);
  return `${local.toPlainDate().toString()} ${local.toPlainTime().toString().slice(0, 5)}`;
}

describe('planFeed, parsed back with ical.js', () => {
  const text = planFeed({
    plans: [
      plan('pa', {}),
      plan('pb', { state: 'dropped', reviewOn: '2026-03-28' }),
      plan('pc', { state: 'kept', cadence: parseCadence('su 60 at 18:00'), reviewOn: '2026-03-27' }),
      plan('pd', { kind: 'process', cadence: null, reviewOn: '2026-04-05' }),
      plan('pe', { state: 'adjusted', reviewOn: '2026-03-28' }),
    ],
    timeZone: 'Europe/Berlin',
    from: '2026-03-27',
    to: '2026-03-31',
    name: 'Whetstone plans',
    now: '2026-03-25T10:00:00Z',
    url: 'https://whetstone.example/plans',
    experiments: [
      {
        id: 'exp1',
        title: 'A week vs 20 minutes',
        phases: [
          { key: 'passive', label: 'A week of noticing', plannedEnd: '2026-03-29T10:00:00.000Z' },
          { key: 'focused', label: 'One focused session', plannedEnd: '2026-04-10T10:20:00.000Z' },
        ],
      },
    ],
  });
  const { calendar, events } = parse(text);

  it('is a published calendar with a name, a refresh interval and the zone as a display hint', () => {
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Whetstone//Whetstone plans//EN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Whetstone plans');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Berlin');
  });

  it('has a 09:00 Berlin block every day across the spring DST change, in UTC (never floating)', () => {
    const blocks = events.filter((e) => e.uid.startsWith('pa-block-'));
    expect(blocks.map((e) => e.uid)).toEqual([
      'pa-block-2026-03-27T0900@whetstone',
      'pa-block-2026-03-28T0900@whetstone',
      'pa-block-2026-03-29T0900@whetstone',
      'pa-block-2026-03-30T0900@whetstone',
      'pa-block-2026-03-31T0900@whetstone',
    ]);
    for (const block of blocks) {
      expect(block.zone).toBe('UTC');
      expect(block.allDay).toBe(false);
      expect(block.end.getTime() - block.start.getTime()).toBe(30 * 60_000);
      expect(wallClock(block.start, 'Europe/Berlin').slice(11)).toBe('09:00');
    }
    // The UTC times shift by an hour at the change: 08:00Z in CET, 07:00Z in CEST.
    expect(blocks[1]!.start.toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(blocks[2]!.start.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(blocks[0]!.summary).toBe('Practice: Plan pa');
    expect(blocks[0]!.description).toContain('7 × 30 min a week (every day at 09:00)');
    expect(blocks[0]!.description).toContain('Log it: whet practice 30 --plan pa');
    expect(blocks[0]!.description).toContain('Open in Whetstone: https://whetstone.example/plans');
  });

  it("keeps a kept routine's blocks but drops a dropped or adjusted plan's", () => {
    const kept = events.filter((e) => e.uid.startsWith('pc-block-'));
    expect(kept).toHaveLength(1);
    expect(wallClock(kept[0]!.start, 'Europe/Berlin')).toBe('2026-03-29 18:00');
    expect(events.some((e) => e.uid.startsWith('pb-') || e.uid.startsWith('pe-'))).toBe(false);
  });

  it('puts review dates in the window as all-day events, for open plans only', () => {
    const reviews = events.filter((e) => e.uid.endsWith('-review@whetstone'));
    expect(reviews).toEqual([
      expect.objectContaining({
        uid: 'pa-review@whetstone',
        summary: 'Review plan: Plan pa',
        allDay: true,
        startDate: '2026-03-30',
      }),
    ]);
  });

  it('marks experiment phase ends that fall in the window', () => {
    const ends = events.filter((e) => e.uid.startsWith('exp1-'));
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({
      uid: 'exp1-passive-end@whetstone',
      summary: 'Experiment phase ends: A week of noticing (A week vs 20 minutes)',
      zone: 'UTC',
    });
    expect(wallClock(ends[0]!.start, 'Europe/Berlin')).toBe('2026-03-29 12:00');
  });

  it('has nothing else', () => {
    expect(events).toHaveLength(5 + 1 + 1 + 1);
  });
});

describe('planFeed in New York across the autumn change (2026-11-01)', () => {
  it('keeps 07:30 local on both sides', () => {
    const text = planFeed({
      plans: [
        plan('pny', {
          cadence: parseCadence('sa,su,mo 45 at 07:30'),
          createdAt: '2026-10-01T12:00:00Z',
          reviewOn: '2026-12-01',
        }),
      ],
      timeZone: 'America/New_York',
      from: '2026-10-31',
      to: '2026-11-02',
      name: 'Plans',
      now: '2026-10-30T12:00:00Z',
    });
    const starts = parse(text).events.map((e) => e.start);
    // 07:30 EDT = 11:30Z on Saturday; 07:30 EST = 12:30Z on Sunday and Monday.
    expect(starts.map((d) => d.toISOString())).toEqual([
      '2026-10-31T11:30:00.000Z',
      '2026-11-01T12:30:00.000Z',
      '2026-11-02T12:30:00.000Z',
    ]);
    expect(starts.map((d) => wallClock(d, 'America/New_York').slice(11))).toEqual([
      '07:30',
      '07:30',
      '07:30',
    ]);
  });

  it('starts no earlier than the plan, and refuses bad windows', () => {
    const late = plan('late', { createdAt: '2026-03-30T10:00:00Z', reviewOn: '2026-05-01' });
    const text = planFeed({
      plans: [late],
      timeZone: 'UTC',
      from: '2026-03-27',
      to: '2026-03-31',
      name: 'x',
      now: '2026-03-30T10:00:00Z',
    });
    expect(parse(text).events.map((e) => e.startDate)).toEqual(['2026-03-30', '2026-03-31']);
    const base = { plans: [], timeZone: 'UTC', name: 'x', now: '2026-03-30T10:00:00Z' };
    expect(() => planFeed({ ...base, from: '2026-03-31', to: '2026-03-30' })).toThrow(
      'to: must not be before from',
    );
    expect(() => planFeed({ ...base, from: '2026-01-01', to: '2027-03-01' })).toThrow(
      'to: must be at most 400 days after from',
    );
  });
});

describe('the one-off export', () => {
  const today = '2026-03-20';
  const open = plan('open', { reviewOn: '2026-03-25' });
  const kept = plan('kept', { state: 'kept', reviewOn: '2026-03-10' });
  const dropped = plan('gone', { state: 'dropped', reviewOn: '2026-09-01' });
  const plans = [open, kept, dropped];

  it("stops a plan's blocks at its review date; a kept routine gets the next four weeks", () => {
    expect(oneOffPracticeEnd(open, today)).toBe('2026-03-25');
    expect(oneOffPracticeEnd(kept, today)).toBe(addDays(today, EXPORT_KEPT_DAYS));
    expect(oneOffExportEnd(plans, today)).toBe('2026-04-17');
    expect(oneOffExportEnd([plan('far', { reviewOn: '2026-12-01' })], today)).toBe('2026-12-01');

    const text = planFeed({
      plans,
      timeZone: 'Europe/Berlin',
      from: today,
      to: oneOffExportEnd(plans, today),
      practiceEnd: (p) => oneOffPracticeEnd(p, today),
      name: 'x',
      now: '2026-03-20T08:00:00Z',
    });
    const days = (prefix: string) =>
      parse(text)
        .events.filter((e) => e.uid.startsWith(prefix) && !e.allDay)
        .map((e) => e.startDate);
    expect(days('open-block')).toEqual(datesBetween('2026-03-20', '2026-03-25'));
    expect(days('kept-block')).toEqual(datesBetween('2026-03-20', '2026-04-17'));
    expect(days('gone')).toEqual([]);
  });
});
