/**
 * Booking a coach over real HTTP on a real `whet serve --team`, on each engine, with a real SMTP
 * server catching the mails: a coach publishes a page; a visitor without an account sees slots in
 * their own zone, books one, and gets an invitation that ical.js reads back; a reschedule keeps the
 * UID and raises the SEQUENCE, a cancel sends METHOD:CANCEL and frees the slot; 100 visitors
 * clicking one slot at the same moment get one booking and 99 refusals with fresh slots; every
 * other refusal is a 422 naming why. Every answer is checked against the OpenAPI document.
 */
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Booking,
  BookingConfirmation,
  BookingProblem,
  ManagedBooking,
  PublicBookingPage,
  PublicCoachPage,
  Slot,
  SlotList,
} from '../src/core/coaching/booking.js';
import type { ConversationIdea, ConversationRoom } from '../src/core/coaching/conversation.js';
import type { ConversationTypeInput } from '../src/core/coaching/conversation-type.js';
import { ENGINES } from './harness/stores.js';
import { cliEnv } from './support/cli.js';
import { conversationType, everyDay } from './support/coaching.js';
import { type Contract, contract, type OpenApiDocument } from './support/contract.js';
import type { ApiResponse, CallOptions } from './support/http.js';
import { invitationOf, recipientOf } from './support/invitations.js';
import { type Mailbox, startMailbox, waitForMail } from './support/mailbox.js';
import { assertCliBuilt } from './support/paths.js';
import {
  inviteAndJoin,
  setUpOrganisation,
  startTeamServer,
  TeamClient,
  type TeamServer,
  teamDatabase,
} from './support/team-server.js';
import { tempDirs } from './support/temp.js';

const dirs = tempDirs();
afterAll(() => dirs.cleanup());

const MINUTE = 60_000;
const DEBUG: ConversationTypeInput = conversationType({
  title: '60-minute debugging conversation',
  description: 'We look at how you work and find what to improve.',
  bufferAfterMinutes: 15,
  minimumNoticeMinutes: 120,
  slotIncrementMinutes: 30,
  questions: [{ id: 'goal', prompt: 'What would you most like to get better at?', required: true }],
});
const FOLLOW_UP: ConversationTypeInput = {
  ...DEBUG,
  slug: 'follow-up',
  title: '30-minute follow-up',
  durationMinutes: 30,
  bufferAfterMinutes: 0,
  questions: [],
};

