import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type InvitationInput, invitationIcs } from './invitation.js';

const BASE: InvitationInput = {
  method: 'REQUEST',
  uid: 'bk_123@whetstone',
  sequence: 0,
  start: '2026-12-10T15:00:00.000Z',
  end: '2026-12-10T16:00:00.000Z',
  summary: '60-minute debugging conversation with Ada Coach',
  description: 'What are you stuck on? Flaky tests\nManage: https://whetstone.example/manage/abc',
  location: 'https://meet.example/ada',
  url: 'https://whetstone.example/manage/abc',
  organizer: { name: 'Ada Coach', email: 'ada@example.com' },
  attendee: { name: 'Grace Researcher', email: 'grace@example.org' },
  stamp: '2026-12-03T12:00:00.000Z',
};

/** Reads the ICS back with ical.js, an independent parser. */
function parse(text: string): { calendar: ICAL.Component; event: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
  return { calendar, event };
}

function instant(event: ICAL.Component, name: string): string {
  const value = event.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  expect(value.zone?.tzid).toBe('UTC');
  return value.toJSDate().toISOString();
}

function person(event: ICAL.Component, name: string): { mailto: string; cn: unknown } {
  const property = event.getFirstProperty(name);
  if (!property) throw new Error(`no ${name}`);
  return {
    mailto: String(property.getFirstValue()).replace(/^mailto:/i, 'mailto:'),
    cn: property.getParameter('cn'),
  };
}

describe('invitationIcs', () => {
  it('builds a REQUEST with one confirmed event carrying the booking', () => {
    const { calendar, event } = parse(invitationIcs(BASE));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstPropertyValue('prodid')).toContain('//Whetstone//Debugging conversations//EN');
    expect(event.getFirstPropertyValue('uid')).toBe(BASE.uid);
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(instant(event, 'dtstart')).toBe(BASE.start);
    expect(instant(event, 'dtend')).toBe(BASE.end);
    expect(instant(event, 'dtstamp')).toBe(BASE.stamp);
    expect(event.getFirstPropertyValue('summary')).toBe(BASE.summary);
    expect(event.getFirstPropertyValue('location')).toBe(BASE.location);
    expect(event.getFirstPropertyValue('url')).toBe(BASE.url);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('names the coach as organizer and the researcher as a required attendee asked to reply', () => {
    const { event } = parse(invitationIcs(BASE));
    expect(person(event, 'organizer')).toEqual({ mailto: 'mailto:ada@example.com', cn: 'Ada Coach' });
    expect(person(event, 'attendee')).toEqual({ mailto: 'mailto:grace@example.org', cn: 'Grace Researcher' });
    const attendee = event.getFirstProperty('attendee');
    expect(attendee?.getParameter('role')).toBe('REQ-PARTICIPANT');
    expect(attendee?.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(attendee?.getParameter('rsvp')).toBe('TRUE');
  });

  it('builds a CANCEL with STATUS:CANCELLED', () => {
    const { calendar, event } = parse(invitationIcs({ ...BASE, method: 'CANCEL', sequence: 2 }));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('uid')).toBe(BASE.uid);
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
  });

  it('keeps the UID and raises SEQUENCE on a reschedule', () => {
    const first = parse(invitationIcs(BASE)).event;
    const moved = parse(
      invitationIcs({
        ...BASE,
        sequence: 1,
        start: '2026-12-11T09:30:00.000Z',
        end: '2026-12-11T10:30:00.000Z',
      }),
    ).event;
    expect(moved.getFirstPropertyValue('uid')).toBe(first.getFirstPropertyValue('uid'));
    expect(moved.getFirstPropertyValue('sequence')).toBe(1);
    expect(instant(moved, 'dtstart')).toBe('2026-12-11T09:30:00.000Z');
    expect(instant(moved, 'dtend')).toBe('2026-12-11T10:30:00.000Z');
  });

  it('omits URL when none is given', () => {
    const { url: _url, ...withoutUrl } = BASE;
    expect(parse(invitationIcs(withoutUrl)).event.getFirstProperty('url')).toBeNull();
  });

  it('round-trips commas, semicolons, backslashes and newlines in text', () => {
    const description =
      'Answers: a, b; c\nSecond line \\ with backslash\n\nManage: https://x.example/m?a=1;b=2';
    const summary = 'Chat, with; Ada';
    const attendee = { name: 'Hopper, Grace; PhD', email: 'grace@example.org' };
    const { event } = parse(invitationIcs({ ...BASE, description, summary, attendee }));
    expect(event.getFirstPropertyValue('description')).toBe(description);
    expect(event.getFirstPropertyValue('summary')).toBe(summary);
    expect(event.getFirstProperty('attendee')?.getParameter('cn')).toBe(attendee.name);
  });

  it('rejects an end that is not after the start', () => {
    expect(() => invitationIcs({ ...BASE, end: BASE.start })).toThrow(RangeError);
    expect(() => invitationIcs({ ...BASE, end: '2026-12-10T14:00:00.000Z' })).toThrow(RangeError);
  });

  it('rejects a sequence that is not a non-negative integer', () => {
    for (const sequence of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => invitationIcs({ ...BASE, sequence })).toThrow(RangeError);
    }
  });

  it('rejects instants that do not parse', () => {
    expect(() => invitationIcs({ ...BASE, start: 'not a date' })).toThrow(RangeError);
  });
});
