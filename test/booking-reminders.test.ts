/**
 * Reminders a day and an hour before a conversation, to both sides, on each engine: each goes out
 * once however often (or by however many processes) the round runs; a booking made inside a
 * reminder's lead gets none of that kind; a cancelled booking gets none; a moved one is reminded
 * again at its new time. Real store, real outbox; the services' clock is moved by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../src/core/mail.js';
import { BookingService } from '../src/services/coaching/booking.service.js';
import { BookingReminders } from '../src/services/coaching/booking-reminders.js';
import { CoachService } from '../src/services/coaching/coach.service.js';
import type { Actor } from '../src/services/context.js';
import { createMail } from '../src/services/mail/index.js';
import { toFlag } from '../src/store/rows.js';
import { type ManualClock, manualClock } from './harness/fixtures.js';
import { ENGINES, openTestStore, type TestStore } from './harness/stores.js';
import { conversationType, everyDay } from './support/coaching.js';

const HOUR = 3_600_000;
const START = '2027-05-03T07:00:00.000Z';
const coach: Actor = { userId: 'coach', member: { orgId: 'org', roles: ['coach'] } };

describe.each(ENGINES)('booking reminders on %s', (engine) => {
  let test: TestStore;
  let time: ManualClock;
  let bookings: BookingService;
  let reminders: BookingReminders;
  let outbox: ReturnType<typeof createMail>['outbox'];
  let n = 0;

  beforeEach(async () => {
    test = await openTestStore(engine);
    // A week before the conversation.
    time = manualClock('2027-04-26T07:00:00.000Z');
    const { db } = test.store;
    const at = time.now();
    await db.insertInto('users').values({ id: 'coach', name: 'Cora Coach', created_at: at }).execute();
    await db.insertInto('organisations').values({ id: 'org', name: 'Lab', created_at: at }).execute();
    await db
      .insertInto('auth_users')
      .values({
        id: 'coach',
        name: 'Cora Coach',
        email: 'cora@example.org',
        email_verified: toFlag(engine, true),
        image: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const ids = () => `id${++n}`;
    const coaching = new CoachService(test.store, time.clock, ids);
    await coaching.saveProfile(coach, {
      handle: 'cora',
      displayName: 'Cora Coach',
      introduction: '',
      timeZone: 'UTC',
    });
    await coaching.setAvailability(coach, everyDay('00:00', '24:00'));
    await coaching.createType(coach, conversationType({ horizonDays: 30 }));
    const mail = createMail({ store: test.store, clock: time.clock, smtpUrl: undefined, newId: ids });
    outbox = mail.outbox;
    const mailer = { enqueue: mail.outbox.enqueue.bind(mail.outbox), wake: () => {} };
    const secret = async () => 'a test key that is long enough to sign with';
    bookings = new BookingService({
      store: test.store,
      clock: time.clock,
      newId: ids,
      busyFor: async () => [],
      publicUrl: 'https://whet.example.org',
      secret,
      mailer,
    });
    reminders = new BookingReminders(test.store, time.clock, mailer, 'https://whet.example.org', secret);
  });
  afterEach(async () => {
    await test.cleanup();
  });

  const book = async (start: string, who: string) =>
    (
      await bookings.book('cora', 'debug', {
        start,
        name: who,
        email: `${who.toLowerCase()}@example.net`,
        timeZone: 'UTC',
        answers: {},
      })
    ).confirmation;
  const remindersSent = async (): Promise<OutboxMessage[]> =>
    (await outbox.listRecent(200)).filter((m) => /^(Reminder|In an hour)/.test(m.subject));
  const at = (ms: number) => time.set(Date.parse(START) - Date.parse('2027-04-26T07:00:00.000Z') + ms);

  it('sends the day and the hour reminder once each, to the booker and the coach', async () => {
    await book(START, 'Rhea');
    at(-25 * HOUR);
    expect(await reminders.runOnce()).toBe(0);
    at(-23 * HOUR);
    // Two rounds at once, as two server processes would run them: each reminder goes out once.
    const rounds = await Promise.all([reminders.runOnce(), reminders.runOnce()]);
    expect(rounds.reduce((a, b) => a + b, 0)).toBe(1);
    const day = await remindersSent();
    expect(day.map((m) => m.to).sort()).toEqual(['cora@example.org', 'rhea@example.net']);
    expect(day.every((m) => m.subject.startsWith('Reminder: Debugging conversation'))).toBe(true);
    // The booker's reminder carries their private link, which still works.
    const link = /https:\/\/whet\.example\.org\/booking\/([A-Za-z0-9_-]+)/.exec(
      day.find((m) => m.to === 'rhea@example.net')?.text ?? '',
    )?.[1];
    expect((await bookings.manage(link ?? '')).start).toBe(START);
    expect(await reminders.runOnce()).toBe(0);
    at(-59 * 60_000);
    expect(await reminders.runOnce()).toBe(1);
    expect((await remindersSent()).filter((m) => m.subject.startsWith('In an hour'))).toHaveLength(2);
    at(-30 * 60_000);
    expect(await reminders.runOnce()).toBe(0);
  });

  it('skips what the booking made unnecessary, and reminds a moved booking at its new time', async () => {
    // Booked 30 minutes ahead: no reminder of either kind.
    at(-30 * 60_000);
    await book(START, 'Late');
    expect(await reminders.runOnce()).toBe(0);
    // Cancelled: none.
    time.set(0);
    const later = new Date(Date.parse(START) + 2 * 24 * HOUR).toISOString();
    const cancelled = await book(later, 'Gone');
    await bookings.cancel(new URL(cancelled.manageUrl).pathname.split('/').pop() ?? '', {});
    // Moved after its day reminder went out: reminded again before the new time.
    const first = new Date(Date.parse(START) + 4 * 24 * HOUR).toISOString();
    const moved = await book(first, 'Moved');
    time.set(Date.parse(first) - Date.parse('2027-04-26T07:00:00.000Z') - 23 * HOUR);
    expect(await reminders.runOnce()).toBe(1);
    const second = new Date(Date.parse(first) + 3 * 24 * HOUR).toISOString();
    await bookings.reschedule(new URL(moved.manageUrl).pathname.split('/').pop() ?? '', { start: second });
    time.set(Date.parse(second) - Date.parse('2027-04-26T07:00:00.000Z') - 23 * HOUR);
    expect(await reminders.runOnce()).toBe(1);
    const toMoved = (await remindersSent()).filter((m) => m.to === 'moved@example.net');
    expect(toMoved).toHaveLength(2);
    expect(
      (await remindersSent()).some((m) => m.to === 'gone@example.net' || m.to === 'late@example.net'),
    ).toBe(false);
  });
});
