import { describe, expect, it } from 'vitest';
import { BusyCalendarError, busyRanges } from './busy-ics.js';

const calendar = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...events, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) =>
  ['BEGIN:VEVENT', `DTSTAMP:20260101T000000Z`, ...lines, 'END:VEVENT'].join('\r\n');
const JUNE = { start: '2026-06-01T00:00:00.000Z', end: '2026-06-30T00:00:00.000Z' };

describe('busy times from a coach’s calendar', () => {
  it('reads UTC and TZID times as instants (Berlin is UTC+2 in June)', () => {
    const ics = calendar(
      event('UID:a', 'DTSTART:20260602T080000Z', 'DTEND:20260602T090000Z'),
      event(
        'UID:b',
        'DTSTART;TZID=Europe/Berlin:20260603T140000',
        'DTEND;TZID=Europe/Berlin:20260603T153000',
      ),
    );
    expect(busyRanges(ics, JUNE, 'UTC')).toEqual([
      { start: '2026-06-02T08:00:00.000Z', end: '2026-06-02T09:00:00.000Z' },
      { start: '2026-06-03T12:00:00.000Z', end: '2026-06-03T13:30:00.000Z' },
    ]);
  });

  it('skips events marked free or cancelled, and those outside the window', () => {
    const ics = calendar(
      event('UID:free', 'DTSTART:20260602T080000Z', 'DTEND:20260602T090000Z', 'TRANSP:TRANSPARENT'),
      event('UID:off', 'DTSTART:20260602T100000Z', 'DTEND:20260602T110000Z', 'STATUS:CANCELLED'),
      event('UID:old', 'DTSTART:20250602T100000Z', 'DTEND:20250602T110000Z'),
    );
    expect(busyRanges(ics, JUNE, 'UTC')).toEqual([]);
  });

  it('expands a weekly rule, minus its EXDATE, with a moved occurrence', () => {
    // Five Mondays from 1 June at 09:00 UTC (1, 8, 15, 22, 29); 8 June is excluded; 15 June moved to 13:00.
    const ics = calendar(
      event(
        'UID:weekly',
        'DTSTART:20260601T090000Z',
        'DTEND:20260601T100000Z',
        'RRULE:FREQ=WEEKLY;COUNT=5',
        'EXDATE:20260608T090000Z',
      ),
      event(
        'UID:weekly',
        'RECURRENCE-ID:20260615T090000Z',
        'DTSTART:20260615T130000Z',
        'DTEND:20260615T140000Z',
      ),
    );
    expect(busyRanges(ics, JUNE, 'UTC').map((r) => r.start)).toEqual([
      '2026-06-01T09:00:00.000Z',
      '2026-06-15T13:00:00.000Z',
      '2026-06-22T09:00:00.000Z',
      '2026-06-29T09:00:00.000Z',
    ]);
  });

  it('blocks an all-day event’s whole day in the coach’s zone', () => {
    const ics = calendar(event('UID:day', 'DTSTART;VALUE=DATE:20260610', 'DTEND;VALUE=DATE:20260611'));
    expect(busyRanges(ics, JUNE, 'Europe/Berlin')).toEqual([
      { start: '2026-06-09T22:00:00.000Z', end: '2026-06-10T22:00:00.000Z' },
    ]);
  });

  it('refuses text that is not a calendar, saying so', () => {
    expect(() => busyRanges('<html>Sign in</html>', JUNE, 'UTC')).toThrow(BusyCalendarError);
    expect(() => busyRanges('<html>Sign in</html>', JUNE, 'UTC')).toThrow(/not an ICS calendar/);
  });
});
