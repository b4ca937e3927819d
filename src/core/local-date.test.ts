import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, datesBetween, daysBetween, weekdayOfDate, weekOf } from './local-date.js';

describe('local dates', () => {
  it('agrees with Temporal.PlainDate on every day from 1999 to 2031, leap days and DST days included', () => {
    // Temporal's calendar arithmetic is the reference; a day at a time covers every month end.
    let plain = Temporal.PlainDate.from('1999-01-01');
    const end = Temporal.PlainDate.from('2031-12-31');
    let checked = 0;
    while (Temporal.PlainDate.compare(plain, end) <= 0) {
      const date = plain.toString();
      expect(weekdayOfDate(date)).toBe(plain.dayOfWeek);
      expect(addDays(date, 1)).toBe(plain.add({ days: 1 }).toString());
      expect(addDays(date, -400)).toBe(plain.subtract({ days: 400 }).toString());
      expect(weekOf(date)).toBe(plain.subtract({ days: plain.dayOfWeek - 1 }).toString());
      plain = plain.add({ days: 1 });
      checked++;
    }
    expect(checked).toBe(12_053);
  });

  it('counts days across a leap day and backwards', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2026-03-30', '2026-03-29')).toBe(-1);
    // 2026-03-29 is the day Europe's clocks go forward; local dates do not care.
    expect(datesBetween('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  it('names weekdays the ISO way: 2026-12-02 is a Wednesday, 2026-12-06 a Sunday', () => {
    expect(weekdayOfDate('2026-12-02')).toBe(3);
    expect(weekdayOfDate('2026-12-06')).toBe(7);
    expect(weekOf('2026-12-06')).toBe('2026-11-30');
  });
});
