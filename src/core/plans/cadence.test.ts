import { describe, expect, it } from 'vitest';
import { thrownError } from '../errors.test-support.js';
import { blocksPerWeek, Cadence, describeCadence, expandCadence, spreadRule } from './cadence.js';
import { parseCadence } from './cadence-parse.js';

describe('parseCadence: friendly text', () => {
  it('reads "N x M / week" as N blocks on any days, with a suggested spread for the calendar', () => {
    expect(parseCadence('3x30/week')).toEqual({
      rule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      minutes: 30,
      at: '09:00',
      perWeek: 3,
    });
    expect(parseCadence('2 × 45 min per week').perWeek).toBe(2);
    expect(parseCadence('1x60/wk').rule).toBe('FREQ=WEEKLY;BYDAY=TU');
    // More than seven a week: the calendar shows one block a day, the week still expects ten.
    expect(parseCadence('10x20/week')).toMatchObject({ rule: 'FREQ=DAILY', perWeek: 10 });
  });

  it('reads daily, weekdays and day lists as fixed days', () => {
    expect(parseCadence('daily 20')).toEqual({ rule: 'FREQ=DAILY', minutes: 20, at: '09:00', perWeek: null });
    expect(parseCadence('weekdays 45').rule).toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
    expect(parseCadence('MO,WE,FR 30').rule).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
    // Any order and spelling of day names; kept in week order.
    expect(parseCadence('friday, mon 30min').rule).toBe('FREQ=WEEKLY;BYDAY=MO,FR');
  });

  it('takes a start time from "at HH:MM", "@H" or the options', () => {
    expect(parseCadence('daily 20 at 7:30').at).toBe('07:30');
    expect(parseCadence('weekdays 45 @ 14').at).toBe('14:00');
    expect(parseCadence('3x30/week', { at: '18:15' }).at).toBe('18:15');
  });

  it('reads a raw RRULE with its minutes after it or from --minutes', () => {
    expect(parseCadence('RRULE:freq=weekly; byday=tu 60')).toEqual({
      rule: 'FREQ=WEEKLY;BYDAY=TU',
      minutes: 60,
      at: '09:00',
      perWeek: null,
    });
    expect(parseCadence('FREQ=MONTHLY;BYDAY=1MO,3MO', { minutes: 90 }).minutes).toBe(90);
    expect(parseCadence('FREQ=DAILY;BYHOUR=9,16', { minutes: 25 }).rule).toBe('FREQ=DAILY;BYHOUR=9,16');
  });
});

describe('parseCadence: bad input', () => {
  it.each([
    ['', 'must not be empty'],
    ['banana', 'cannot read "banana" as a cadence; write e.g. 3x30/week'],
    ['3x30/fortnight', 'cannot read'],
    ['blursday 30', 'cannot read'],
    ['3x300/week', 'blocks must be 5 to 240 minutes long (got 300)'],
    ['daily 2', 'blocks must be 5 to 240 minutes long (got 2)'],
    ['0x30/week', 'plan at least one block a week'],
    ['15x30/week', 'at most 14 blocks a week (got 15)'],
    ['daily 20 at 25:00', '"at 25:00" is not a time of day'],
    ['FREQ=WEEKLY;BYDAY=TU', 'needs the block length in minutes, e.g. --minutes 30'],
    ['FREQ=WEEKLY;BYDAY=XX 30', 'BYDAY must list weekdays like MO,WE,FR'],
    ['FREQ=WEEKLY;BYDAY=1MO 30', 'only with FREQ=MONTHLY'],
    ['FREQ=HOURLY 30', 'too frequent'],
    ['FREQ=YEARLY 30', 'too rare'],
    ['FREQ=DAILY;COUNT=10 30', "COUNT is not used in a cadence: the plan's review date"],
    ['FREQ=DAILY;UNTIL=20270101T000000Z 30', 'UNTIL is not used'],
    ['FREQ=DAILY;BYSECOND=5 30', 'BYSECOND is not supported'],
    ['FREQ=DAILY;FREQ=WEEKLY 30', 'FREQ appears twice'],
    ['FREQ=DAILY;INTERVAL=0 30', 'INTERVAL must be a whole number from 1 to 12'],
    ['FREQ=DAILY;BYHOUR=8,12,16 30', 'more than 14 blocks in a week'],
    ['FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23 10', 'more than 14'],
    ['FREQ=MONTHLY;BYMONTH=2 30', 'comes round only 1 time(s) a year'],
    ['FREQ=DAILY;BYHOUR=9,10 90', 'blocks of 90 min would overlap (09:00 and 10:00)'],
  ])('refuses %j', (text, message) => {
    const error = thrownError(() => parseCadence(text));
    expect(error.code).toBe('validation');
    expect(error.message).toContain(message);
    expect(error.message.startsWith('cadence: ')).toBe(true);
    expect(error.issues[0]?.field).toBe('cadence');
  });

  it('names the field given', () => {
    expect(thrownError(() => parseCadence('nonsense', { field: 'adjust.cadence' })).issues[0]?.field).toBe(
      'adjust.cadence',
    );
  });
});

