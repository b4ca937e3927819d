import {
  type CalendarMethod,
  checkRecipient,
  escapeHtml,
  htmlBody,
  type OutgoingMail,
  oneLine,
  webLink,
} from '../mail.js';
import { invitationIcs } from './invitation.js';

/**
 * The mails of a booking, to the booker and to the coach: booked, moved, cancelled, and the
 * reminders a day and an hour before. The first three carry the calendar invitation (iTIP), so the
 * event appears in, moves in or leaves the recipient's calendar. Times are written in the
 * recipient's own zone. Pure: everything comes from the input.
 */

export type BookingMailKind = 'booked' | 'rescheduled' | 'cancelled' | 'reminder-day' | 'reminder-hour';

export interface BookingMailFacts {
  kind: BookingMailKind;
  recipient: 'booker' | 'coach';
  coach: { name: string; email: string; timeZone: string };
  booker: { name: string; email: string; timeZone: string };
  typeTitle: string;
  start: string;
  end: string;
  /** Where the conversation was before a reschedule. */
  previousStart?: string | undefined;
  location: string;
  answers: readonly { prompt: string; answer: string }[];
  /** The booker's private page (reschedule, cancel, open the conversation), or the coach's bookings. */
  link: string;
  uid: string;
  sequence: number;
  /** When the message is written (the invitation's DTSTAMP). */
  stamp: string;
  cancelReason?: string | null | undefined;
}

const dayIn = (at: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(at));
const clockIn = (at: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(at));

/** `Tuesday 9 June 2026, 10:00–11:00 (Europe/Berlin)`. */
export function meetingTime(start: string, end: string, timeZone: string): string {
  return `${dayIn(start, timeZone)}, ${clockIn(start, timeZone)}–${clockIn(end, timeZone)} (${timeZone})`;
}

/** `Tuesday 9 June 2026, 10:00 (Europe/Berlin)`. */
export function meetingStart(start: string, timeZone: string): string {
  return `${dayIn(start, timeZone)}, ${clockIn(start, timeZone)} (${timeZone})`;
}

function subjectOf(facts: BookingMailFacts, other: string, when: string): string {
  const title = oneLine(facts.typeTitle);
  switch (facts.kind) {
    case 'booked':
      return facts.recipient === 'booker'
        ? `Booked: ${title} with ${other}`
        : `New booking: ${title} with ${other}`;
    case 'rescheduled':
      return `Moved: ${title} with ${other}`;
    case 'cancelled':
      return `Cancelled: ${title} with ${other}`;
    case 'reminder-day':
      return `Reminder: ${title} with ${other}, ${when}`;
    case 'reminder-hour':
      return `In an hour: ${title} with ${other}`;
  }
}

function leadOf(facts: BookingMailFacts, other: string): string {
  const title = oneLine(facts.typeTitle);
  switch (facts.kind) {
    case 'booked':
      return facts.recipient === 'booker'
        ? `Your ${title} with ${other} is booked.`
        : `${other} booked a ${title} with you.`;
    case 'rescheduled':
      return `Your ${title} with ${other} has moved to a new time.`;
    case 'cancelled':
      return `Your ${title} with ${other} is cancelled; the time is free again.`;
    case 'reminder-day':
      return `A reminder: your ${title} with ${other} is coming up within a day.`;
    case 'reminder-hour':
      return `A reminder: your ${title} with ${other} starts in an hour.`;
  }
}

const METHOD: Partial<Record<BookingMailKind, CalendarMethod>> = {
  booked: 'REQUEST',
  rescheduled: 'REQUEST',
  cancelled: 'CANCEL',
};

export function bookingMail(facts: BookingMailFacts): OutgoingMail {
  const toBooker = facts.recipient === 'booker';
  const me = toBooker ? facts.booker : facts.coach;
  const other = oneLine(toBooker ? facts.coach.name : facts.booker.name);
  const when = meetingTime(facts.start, facts.end, me.timeZone);
  const link = webLink(facts.link);
  const lines: string[] = [`When: ${when}`];
  if (facts.previousStart && facts.kind === 'rescheduled')
    lines.push(`Was: ${meetingStart(facts.previousStart, me.timeZone)}`);
  if (facts.kind !== 'cancelled') lines.push(`Where: ${oneLine(facts.location)}`);
  if (facts.kind === 'cancelled' && facts.cancelReason) lines.push(`Reason: ${oneLine(facts.cancelReason)}`);
  const answers = toBooker ? [] : facts.answers.filter((a) => a.answer.trim() !== '');
  const action = toBooker
    ? facts.kind === 'cancelled'
      ? 'Book another time'
      : 'Reschedule, cancel or open the conversation'
    : 'See your bookings';
  const text = [
    `Hello ${oneLine(me.name)},`,
    '',
    leadOf(facts, other),
    '',
    ...lines,
    ...(answers.length > 0
      ? ['', ...answers.flatMap((a) => [`${oneLine(a.prompt)}`, `  ${a.answer.trim()}`])]
      : []),
    '',
    `${action}:`,
    link,
    '',
    'Whetstone',
    '',
  ].join('\n');
  const html = htmlBody({
    title: subjectOf(facts, other, when),
    intro: [
      `Hello ${escapeHtml(oneLine(me.name))},`,
      escapeHtml(leadOf(facts, other)),
      lines.map(escapeHtml).join('<br>'),
      ...answers.map(
        (a) => `<strong>${escapeHtml(oneLine(a.prompt))}</strong><br>${escapeHtml(a.answer.trim())}`,
      ),
    ],
    action,
    link,
    outro: [],
  });
  const method = METHOD[facts.kind];
  const mail: OutgoingMail = {
    to: checkRecipient(me.email),
    subject: subjectOf(facts, other, when),
    text,
    html,
  };
  if (!method) return mail;
  const ics = invitationIcs({
    method,
    uid: facts.uid,
    sequence: facts.sequence,
    start: facts.start,
    end: facts.end,
    summary: `${oneLine(facts.typeTitle)}: ${oneLine(facts.coach.name)} and ${oneLine(facts.booker.name)}`,
    description: toBooker ? `Reschedule or cancel: ${link}` : `Your bookings: ${link}`,
    location: oneLine(facts.location),
    url: link,
    organizer: { name: oneLine(facts.coach.name), email: facts.coach.email },
    attendee: { name: oneLine(facts.booker.name), email: facts.booker.email },
    stamp: facts.stamp,
  });
  return { ...mail, calendar: { method, ics } };
}

/** The answer to "make me an account" from a booking link, for an address that has one. */
export function accountExistsMail(input: {
  to: string;
  coachName: string;
  signInLink: string;
}): OutgoingMail {
  const link = webLink(input.signInLink);
  const coach = oneLine(input.coachName);
  const lead = `Someone asked for a Whetstone account for this address from a booking with ${coach}. You have one already: sign in, and the conversation is under Conversations.`;
  const ignore = 'If this was not you, you can ignore this message: nothing changes.';
  return {
    to: checkRecipient(input.to),
    subject: 'You already have a Whetstone account',
    text: ['Hello,', '', lead, '', link, '', ignore, '', 'Whetstone', ''].join('\n'),
    html: htmlBody({
      title: 'You already have a Whetstone account',
      intro: ['Hello,', escapeHtml(lead)],
      action: 'Sign in',
      link,
      outro: [escapeHtml(ignore)],
    }),
  };
}
