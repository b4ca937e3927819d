import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { bookingsFeedIcs, type FeedBooking } from './bookings-feed.js';

const FIRST: FeedBooking = {
  uid: 'bk_1@whetstone',
  sequence: 2,
  start: '2026-12-10T15:00:00.000Z',
  end: '2026-12-10T16:00:00.000Z',
  typeTitle: '60-minute debugging conversation',
  booker: { name: 'Grace Researcher', email: 'grace@example.org' },
  answers: [{ prompt: 'What are you stuck on?', answer: 'Flaky tests; a long, comma-laden answer' }],
  location: 'https://meet.example/ada',
};
const SECOND: FeedBooking = {
  ...FIRST,
  uid: 'bk_2@whetstone',
  sequence: 0,
  start: '2026-12-11T08:30:00.000Z',
  end: '2026-12-11T09:00:00.000Z',
  typeTitle: '30-minute follow-up',
  booker: { name: 'Alan Booker', email: 'alan@example.net' },
  answers: [],
  location: '',
};
const STAMP = '2026-12-03T12:00:00.000Z';

/** Reads the feed back with ical.js, an independent parser. */
function events(text: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
}

const utc = (event: ICAL.Component, name: string) => {
  const value = event.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  expect(value.zone?.tzid).toBe('UTC');
  return value.toJSDate().toISOString();
};

describe('bookingsFeedIcs', () => {
  it('has one event per booking with its invitation UID, SEQUENCE and UTC times', () => {
    const text = bookingsFeedIcs({ name: 'Cora: bookings', bookings: [FIRST, SECOND], stamp: STAMP });
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Cora: bookings');
    const [first, second] = events(text);
    expect(events(text)).toHaveLength(2);
    expect(first?.getFirstPropertyValue('uid')).toBe(FIRST.uid);
    expect(first?.getFirstPropertyValue('sequence')).toBe(2);
    expect(utc(first!, 'dtstart')).toBe(FIRST.start);
    expect(utc(first!, 'dtend')).toBe(FIRST.end);
    expect(utc(first!, 'dtstamp')).toBe(STAMP);
    expect(first?.getFirstPropertyValue('summary')).toBe(
      '60-minute debugging conversation: Grace Researcher',
    );
    expect(first?.getFirstPropertyValue('location')).toBe(FIRST.location);
    expect(first?.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(second?.getFirstPropertyValue('uid')).toBe(SECOND.uid);
    expect(second?.getFirstPropertyValue('summary')).toBe('30-minute follow-up: Alan Booker');
    // No place given: no LOCATION at all rather than an empty one.
    expect(second?.getFirstProperty('location')).toBeNull();
  });

  it('describes the booker and their answers, surviving ICS escaping', () => {
    const [event] = events(bookingsFeedIcs({ name: 'x', bookings: [FIRST], stamp: STAMP }));
    expect(event?.getFirstPropertyValue('description')).toBe(
      'Booked by Grace Researcher <grace@example.org>\n\nWhat are you stuck on?\nFlaky tests; a long, comma-laden answer',
    );
  });

  it('is an empty calendar without bookings', () => {
    const text = bookingsFeedIcs({ name: 'x', bookings: [], stamp: STAMP });
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(events(text)).toEqual([]);
  });
});