describe('parseCadence: objects', () => {
  it('fills in the start time and canonicalises the rule', () => {
    expect(parseCadence({ rule: 'freq=weekly;byday=mo', minutes: 30 })).toEqual({
      rule: 'FREQ=WEEKLY;BYDAY=MO',
      minutes: 30,
      at: '09:00',
      perWeek: null,
    });
  });

  it('names the offending nested field', () => {
    expect(thrownError(() => parseCadence({ rule: 'FREQ=DAILY', minutes: 2000 })).issues[0]).toEqual({
      field: 'cadence.minutes',
      message: 'must be a whole number of minutes from 5 to 240',
    });
    expect(
      thrownError(() => parseCadence({ rule: 'FREQ=DAILY', minutes: 30, at: '9am' })).issues[0]?.field,
    ).toBe('cadence.at');
    expect(
      thrownError(() => parseCadence({ rule: 'FREQ=WEEKLY;BYDAY=ZZ', minutes: 30 })).issues[0]?.field,
    ).toBe('cadence.rule');
    expect(
      thrownError(() => parseCadence({ rule: 'FREQ=DAILY', minutes: 30, extra: 1 })).issues[0]?.field,
    ).toBe('cadence.extra');
    expect(thrownError(() => parseCadence(42)).issues[0]?.field).toBe('cadence');
  });

  it('stored cadences are checked for form by the schema', () => {
    expect(Cadence.safeParse({ rule: 'FREQ=DAILY', minutes: 20, at: '09:00', perWeek: null }).success).toBe(
      true,
    );
    expect(
      Cadence.safeParse({ rule: 'FREQ=SOMETIMES', minutes: 20, at: '09:00', perWeek: null }).success,
    ).toBe(false);
  });
});

