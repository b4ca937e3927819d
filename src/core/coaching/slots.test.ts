import { describe, expect, it } from 'vitest';
import { type Availability, EMPTY_AVAILABILITY } from './availability.js';
import {
  type BookedTime,
  freeSlots,
  refusalOfStart,
  type SlotInput,
  type SlotRules,
  slotsByLocalDay,
} from './slots.js';

/*
 * Hand-computed cases. Europe/Berlin is UTC+1 in winter (CET) and UTC+2 in summer (CEST); in 2026
 * it moves its clocks forward on Sunday 29 March at 01:00 UTC. America/New_York is UTC−5 (EST)
 * and UTC−4 (EDT); in 2026 it moves forward on Sunday 8 March. Between those two dates the zones
 * are five hours apart instead of six. (Rules: EU Directive 2000/84/EC; US Energy Policy Act 2005.)
 */

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

const MORNINGS: Availability = {
  ...EMPTY_AVAILABILITY,
  weekly: {
    ...EMPTY_AVAILABILITY.weekly,
    mon: [{ start: '09:00', end: '12:00' }],
    tue: [{ start: '09:00', end: '12:00' }],
    wed: [{ start: '09:00', end: '12:00' }],
    thu: [{ start: '09:00', end: '12:00' }],
    fri: [{ start: '09:00', end: '12:00' }],
  },
};

const HOUR_EVERY_HALF_HOUR: SlotRules = {
  durationMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 0,
  horizonDays: 30,
  dailyLimit: null,
  weeklyLimit: null,
  slotIncrementMinutes: 30,
};

function input(
  overrides: Partial<Omit<SlotInput, 'rules'>> & { rules?: Partial<SlotRules> } = {},
): SlotInput {
  return {
    timeZone: BERLIN,
    availability: MORNINGS,
    bookings: [],
    busy: [],
    // Monday 1 June 2026, 02:00 in Berlin.
    now: '2026-06-01T00:00:00.000Z',
    ...overrides,
    rules: { ...HOUR_EVERY_HALF_HOUR, ...overrides.rules },
  };
}

const starts = (slots: { start: string }[]) => slots.map((s) => s.start.slice(0, 16));
const booked = (start: string, end: string, before = 0, after = 0): BookedTime => ({
  start,
  blockedFrom: new Date(Date.parse(start) - before * 60_000).toISOString(),
  blockedUntil: new Date(Date.parse(end) + after * 60_000).toISOString(),
});
const MONDAY = ['2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z'] as const;