describe.each(ENGINES)('booking a coach over HTTP on %s', (engine) => {
  let server: TeamServer;
  let mailbox: Mailbox;
  let drop: () => Promise<void> = async () => {};
  let coach: TeamClient;
  let visitor: TeamClient;
  let api: Contract;
  let visitors = 0;

  /** A request checked against the document; each visitor call comes from its own address. */
  async function send<T>(
    client: TeamClient,
    method: string,
    template: string,
    path: string,
    options: CallOptions = {},
  ): Promise<ApiResponse<T>> {
    visitors += 1;
    const headers = {
      'x-forwarded-for': `10.1.${Math.floor(visitors / 250)}.${visitors % 250}`,
      ...options.headers,
    };
    const res = await client.call<T>(method, path, { ...options, headers });
    api.check(method, template, res);
    return res;
  }
  const book = (type: string, json: unknown, headers: Record<string, string> = {}) =>
    send<BookingConfirmation & BookingProblem>(
      visitor,
      'POST',
      '/public/book/{handle}/{type}/bookings',
      `/public/book/cora/${type}/bookings`,
      { json, headers },
    );
  const slots = async (type = 'debug', timeZone = 'America/New_York') => {
    const res = await send<SlotList>(
      visitor,
      'GET',
      '/public/book/{handle}/{type}/slots',
      `/public/book/cora/${type}/slots?timeZone=${encodeURIComponent(timeZone)}`,
    );
    expect(res.status, res.text).toBe(200);
    return res.body;
  };
  const allStarts = (list: SlotList) => list.days.flatMap((day) => day.slots.map((s) => s.start));
  const request = (slot: Pick<Slot, 'start'>, who: string) => ({
    start: slot.start,
    name: `Visitor ${who}`,
    email: `${who}@example.net`,
    timeZone: 'America/New_York',
    answers: { goal: 'Reading papers faster' },
  });
  const tokenOf = (url: string) => new URL(url).pathname.split('/').pop() ?? '';
  const managed = (token: string) =>
    send<ManagedBooking>(visitor, 'GET', '/public/bookings/{token}', `/public/bookings/${token}`);
  /** The first message to `address` whose subject matches, waiting for it to arrive. */
  const mailTo = async (address: string, subject: RegExp): Promise<ParsedMail> => {
    for (const started = Date.now(); Date.now() - started < 10_000; ) {
      const found = mailbox.received.find((m) => recipientOf(m) === address && subject.test(m.subject ?? ''));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no mail to ${address} matching ${subject}`);
  };
  const mailsSince = async (before: number, count: number): Promise<ParsedMail[]> =>
    (await waitForMail(mailbox, before + count)).slice(before);

  beforeAll(async () => {
    assertCliBuilt();
    mailbox = await startMailbox();
    const root = dirs.make(`whet-booking-${engine}`);
    const database = await teamDatabase(engine, root);
    drop = database.drop;
    const env = cliEnv({
      XDG_DATA_HOME: join(root, 'xdg'),
      HOME: root,
      WHETSTONE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
    });
    // Behind a proxy (--trust-proxy) each visitor is told apart by X-Forwarded-For, as in production.
    server = await startTeamServer({ db: database.db, env, extraArgs: ['--trust-proxy'] });
    const admin = await setUpOrganisation(server);
    coach = await inviteAndJoin(
      admin,
      { name: 'Cora Coach', email: 'cora@example.org', password: 'cora asks good questions' },
      ['coach'],
    );
    visitor = new TeamClient(server, 'visitor');
    const doc = (await visitor.call<OpenApiDocument>('GET', '/openapi.json')).body;
    api = contract(doc, { api: server.api, site: server.url });
    const profile = await send(coach, 'PUT', '/coach/profile', '/coach/profile', {
      json: {
        handle: 'cora',
        displayName: 'Cora Coach',
        introduction: 'I ask questions.',
        timeZone: 'Europe/Berlin',
      },
    });
    expect(profile.status, profile.text).toBe(200);
    const hours = await send(coach, 'PUT', '/coach/availability', '/coach/availability', {
      json: everyDay('08:00', '20:00'),
    });
    expect(hours.status, hours.text).toBe(200);
    for (const type of [DEBUG, FOLLOW_UP]) {
      const created = await send(coach, 'POST', '/coach/types', '/coach/types', { json: type });
      expect(created.status, created.text).toBe(201);
    }
    mailbox.received.length = 0;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await mailbox?.close();
    await drop();
  });

  it('publishes pages anyone can open, with slots in the visitor’s own zone and no location', async () => {
    const page = await send<PublicCoachPage>(visitor, 'GET', '/public/book/{handle}', '/public/book/cora');
    expect(page.status, page.text).toBe(200);
    expect(page.body.coach).toMatchObject({
      handle: 'cora',
      displayName: 'Cora Coach',
      timeZone: 'Europe/Berlin',
    });
    expect(page.body.types.map((t) => t.slug)).toEqual(['debug', 'follow-up']);
    const one = await send<PublicBookingPage>(
      visitor,
      'GET',
      '/public/book/{handle}/{type}',
      '/public/book/cora/debug',
    );
    expect(one.body.type.questions[0]?.id).toBe('goal');
    expect(one.text).not.toContain('meet.example.org');
    const list = await slots();
    expect(list.timeZone).toBe('America/New_York');
    const first = list.days[0]?.slots[0];
    expect(first).toBeDefined();
    if (!first) return;
    // The local time shown is the instant's wall clock in New York.
    const wall = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/New_York',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(first.start));
    expect(first.localTime).toBe(wall);
    expect(Date.parse(first.start)).toBeGreaterThanOrEqual(
      Date.now() + DEBUG.minimumNoticeMinutes * MINUTE - MINUTE,
    );
    expect(
      (await send(visitor, 'GET', '/public/book/{handle}/{type}', '/public/book/cora/nothing')).status,
    ).toBe(404);
  });

  it('books, invites both sides, moves with the same UID and a higher SEQUENCE, and cancels', async () => {
    const [slot, later] = allStarts(await slots())
      .slice(6, 20)
      .filter((_, i) => i % 6 === 0);
    if (!slot || !later) throw new Error('no slots to book');
    const before = mailbox.received.length;
    const booked = await book('debug', request({ start: slot }, 'rhea'));
    expect(booked.status, booked.text).toBe(201);
    expect(booked.body.booking).toMatchObject({ status: 'confirmed', start: slot, changeable: true });
    expect(booked.body.booking.location).toBe(DEBUG.location);
    expect(allStarts(await slots())).not.toContain(slot);

    const invited = await mailsSince(before, 2);
    expect(invited.map(recipientOf).sort()).toEqual(['cora@example.org', 'rhea@example.net']);
    const first = invited.map(invitationOf);
    expect(first.map((i) => i.method)).toEqual(['REQUEST', 'REQUEST']);
    expect(first.map((i) => i.sequence)).toEqual([0, 0]);
    expect(first[0]?.start).toBe(slot);
    const uid = first[0]?.uid;
    expect(first[1]?.uid).toBe(uid);
    // The coach's mail carries the booker's answer; both carry a link.
    const toCoach = invited.find((m) => recipientOf(m) === 'cora@example.org');
    expect(toCoach?.text).toContain('Reading papers faster');

    const list = await send<{ items: Booking[] }>(coach, 'GET', '/coach/bookings', '/coach/bookings');
    expect(list.body.items.map((b) => b.start)).toContain(slot);

    const token = tokenOf(booked.body.manageUrl);
    expect((await managed(token)).body.start).toBe(slot);
    const moved = await send<BookingConfirmation>(
      visitor,
      'POST',
      '/public/bookings/{token}/reschedule',
      `/public/bookings/${token}/reschedule`,
      { json: { start: later } },
    );
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.booking.start).toBe(later);
    // The old link is used up; the new one works.
    expect((await managed(token)).status).toBe(404);
    const newToken = tokenOf(moved.body.manageUrl);
    expect((await managed(newToken)).status).toBe(200);
    const rescheduled = (await mailsSince(before + 2, 2)).map(invitationOf);
    expect(rescheduled.map((i) => [i.method, i.uid, i.sequence, i.start])).toEqual([
      ['REQUEST', uid, 1, later],
      ['REQUEST', uid, 1, later],
    ]);
    const free = allStarts(await slots());
    expect(free).toContain(slot);
    expect(free).not.toContain(later);

    const cancelled = await send<ManagedBooking>(
      visitor,
      'POST',
      '/public/bookings/{token}/cancel',
      `/public/bookings/${newToken}/cancel`,
      { json: { reason: 'A clash' } },
    );
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const cancels = (await mailsSince(before + 4, 2)).map(invitationOf);
    expect(cancels.map((i) => [i.method, i.uid, i.sequence, i.status])).toEqual([
      ['CANCEL', uid, 2, 'CANCELLED'],
      ['CANCEL', uid, 2, 'CANCELLED'],
    ]);
    expect(allStarts(await slots())).toContain(later);
    expect((await managed(newToken)).status).toBe(404);
    const tampered = `${newToken.slice(0, -2)}xx`;
    expect((await managed(tampered)).status).toBe(404);
  }, 60_000);

  it('lets exactly one of 100 simultaneous requests for one slot through; the others get fresh slots', async () => {
    const slot = allStarts(await slots())[30];
    if (!slot) throw new Error('no slot');
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => book('debug', request({ start: slot }, `racer${i}`))),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body.reason).toBe('taken');
      expect(allStarts(refused.body.slots ?? { timeZone: '', days: [] })).not.toContain(slot);
      expect(refused.body.slots?.days.length).toBeGreaterThan(0);
    }
    const kept = (await send<{ items: Booking[] }>(coach, 'GET', '/coach/bookings', '/coach/bookings')).body
      .items;
    expect(kept.filter((b) => b.start === slot)).toHaveLength(1);
  }, 60_000);

  it('keeps overlapping types of different lengths apart when 100 requests race', async () => {
    // 60-minute conversations at T−30 and T (each kept 15 minutes longer for its buffer) and a
    // 30-minute follow-up at T+30: every pair overlaps, so only one request may win.
    const free = allStarts(await slots());
    const shift = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * MINUTE).toISOString();
    const t = free
      .slice(40)
      .find(
        (s) => free.includes(shift(s, -30)) && free.includes(shift(s, 30)) && free.includes(shift(s, 60)),
      );
    if (!t) throw new Error('no free stretch');
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        i % 3 === 2
          ? book('follow-up', { ...request({ start: shift(t, 30) }, `short${i}`), answers: {} })
          : book('debug', request({ start: shift(t, i % 3 === 0 ? -30 : 0) }, `long${i}`)),
      ),
    );
    expect(
      answers.filter((a) => a.status === 201),
      answers.map((a) => a.status).join(),
    ).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(99);
  }, 60_000);

  it('refuses a time that cannot be booked with a 422 naming why', async () => {
    const free = allStarts(await slots());
    const valid = free[50] ?? '';
    const reasons: [string, string][] = [
      ['2020-01-06T09:00:00.000Z', 'past'],
      [new Date(Date.now() + 30 * MINUTE).toISOString(), 'inside-notice'],
      [new Date(Date.now() + 60 * 24 * 60 * MINUTE).toISOString(), 'beyond-horizon'],
      [new Date(Date.parse(valid) + 10 * MINUTE).toISOString(), 'not-on-increment'],
    ];
    // 02:00 in Berlin, three days on: inside the window, outside the hours.
    const night = new Date(Date.parse(valid) + 3 * 24 * 60 * MINUTE);
    const berlinHour = Number(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        hourCycle: 'h23',
      }).format(night),
    );
    reasons.push([
      new Date(night.getTime() - ((berlinHour + 22) % 24) * 60 * MINUTE).toISOString(),
      'outside-availability',
    ]);
    for (const [start, reason] of reasons) {
      const res = await book('debug', request({ start }, `late-${reason}`));
      expect(res.status, `${reason}: ${res.text}`).toBe(422);
      expect(res.body.reason).toBe(reason);
      expect(res.body.errors?.[0]?.field).toBe('start');
    }
    const unanswered = await book('debug', { ...request({ start: valid }, 'quiet'), answers: {} });
    expect(unanswered.status).toBe(422);
    expect(unanswered.body.errors).toEqual([{ field: 'answers.goal', message: 'is required' }]);
  });

  it('answers a retry with the same Idempotency-Key with the same booking', async () => {
    const slot = allStarts(await slots())[60] ?? '';
    const key = { 'idempotency-key': `retry-${engine}-0001` };
    const first = await book('debug', request({ start: slot }, 'retrier'), key);
    const again = await book('debug', request({ start: slot }, 'retrier'), key);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.manageUrl).toBe(first.body.manageUrl);
    const kept = (await send<{ items: Booking[] }>(coach, 'GET', '/coach/bookings', '/coach/bookings')).body
      .items;
    expect(kept.filter((b) => b.start === slot)).toHaveLength(1);
    const other = await book('debug', request({ start: allStarts(await slots())[70] ?? '' }, 'someone'), key);
    expect(other.status).toBe(409);
  });

  it('limits upcoming bookings per email and attempts per email address', async () => {
    const free = allStarts(await slots());
    const statuses: number[] = [];
    for (const i of [80, 84, 88, 92])
      statuses.push((await book('debug', request({ start: free[i] ?? '' }, 'keen'))).status);
    expect(statuses).toEqual([201, 201, 201, 409]);
    // The email's attempts in the hour: 4 above, then 2 more are allowed, then 429.
    const more: ApiResponse[] = [];
    for (let i = 0; i < 3; i++)
      more.push(await book('debug', request({ start: '2020-01-06T09:00:00.000Z' }, 'keen')));
    expect(more.map((r) => r.status)).toEqual([409, 409, 429]);
    expect(Number(more[2]?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('makes an account from the booking link through a mail to the booking’s address, and keeps the booking', async () => {
    const slot = allStarts(await slots())[100] ?? '';
    const booked = await book('debug', request({ start: slot }, 'nina'));
    expect(booked.status, booked.text).toBe(201);
    const token = tokenOf(booked.body.manageUrl);
    // Before any account, the link opens the room in the researcher's seat.
    const viaLink = await send<ConversationRoom>(
      visitor,
      'GET',
      '/public/bookings/{token}/room',
      `/public/bookings/${token}/room`,
    );
    expect(viaLink.status, viaLink.text).toBe(200);
    expect([viaLink.body.role, viaLink.body.coachNotes]).toEqual(['researcher', null]);
    const proposed = await coach.call<ConversationIdea>(
      'POST',
      `/conversations/${viaLink.body.bookingId}/ideas`,
      {
        json: { text: 'Keep a reading log' },
      },
    );
    expect(proposed.status, proposed.text).toBe(201);
    const kept = await send<ConversationIdea>(
      visitor,
      'POST',
      '/public/bookings/{token}/room/ideas/{ideaId}/accept',
      `/public/bookings/${token}/room/ideas/${proposed.body.id}/accept`,
    );
    expect([kept.status, kept.body.status, kept.body.ideaId]).toEqual([200, 'accepted', null]);
    const asked = await send<{ sentTo: string }>(
      visitor,
      'POST',
      '/public/bookings/{token}/account',
      `/public/bookings/${token}/account`,
    );
    expect(asked.status, asked.text).toBe(202);
    expect(asked.body.sentTo).toBe('nina@example.net');
    const invite = await mailTo('nina@example.net', /invited you/);
    const link = /\/invite\/([A-Za-z0-9_-]+)/.exec(invite.text ?? '')?.[1];
    expect(link).toBeDefined();
    const nina = new TeamClient(server, 'nina');
    const joined = await nina.call('POST', `/join/${link}`, {
      json: { name: 'Nina New', password: 'nina keeps her notes' },
    });
    expect(joined.status, joined.text).toBe(201);
    const mine = await nina.call<{ items: { bookingId: string; role: string }[] }>('GET', '/conversations');
    expect(mine.body.items.map((c) => c.role)).toEqual(['researcher']);
    expect((await nina.call('GET', `/conversations/${mine.body.items[0]?.bookingId}`)).status).toBe(200);
    // The idea she accepted before she had an account is in her inbox now.
    const inbox = (await nina.call<{ items: { text: string; source: string }[] }>('GET', '/ideas')).body
      .items;
    expect(inbox.map((idea) => [idea.text, idea.source])).toEqual([['Keep a reading log', 'conversation']]);

    // For an address with an account the mail says so, and the answer is the same.
    const coachBooking = await book('debug', {
      ...request({ start: allStarts(await slots())[104] ?? '' }, 'cora'),
      email: 'cora@example.org',
    });
    const again = await send<{ sentTo: string }>(
      visitor,
      'POST',
      '/public/bookings/{token}/account',
      `/public/bookings/${tokenOf(coachBooking.body.manageUrl)}/account`,
    );
    expect(again.status).toBe(202);
    await mailTo('cora@example.org', /^You already have a Whetstone account$/);
    // A link holder cannot accept into an account that has the booking's address: sign in for that.
    const coachRoom = (
      await coach.call<{ items: { bookingId: string; with: string }[] }>('GET', '/conversations')
    ).body.items;
    const theirs = coachRoom.find((c) => c.with === 'Visitor cora');
    const idea = await coach.call<ConversationIdea>('POST', `/conversations/${theirs?.bookingId}/ideas`, {
      json: { text: 'Not through a link' },
    });
    const refused = await send(
      visitor,
      'POST',
      '/public/bookings/{token}/room/ideas/{ideaId}/accept',
      `/public/bookings/${tokenOf(coachBooking.body.manageUrl)}/room/ideas/${idea.body.id}/accept`,
    );
    expect(refused.status).toBe(403);
  });
});