describe('describeCadence', () => {
  it.each([
    ['3x30/week', '3 × 30 min a week'],
    ['daily 20', '7 × 20 min a week (every day at 09:00)'],
    ['weekdays 45 at 08:00', '5 × 45 min a week (weekdays at 08:00)'],
    ['MO,WE,FR 30', '3 × 30 min a week (Mon, Wed, Fri at 09:00)'],
    ['sa,su 60', '2 × 60 min a week (weekends at 09:00)'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU 60', '60 min, every 2 weeks on Tuesday at 09:00'],
    ['FREQ=MONTHLY;BYDAY=1MO 90', '90 min, every month on the 1st Monday at 09:00'],
  ])('%s -> %s', (text, words) => {
    expect(describeCadence(parseCadence(text))).toBe(words);
  });
});

describe('blocksPerWeek', () => {
  it('is N for "N a week", the day count for weekly rules and the yearly average otherwise', () => {
    expect(blocksPerWeek(parseCadence('3x30/week'))).toBe(3);
    expect(blocksPerWeek(parseCadence('10x20/week'))).toBe(10);
    expect(blocksPerWeek(parseCadence('weekdays 45'))).toBe(5);
    // Every other Tuesday: 26 in the 364-day sample -> 26 * 7 / 364 = 0.5.
    expect(blocksPerWeek(parseCadence('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU 30'))).toBe(0.5);
    // First Monday of the month: 12 in the sample (2026-01-05 .. 2027-01-03) -> 12 * 7 / 364.
    expect(blocksPerWeek(parseCadence('FREQ=MONTHLY;BYDAY=1MO 30'))).toBeCloseTo((12 * 7) / 364, 10);
  });

  it('spreads N a week over suggested days', () => {
    expect(spreadRule(2)).toBe('FREQ=WEEKLY;BYDAY=TU,TH');
    expect(spreadRule(7)).toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU');
    expect(spreadRule(12)).toBe('FREQ=DAILY');
  });
});

describe('expandCadence', () => {
  it('keeps a 09:00 block at 09:00 Berlin time across the spring change (2026-03-29)', () => {
    const blocks = expandCadence(parseCadence('daily 30'), {
      from: '2026-03-28',
      to: '2026-03-30',
      timeZone: 'Europe/Berlin',
    });
    // 09:00 CET = 08:00Z before the change; 09:00 CEST = 07:00Z from Sunday 29 March on.
    expect(blocks).toEqual([
      {
        date: '2026-03-28',
        time: '09:00',
        start: '2026-03-28T08:00:00.000Z',
        end: '2026-03-28T08:30:00.000Z',
      },
      {
        date: '2026-03-29',
        time: '09:00',
        start: '2026-03-29T07:00:00.000Z',
        end: '2026-03-29T07:30:00.000Z',
      },
      {
        date: '2026-03-30',
        time: '09:00',
        start: '2026-03-30T07:00:00.000Z',
        end: '2026-03-30T07:30:00.000Z',
      },
    ]);
  });

  it('keeps 09:00 across the autumn change in Berlin (2026-10-25) and New York (2026-11-01)', () => {
    const mondays = parseCadence('MO,SU 45');
    const berlin = expandCadence(mondays, {
      from: '2026-10-24',
      to: '2026-10-26',
      timeZone: 'Europe/Berlin',
    });
    // Sunday 25 Oct is already CET (UTC+1): 08:00Z; Monday too.
    expect(berlin.map((b) => b.start)).toEqual(['2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z']);
    const ny = expandCadence(mondays, { from: '2026-10-26', to: '2026-11-02', timeZone: 'America/New_York' });
    // 09:00 EDT (UTC-4) = 13:00Z on Mon 26 Oct; EST (UTC-5) from Sunday 1 Nov: 14:00Z.
    expect(ny.map((b) => [b.date, b.start])).toEqual([
      ['2026-10-26', '2026-10-26T13:00:00.000Z'],
      ['2026-11-01', '2026-11-01T14:00:00.000Z'],
      ['2026-11-02', '2026-11-02T14:00:00.000Z'],
    ]);
  });

  it('moves a block that starts in the skipped hour forward by the gap (New York, 2026-03-08)', () => {
    const blocks = expandCadence(parseCadence('su 30 at 02:30'), {
      from: '2026-03-08',
      to: '2026-03-08',
      timeZone: 'America/New_York',
    });
    // 02:30 does not exist; it becomes 03:30 EDT = 07:30Z, and the block still lasts 30 minutes.
    expect(blocks).toEqual([
      {
        date: '2026-03-08',
        time: '02:30',
        start: '2026-03-08T07:30:00.000Z',
        end: '2026-03-08T08:00:00.000Z',
      },
    ]);
  });

  it('counts every other week from the anchor, and starts no earlier than it', () => {
    const fortnightly = parseCadence('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU 60');
    const dates = (anchor: string) =>
      expandCadence(fortnightly, { from: '2026-03-01', to: '2026-03-31', timeZone: 'UTC', anchor }).map(
        (b) => b.date,
      );
    expect(dates('2026-03-02')).toEqual(['2026-03-03', '2026-03-17', '2026-03-31']);
    expect(dates('2026-03-09')).toEqual(['2026-03-10', '2026-03-24']);
    expect(dates('2026-03-20')).toEqual(['2026-03-31']);
  });

  it('refuses reversed and huge ranges', () => {
    const daily = parseCadence('daily 20');
    expect(() => expandCadence(daily, { from: '2026-03-02', to: '2026-03-01', timeZone: 'UTC' })).toThrow(
      'to: must not be before from',
    );
    expect(() => expandCadence(daily, { from: '2026-01-01', to: '2030-01-01', timeZone: 'UTC' })).toThrow(
      'to: must be at most 1100 days after from',
    );
  });
});