describe('free slots', () => {
  it('steps through the weekly hours at the increment, each slot fitting inside the range', () => {
    // 09:00–12:00 CEST is 07:00–10:00 UTC; an hour every half hour: 09:00 … 11:00 local.
    expect(starts(freeSlots(input(), ...MONDAY))).toEqual([
      '2026-06-01T07:00',
      '2026-06-01T07:30',
      '2026-06-01T08:00',
      '2026-06-01T08:30',
      '2026-06-01T09:00',
    ]);
  });

  it('keeps the coach’s wall-clock hours across the coach’s own DST change', () => {
    const week = (from: string, to: string) =>
      starts(freeSlots(input({ now: from, rules: { slotIncrementMinutes: 180 } }), from, to));
    // Monday 23 March, CET: 09:00 local is 08:00 UTC. Monday 30 March, CEST: 09:00 local is 07:00 UTC.
    expect(week('2026-03-23T00:00:00Z', '2026-03-24T00:00:00Z')).toEqual(['2026-03-23T08:00']);
    expect(week('2026-03-30T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual(['2026-03-30T07:00']);
  });

  it('counts real hours in a range that spans the change itself', () => {
    // An override 01:00–05:00 on 29 March: 01:00 CET is 00:00 UTC, 05:00 CEST is 03:00 UTC — three
    // real hours, so three one-hour slots, shown in Berlin as 01:00, 03:00 and 04:00.
    const availability: Availability = {
      ...MORNINGS,
      overrides: [{ date: '2026-03-29', ranges: [{ start: '01:00', end: '05:00' }] }],
    };
    const slots = freeSlots(
      input({ availability, now: '2026-03-28T00:00:00Z', rules: { slotIncrementMinutes: 60 } }),
      '2026-03-29T00:00:00Z',
      '2026-03-30T00:00:00Z',
    );
    expect(starts(slots)).toEqual(['2026-03-29T00:00', '2026-03-29T01:00', '2026-03-29T02:00']);
    expect(slotsByLocalDay(slots, BERLIN).days[0]?.slots.map((s) => s.localTime)).toEqual([
      '01:00',
      '03:00',
      '04:00',
    ]);
  });

  it('shows the same coach hour an hour later in New York once only New York has changed clocks', () => {
    const availability: Availability = {
      ...EMPTY_AVAILABILITY,
      weekly: { ...EMPTY_AVAILABILITY.weekly, mon: [{ start: '15:00', end: '16:00' }] },
    };
    const on = (day: string) =>
      slotsByLocalDay(
        freeSlots(
          input({ availability, now: '2026-03-01T00:00:00Z' }),
          `${day}T00:00:00Z`,
          `${day}T23:59:00Z`,
        ),
        NEW_YORK,
      );
    // 2 March: 15:00 CET = 14:00 UTC = 09:00 EST. 9 March: 15:00 CET = 14:00 UTC = 10:00 EDT.
    expect(on('2026-03-02').days).toEqual([
      {
        date: '2026-03-02',
        slots: [
          {
            start: '2026-03-02T14:00:00.000Z',
            end: '2026-03-02T15:00:00.000Z',
            localDate: '2026-03-02',
            localTime: '09:00',
          },
        ],
      },
    ]);
    expect(on('2026-03-09').days[0]?.slots[0]?.localTime).toBe('10:00');
  });

  it('lets a buffer swallow the slot that would end where a booking begins', () => {
    const bookings = [booked('2026-06-01T08:00:00Z', '2026-06-01T09:00:00Z')]; // 10:00–11:00 local
    // No buffer: 09:00 (ends as the booking starts) and 11:00 are free; 09:30, 10:00, 10:30 overlap.
    expect(starts(freeSlots(input({ bookings }), ...MONDAY))).toEqual([
      '2026-06-01T07:00',
      '2026-06-01T09:00',
    ]);
    // 30 minutes after each conversation: 09:00 would now run into the booking; only 11:00 is left.
    expect(starts(freeSlots(input({ bookings, rules: { bufferAfterMinutes: 30 } }), ...MONDAY))).toEqual([
      '2026-06-01T09:00',
    ]);
  });

  it('respects the buffers an existing booking keeps, whatever its type', () => {
    // A 30-minute booking at 09:00 local that keeps 30 minutes after it: 09:00–10:00 local is taken.
    const bookings = [booked('2026-06-01T07:00:00Z', '2026-06-01T07:30:00Z', 0, 30)];
    expect(starts(freeSlots(input({ bookings }), ...MONDAY))).toEqual([
      '2026-06-01T08:00',
      '2026-06-01T08:30',
      '2026-06-01T09:00',
    ]);
  });

  it('blocks exactly the external busy times', () => {
    const busy = [{ start: '2026-06-01T08:00:00.000Z', end: '2026-06-01T08:30:00.000Z' }]; // 10:00–10:30 local
    expect(starts(freeSlots(input({ busy }), ...MONDAY))).toEqual([
      '2026-06-01T07:00',
      '2026-06-01T08:30',
      '2026-06-01T09:00',
    ]);
  });

  it('closes a day once its daily limit is reached, and a week at its weekly limit', () => {
    const monday = [booked('2026-06-01T07:00:00Z', '2026-06-01T08:00:00Z')];
    const week = ['2026-06-01T00:00:00Z', '2026-06-09T00:00:00Z'] as const;
    const daily = freeSlots(input({ bookings: monday, rules: { dailyLimit: 1 } }), ...week);
    expect(daily.some((s) => s.start.startsWith('2026-06-01'))).toBe(false);
    expect(daily.filter((s) => s.start.startsWith('2026-06-02'))).toHaveLength(5);

    const twice = [...monday, booked('2026-06-02T07:00:00Z', '2026-06-02T08:00:00Z')];
    const weekly = freeSlots(input({ bookings: twice, rules: { weeklyLimit: 2 } }), ...week);
    // Monday 1 – Sunday 7 June is full; Monday 8 June (the next ISO week) is open again.
    expect(new Set(weekly.map((s) => s.start.slice(0, 10)))).toEqual(new Set(['2026-06-08']));
  });

  it('lets an override replace a day, an empty override block it, and time off remove days', () => {
    const availability: Availability = {
      ...MORNINGS,
      overrides: [
        { date: '2026-06-06', ranges: [{ start: '14:00', end: '15:00' }] }, // a Saturday afternoon
        { date: '2026-06-01', ranges: [] }, // Monday blocked
      ],
      timeOff: [{ from: '2026-06-02', to: '2026-06-03' }],
    };
    const days = freeSlots(input({ availability }), '2026-06-01T00:00:00Z', '2026-06-08T00:00:00Z').map((s) =>
      s.start.slice(0, 16),
    );
    expect(days.filter((d) => d < '2026-06-04')).toEqual([]);
    expect(days.filter((d) => d.startsWith('2026-06-06'))).toEqual(['2026-06-06T12:00']);
    expect(days.filter((d) => d.startsWith('2026-06-04'))).toHaveLength(5);
  });

  it('starts no earlier than the notice and ends at the horizon', () => {
    // Now 09:10 local; an hour's notice: 10:10 → the first start is 10:30 local (08:30 UTC).
    const now = '2026-06-01T07:10:00.000Z';
    const slots = freeSlots(input({ now, rules: { minimumNoticeMinutes: 60, horizonDays: 1 } }));
    expect(starts(slots)[0]).toBe('2026-06-01T08:30');
    // Horizon 1 day: today and tomorrow, nothing on Wednesday.
    expect(new Set(slots.map((s) => s.start.slice(0, 10)))).toEqual(new Set(['2026-06-01', '2026-06-02']));
  });
});

describe('why a start is refused', () => {
  const now = '2026-06-01T07:10:00.000Z'; // Monday 09:10 local
  const rules = { minimumNoticeMinutes: 60, horizonDays: 7, dailyLimit: 2 };
  const bookings = [booked('2026-06-02T07:00:00Z', '2026-06-02T08:00:00Z')];
  const refusal = (start: string, extra: Partial<Omit<SlotInput, 'rules'>> = {}) =>
    refusalOfStart(input({ now, rules, bookings, ...extra }), start);

  it('names each reason', () => {
    expect(refusal('2026-06-01T07:00:00Z')).toBe('past');
    expect(refusal('2026-06-01T08:00:00Z')).toBe('inside-notice');
    expect(refusal('2026-06-15T07:00:00Z')).toBe('beyond-horizon');
    expect(refusal('2026-06-02T11:00:00Z')).toBe('outside-availability'); // 13:00 local
    expect(refusal('2026-06-02T09:30:00Z')).toBe('outside-availability'); // would end at 12:30 local
    expect(refusal('2026-06-02T08:15:00Z')).toBe('not-on-increment');
    expect(refusal('2026-06-02T07:30:00Z')).toBe('taken');
    expect(
      refusal('2026-06-02T09:00:00Z', {
        bookings: [...bookings, booked('2026-06-02T08:00:00Z', '2026-06-02T09:00:00Z')],
      }),
    ).toBe('limit-reached');
  });

  it('accepts exactly the starts the slot list offers', () => {
    const offered = freeSlots(
      input({ now, rules, bookings }),
      '2026-06-02T00:00:00Z',
      '2026-06-03T00:00:00Z',
    );
    expect(starts(offered)).toEqual(['2026-06-02T08:00', '2026-06-02T08:30', '2026-06-02T09:00']);
    for (const slot of offered) expect(refusal(slot.start)).toBeNull();
  });
});
