/**
 * Booking mail with a calendar invitation, on both engines, through a real SMTP server
 * (smtp-server) with what arrives read back by mailparser: the outbox keeps the iTIP part with the
 * message, the sender hands it to nodemailer as a text/calendar alternative carrying the method,
 * and ical.js reads the ICS that arrived back to the same METHOD and UID. Mail without an
 * invitation still has no calendar part.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type InvitationMethod, invitationIcs } from '../src/core/coaching/invitation.js';
import { type OutgoingMail, passwordResetMail } from '../src/core/mail.js';
import { createMail, type MailOutbox, type MailSender } from '../src/services/mail/index.js';
import { type ManualClock, manualClock } from './harness/fixtures.js';
import { ENGINES, openTestStore, type TestStore } from './harness/stores.js';
import { calendarParts, readIcs } from './support/invitations.js';
import { type Mailbox, startMailbox } from './support/mailbox.js';

const FROM = 'Whetstone <no-reply@whet.example.test>';
const UID = 'bkg_42@whetstone';

function bookingMail(method: InvitationMethod, sequence: number): OutgoingMail {
  const ics = invitationIcs({
    method,
    uid: UID,
    sequence,
    start: '2026-03-10T14:00:00.000Z',
    end: '2026-03-10T14:45:00.000Z',
    summary: 'Debugging conversation with Grace',
    description: 'Manage your booking: https://whet.example.test/manage/abc',
    location: 'https://video.example.test/room/7',
    url: 'https://whet.example.test/manage/abc',
    organizer: { name: 'Grace Hopper', email: 'grace@example.test' },
    attendee: { name: 'Ada Lovelace', email: 'ada@example.test' },
    stamp: '2026-03-02T09:00:00.000Z',
  });
  const verb = method === 'CANCEL' ? 'Cancelled' : 'Booked';
  return {
    to: 'ada@example.test',
    subject: `${verb}: debugging conversation with Grace`,
    text: `${verb}: 10 March 2026, 14:00 UTC.\n`,
    html: `<p>${verb}: 10 March 2026, 14:00 UTC.</p>`,
    calendar: { method, ics },
  };
}

describe.each(ENGINES)('booking mail with a calendar invitation on %s', (engine) => {
  let env: TestStore;
  let time: ManualClock;
  let mailbox: Mailbox;
  let mail: { outbox: MailOutbox; sender: MailSender };

  beforeEach(async () => {
    env = await openTestStore(engine);
    time = manualClock();
    mailbox = await startMailbox();
    mail = createMail({
      store: env.store,
      clock: time.clock,
      smtpUrl: `smtp://127.0.0.1:${mailbox.port}`,
      from: FROM,
    });
  });

  afterEach(async () => {
    await mail.sender.stop();
    await mailbox.close();
    await env.cleanup();
  });

  it('keeps the invitation with the message in the outbox, and none for mail without one', async () => {
    const booked = bookingMail('REQUEST', 0);
    const withCalendar = await mail.outbox.enqueue(booked);
    const without = await mail.outbox.enqueue(
      passwordResetMail({ to: 'ada@example.test', link: 'https://w.test/r/1', expiresInMinutes: 30 }),
    );

    expect((await mail.outbox.find(withCalendar))?.calendar).toEqual(booked.calendar);
    expect((await mail.outbox.find(without))?.calendar).toBeNull();
    // The sender's claim reads the same row.
    expect(await mail.sender.runOnce()).toEqual({ sent: 2, failed: 0 });
    expect((await mail.outbox.find(withCalendar))?.calendar).toEqual(booked.calendar);
  });

  it('delivers a REQUEST as a text/calendar alternative with its method, readable by ical.js', async () => {
    const booked = bookingMail('REQUEST', 0);
    await mail.outbox.enqueue(booked);

    expect(await mail.sender.runOnce()).toEqual({ sent: 1, failed: 0 });

    expect(mailbox.received).toHaveLength(1);
    const arrived = mailbox.received[0]!;
    expect(arrived.text?.trim()).toBe(booked.text.trim());
    expect(arrived.html).toBe(booked.html);
    const parts = calendarParts(arrived);
    // nodemailer sends the event twice: the alternative, and an .ics file for clients without one.
    expect(parts.map((part) => part.contentType).sort()).toEqual(['application/ics', 'text/calendar']);
    const alternative = parts.find((part) => /^text\/calendar$/i.test(part.contentType));
    expect(alternative, 'a text/calendar part').toBeDefined();
    // What makes a client show it as an invitation: the method on the part's content type.
    expect(alternative?.headers.get('content-type')).toMatchObject({
      value: 'text/calendar',
      params: { method: 'REQUEST' },
    });
    for (const part of parts) {
      expect(part.content.toString('utf8')).toBe(booked.calendar?.ics);
      expect(readIcs(part.content.toString('utf8'))).toMatchObject({
        method: 'REQUEST',
        uid: UID,
        sequence: 0,
        status: 'CONFIRMED',
      });
    }
    const file = parts.find((part) => part.contentDisposition === 'attachment');
    expect(file?.filename).toBe('invite.ics');
  });

  it('delivers a CANCEL with its method as cancel.ics', async () => {
    await mail.outbox.enqueue(bookingMail('CANCEL', 1));

    expect(await mail.sender.runOnce()).toEqual({ sent: 1, failed: 0 });

    const parts = calendarParts(mailbox.received[0]!);
    const alternative = parts.find((part) => /^text\/calendar$/i.test(part.contentType));
    expect(alternative?.headers.get('content-type')).toMatchObject({ params: { method: 'CANCEL' } });
    expect(readIcs(alternative!.content.toString('utf8'))).toMatchObject({
      method: 'CANCEL',
      uid: UID,
      sequence: 1,
      status: 'CANCELLED',
    });
    expect(parts.find((part) => part.contentDisposition === 'attachment')?.filename).toBe('cancel.ics');
  });

  it('sends mail without an invitation with no calendar part', async () => {
    await mail.outbox.enqueue(
      passwordResetMail({ to: 'ada@example.test', link: 'https://w.test/r/1', expiresInMinutes: 30 }),
    );

    expect(await mail.sender.runOnce()).toEqual({ sent: 1, failed: 0 });

    const arrived = mailbox.received[0]!;
    expect(arrived.subject).toBe('Reset your Whetstone password');
    expect(calendarParts(arrived)).toEqual([]);
    expect(arrived.attachments).toEqual([]);
  });
});
