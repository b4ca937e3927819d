import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { WhetstoneError } from './errors.js';
import {
  addDays,
  canonicalTimeZone,
  DEFAULT_TIME_ZONE,
  datesBetween,
  daysBetween,
  isoWeekday,
  LocalDate,
  LocalTime,
  localDate,
  localDateTimeToInstant,
  localHour,
  parseTimeZone,
  startOfDay,
  startOfWeek,
  TimeZone,
  weekOf,
} from './time-zone.js';
import { parseInput } from './validation.js';

describe('TimeZone', () => {
  it('accepts IANA names and normalises their spelling', () => {
    expect(DEFAULT_TIME_ZONE).toBe('UTC');
    expect(TimeZone.parse('Europe/Berlin')).toBe('Europe/Berlin');
    expect(TimeZone.parse('europe/berlin')).toBe('Europe/Berlin');
    expect(TimeZone.parse('America/New_York')).toBe('America/New_York');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it('refuses unknown zones and bare offsets, naming the field', () => {
    for (const bad of ['Mars/Olympus', '+01:00', '', 'Europe/Berlin; drop', 'CEST?']) {
      expect(canonicalTimeZone(bad)).toBeNull();
    }
    const schema = z.strictObject({ timeZone: TimeZone });
    expect(() => parseInput(schema, { timeZone: 'Mars/Olympus' })).toThrow(
      'timeZone: must be an IANA time zone such as Europe/Berlin or America/New_York',
    );
    expect(() => parseTimeZone('Nowhere/Special', 'tz')).toThrow(WhetstoneError);
    expect(() => parseTimeZone(42)).toThrow(/^timeZone: must be an IANA time zone/);
  });
});

describe('LocalDate and LocalTime', () => {
  it('accept real dates and times only', () => {
    expect(LocalDate.safeParse('2026-03-29').success).toBe(true);
    expect(LocalDate.safeParse('2026-02-30').success).toBe(false);
    expect(LocalDate.safeParse('2026-3-29').success).toBe(false);
    expect(LocalTime.safeParse('09:00').success).toBe(true);
    expect(LocalTime.safeParse('24:00').success).toBe(false);
    expect(LocalTime.safeParse('9:00').success).toBe(false);
  });
});

describe('local calendar of an instant', () => {
  it('gives the Berlin day of a log made at 23:30 Berlin time, which is still the same UTC day in winter', () => {
    // 2026-01-14T22:30Z = 23:30 CET (UTC+1), a Wednesday.
    expect(localDate('2026-01-14T22:30:00Z', 'Europe/Berlin')).toBe('2026-01-14');
    expect(localHour('2026-01-14T22:30:00Z', 'Europe/Berlin')).toBe(23);
    expect(isoWeekday('2026-01-14T22:30:00Z', 'Europe/Berlin')).toBe(3);
  });

  it('gives the Berlin day of 00:30 Berlin time, which is the previous UTC day', () => {
    // 2026-07-14T22:30Z = 00:30 CEST (UTC+2) on Wednesday 15 July.
    expect(localDate('2026-07-14T22:30:00Z', 'Europe/Berlin')).toBe('2026-07-15');
    expect(localDate('2026-07-14T22:30:00Z', 'UTC')).toBe('2026-07-14');
    expect(isoWeekday(new Date('2026-07-14T22:30:00Z'), 'Europe/Berlin')).toBe(3);
  });

  it('counts both passes through the repeated hour at the autumn change as hour 2 in Berlin', () => {
    // 2026-10-25: clocks go from 03:00 CEST back to 02:00 CET. 00:30Z = 02:30 CEST, 01:30Z = 02:30 CET.
    expect(localHour('2026-10-25T00:30:00Z', 'Europe/Berlin')).toBe(2);
    expect(localHour('2026-10-25T01:30:00Z', 'Europe/Berlin')).toBe(2);
    expect(localHour('2026-10-25T02:30:00Z', 'Europe/Berlin')).toBe(3);
  });
});

describe('calendar arithmetic', () => {
  it('finds Mondays, moves across month ends and counts days', () => {
    expect(weekOf('2026-03-29')).toBe('2026-03-23'); // a Sunday belongs to the week before
    expect(weekOf('2026-03-30')).toBe('2026-03-30');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(daysBetween('2026-03-23', '2026-03-30')).toBe(7);
    expect(daysBetween('2026-03-30', '2026-03-23')).toBe(-7);
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });

  it('starts local days and weeks at the right instant across DST', () => {
    // Berlin is UTC+1 until 2026-03-29 02:00, then UTC+2.
    expect(startOfDay('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
    // The week of Sunday 29 March began on Monday 23 March at 00:00 CET.
    expect(startOfWeek('2026-03-29', 'Europe/Berlin')).toBe('2026-03-22T23:00:00.000Z');
    // New York: EST (UTC-5) until 2026-03-08, then EDT (UTC-4).
    expect(startOfDay('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDay('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
  });

  it('keeps 09:00 at 09:00 local across DST and moves a skipped time forward', () => {
    expect(localDateTimeToInstant('2026-03-27', '09:00', 'Europe/Berlin')).toBe('2026-03-27T08:00:00.000Z');
    expect(localDateTimeToInstant('2026-03-30', '09:00', 'Europe/Berlin')).toBe('2026-03-30T07:00:00.000Z');
    // 02:30 does not exist on 2026-03-29 in Berlin; it becomes 03:30 CEST = 01:30Z.
    expect(localDateTimeToInstant('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
  });
});
