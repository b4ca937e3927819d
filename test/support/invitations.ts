/** Reading calendar invitations out of arrived mail, with an independent parser (ical.js). */
import ICAL from 'ical.js';
import type { Attachment, ParsedMail } from 'mailparser';

/** The parts of an arrived message that are calendar data, by content type. */
export function calendarParts(mail: ParsedMail): Attachment[] {
  return mail.attachments.filter((part) => /^(text\/calendar|application\/ics)$/i.test(part.contentType));
}

export interface ReadInvitation {
  method: unknown;
  uid: unknown;
  sequence: unknown;
  status: unknown;
  start: string;
  end: string;
}

/** METHOD, UID, SEQUENCE, STATUS and the times of ICS text, as ical.js reads them. */
export function readIcs(text: string): ReadInvitation {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT in the ICS');
  const time = (name: string) => (event.getFirstPropertyValue(name) as ICAL.Time).toJSDate().toISOString();
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    start: time('dtstart'),
    end: time('dtend'),
  };
}

/** The invitation of an arrived message (its text/calendar part), read back. */
export function invitationOf(mail: ParsedMail): ReadInvitation {
  const part = calendarParts(mail).find((p) => p.contentType === 'text/calendar');
  if (!part) throw new Error(`"${mail.subject}" carries no text/calendar part`);
  return readIcs(part.content.toString('utf8'));
}

/** The one address a message went to. */
export function recipientOf(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address ?? '';
}
