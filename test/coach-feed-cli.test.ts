/**
 * A coach's bookings outside the web app, over real HTTP on a real `whet serve --team`, with a
 * real SMTP server catching the invitations: the private bookings feed a calendar app polls (read
 * back by ical.js: the invitations' UIDs, the booked times; a cancel drops the event; a new URL
 * retires the old one), and the real `whet` binary, logged in as the coach, listing the bookings
 * and reading and replacing the hours. Every API answer is checked against the OpenAPI document.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Availability } from '../src/core/coaching/availability.js';
import type { Booking, BookingConfirmation, SlotList } from '../src/core/coaching/booking.js';
import type { ConversationSummary } from '../src/core/coaching/conversation.js';
import { ENGINES } from './harness/stores.js';
import { cliEnv, describeRun, expectCliError, type RunResult, runWhet } from './support/cli.js';
import { conversationType, everyDay } from './support/coaching.js';
import { type Contract, contract, type OpenApiDocument } from './support/contract.js';
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

const CORA = { name: 'Cora Coach', email: 'cora@example.org', password: 'cora asks good questions' };
const COACH_ZONE = 'Europe/Berlin';
const DEBUG = conversationType({
  title: '60-minute debugging conversation',
  description: 'We look at how you work.',
  minimumNoticeMinutes: 120,
  questions: [{ id: 'goal', prompt: 'What would you most like to get better at?', required: true }],
});
const BOOKERS = [
  {
    name: 'Rhea Researcher',
    email: 'rhea@example.net',
    timeZone: 'America/New_York',
    goal: 'Reading faster',
  },
  { name: 'Bo Booker', email: 'bo@example.net', timeZone: COACH_ZONE, goal: 'Writing, clearly; at last' },
];

/** An instant as `whet` shows it: the wall clock in `timeZone`, "2026-12-10 16:00". */
const wall = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

/** The events of a feed as ical.js reads them. */
function feedEvents(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((event) => ({
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    end: (event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString(),
    utc: (event.getFirstPropertyValue('dtstart') as ICAL.Time).zone?.tzid,
    summary: event.getFirstPropertyValue('summary'),
    description: String(event.getFirstPropertyValue('description')),
    location: event.getFirstPropertyValue('location'),
  }));
}

describe.each(ENGINES)('a coach’s bookings feed and CLI on %s', (engine) => {
  let server: TeamServer;
  let mailbox: Mailbox;
  let drop: () => Promise<void> = async () => {};
  let coach: TeamClient;
  let visitor: TeamClient;
  let api: Contract;
  let env: NodeJS.ProcessEnv;
  let root: string;
  const booked: { start: string; end: string; manageToken: string; uid: string }[] = [];
  let feedUrl = '';

  const send = async <T>(
    client: TeamClient,
    method: string,
    template: string,
    path: string,
    json?: unknown,
  ) =>
    api.check(method, template, await client.call<T>(method, path, json === undefined ? {} : { json })) as {
      status: number;
      body: T;
      text: string;
    };
  /** GET of a feed URL as a calendar app does it: no credentials. */
  const poll = (url: string) => api.call('GET', '/feeds/coach/{token}.ics', new URL(url).pathname);

  const whet = (args: readonly string[], stdin?: string, runEnv = env): Promise<RunResult> =>
    runWhet(args, { env: runEnv, ...(stdin === undefined ? {} : { stdin }) });
  const ok = async (args: readonly string[]) => {
    const result = await whet(args);
    expect(result.code, describeRun(args, result)).toBe(0);
    return result.stdout;
  };

  beforeAll(async () => {
    assertCliBuilt();
    mailbox = await startMailbox();
    root = dirs.make(`whet-coach-feed-${engine}`);
    const database = await teamDatabase(engine, root);
    drop = database.drop;
    env = cliEnv({
      XDG_DATA_HOME: join(root, 'xdg'),
      XDG_CONFIG_HOME: join(root, 'config'),
      HOME: root,
      WHETSTONE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
    });
    server = await startTeamServer({ db: database.db, env });
    const admin = await setUpOrganisation(server);
    coach = await inviteAndJoin(admin, CORA, ['coach']);
    visitor = new TeamClient(server, 'visitor');
    const doc = (await visitor.call<OpenApiDocument>('GET', '/openapi.json')).body;
    api = contract(doc, { api: server.api, site: server.origin });
    const saved = [
      await send(coach, 'PUT', '/coach/profile', '/coach/profile', {
        handle: 'cora',
        displayName: 'Cora Coach',
        introduction: 'I ask questions.',
        timeZone: COACH_ZONE,
      }),
      await send(coach, 'PUT', '/coach/availability', '/coach/availability', everyDay('08:00', '20:00')),
      await send(coach, 'POST', '/coach/types', '/coach/types', DEBUG),
    ];
    for (const res of saved) expect(res.status, res.text).toBeLessThan(300);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await mailbox?.close();
    await drop();
  });

  it('serves every confirmed booking in the private feed, with the invitations’ UIDs', async () => {
    const created = await send<{ url: string }>(coach, 'POST', '/coach/feed', '/coach/feed');
    expect(created.status, created.text).toBe(201);
    feedUrl = created.body.url;
    expect(feedUrl).toMatch(new RegExp(`^${server.origin}/feeds/coach/[A-Za-z0-9_-]{32}\\.ics$`));
    const empty = await poll(feedUrl);
    expect(empty.status, empty.text).toBe(200);
    expect(feedEvents(empty.text)).toEqual([]);

    const slots = await send<SlotList>(
      visitor,
      'GET',
      '/public/book/{handle}/{type}/slots',
      '/public/book/cora/debug/slots?timeZone=UTC',
    );
    const starts = slots.body.days.flatMap((day) => day.slots.map((s) => s.start));
    const picked = [starts[3], starts[10]];
    for (const [i, booker] of BOOKERS.entries()) {
      const before = mailbox.received.length;
      const res = await send<BookingConfirmation>(
        visitor,
        'POST',
        '/public/book/{handle}/{type}/bookings',
        '/public/book/cora/debug/bookings',
        { start: picked[i], ...booker, goal: undefined, answers: { goal: booker.goal } },
      );
      expect(res.status, res.text).toBe(201);
      // The coach's invitation says which UID their calendar app holds for this booking.
      const mails = (await waitForMail(mailbox, before + 2)).slice(before);
      const toCoach = mails.find((mail) => recipientOf(mail) === CORA.email);
      booked.push({
        start: res.body.booking.start,
        end: res.body.booking.end,
        manageToken: new URL(res.body.manageUrl).pathname.split('/').pop() ?? '',
        uid: String(invitationOf(toCoach!).uid),
      });
    }

    const feed = await poll(feedUrl);
    expect(feed.status).toBe(200);
    expect(feed.contentType).toMatch(/^text\/calendar/);
    const events = feedEvents(feed.text);
    expect(events.map(({ uid, sequence, start, end }) => ({ uid, sequence, start, end }))).toEqual(
      booked.map(({ uid, start, end }) => ({ uid, sequence: 0, start, end })),
    );
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
    expect(events.every((e) => e.utc === 'UTC')).toBe(true);
    expect(events[0]).toMatchObject({
      summary: `${DEBUG.title}: Rhea Researcher`,
      location: DEBUG.location,
    });
    expect(events[0]?.description).toContain('rhea@example.net');
    expect(events[0]?.description).toContain('Reading faster');
    expect(events[1]?.description).toContain('Writing, clearly; at last');
  });

  it.runIf(engine === 'sqlite')('refuses coach commands without a team server', async () => {
    const solo = cliEnv({ XDG_DATA_HOME: join(root, 'solo'), HOME: root });
    for (const args of [['bookings'], ['coach', 'availability']]) {
      const result = await whet(args, undefined, solo);
      expectCliError(args, result, ['needs a team server', 'whet login']);
    }
  });

  it.runIf(engine === 'sqlite')(
    'lists the bookings with `whet bookings`, logged in as the coach',
    async () => {
      const login = await whet(['login', server.origin, '--email', CORA.email], `${CORA.password}\n`);
      expect(login.code, describeRun(['login'], login)).toBe(0);

      const listed = JSON.parse(await ok(['bookings', '--json'])) as Booking[];
      expect(listed.map((b) => [b.start, b.booker.email, b.status])).toEqual([
        [booked[0]?.start, 'rhea@example.net', 'confirmed'],
        [booked[1]?.start, 'bo@example.net', 'confirmed'],
      ]);

      const table = (await ok(['bookings'])).split('\n');
      expect(table[0]).toBe(`2 bookings, times in ${COACH_ZONE}`);
      const [rhea, bo] = booked;
      expect(table[2]).toBe(
        `${wall(rhea!.start, COACH_ZONE)}–${wall(rhea!.end, COACH_ZONE).slice(11)}  ${DEBUG.title}  Rhea Researcher <rhea@example.net>  (their zone America/New_York)`,
      );
      // Booked from the coach's own zone: nothing to point out.
      expect(table[3]).toBe(
        `${wall(bo!.start, COACH_ZONE)}–${wall(bo!.end, COACH_ZONE).slice(11)}  ${DEBUG.title}  Bo Booker <bo@example.net>`,
      );
    },
  );

  it('drops a cancelled booking from the feed', async () => {
    const cancelled = await send(
      visitor,
      'POST',
      '/public/bookings/{token}/cancel',
      `/public/bookings/${booked[0]?.manageToken}/cancel`,
      {},
    );
    expect(cancelled.status, cancelled.text).toBe(200);
    const events = feedEvents((await poll(feedUrl)).text);
    expect(events.map((e) => e.uid)).toEqual([booked[1]?.uid]);
  });

  it.runIf(engine === 'sqlite')('shows cancelled ones only with `whet bookings --all`', async () => {
    const upcoming = JSON.parse(await ok(['bookings', '--json'])) as Booking[];
    expect(upcoming.map((b) => b.booker.email)).toEqual(['bo@example.net']);
    const all = JSON.parse(await ok(['bookings', '--json', '--all'])) as Booking[];
    expect(all.map((b) => [b.booker.email, b.status])).toEqual([
      ['rhea@example.net', 'cancelled'],
      ['bo@example.net', 'confirmed'],
    ]);
    const table = await ok(['bookings', '--all']);
    expect(table).toMatch(/cancelled\s+60-minute debugging conversation\s+Rhea Researcher/);
  });

  it('retires the old URL when a new one is made, and all of them when the feed is off', async () => {
    const rotated = await send<{ url: string }>(coach, 'POST', '/coach/feed', '/coach/feed');
    expect(rotated.status).toBe(201);
    expect(rotated.body.url).not.toBe(feedUrl);
    expect((await poll(feedUrl)).status).toBe(404);
    const fresh = await poll(rotated.body.url);
    expect(fresh.status).toBe(200);
    expect(feedEvents(fresh.text).map((e) => e.uid)).toEqual([booked[1]?.uid]);

    const off = await send(coach, 'DELETE', '/coach/feed', '/coach/feed');
    expect(off.status).toBe(204);
    expect((await poll(rotated.body.url)).status).toBe(404);
    expect((await poll(`${server.origin}/feeds/coach/${'x'.repeat(32)}.ics`)).status).toBe(404);
    // Only coaches have a feed.
    expect((await visitor.call('POST', '/coach/feed')).status).toBe(401);
  });

  it.runIf(engine === 'sqlite')('reads and replaces the hours with `whet coach availability`', async () => {
    const yaml = join(root, 'hours.yaml');
    writeFileSync(
      yaml,
      [
        'weekly:',
        '  mon: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:30" }]',
        '  tue: []',
        '  wed: [{ start: "10:00", end: "24:00" }]',
        '  thu: []',
        '  fri: []',
        '  sat: []',
        '  sun: []',
        'overrides:',
        '  - { date: "2027-01-05", ranges: [] }',
        'timeOff:',
        '  - { from: "2027-02-01", to: "2027-02-07", note: "Conference" }',
        '',
      ].join('\n'),
    );
    const saved = await ok(['coach', 'availability', '--set', yaml]);
    expect(saved).toContain(`Saved your hours from ${yaml}.`);
    const shown = await ok(['coach', 'availability']);
    expect(shown).toBe(
      [
        `Weekly hours (${COACH_ZONE})`,
        '  mon  09:00–12:00, 13:00–17:30',
        '  tue  not available',
        '  wed  10:00–24:00',
        '  thu  not available',
        '  fri  not available',
        '  sat  not available',
        '  sun  not available',
        '',
        'Overrides',
        '  2027-01-05  not available',
        '',
        'Time off',
        '  2027-02-01 to 2027-02-07  Conference',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(await ok(['coach', 'availability', '--json'])) as Availability;
    expect(json.timeOff).toEqual([{ from: '2027-02-01', to: '2027-02-07', note: 'Conference' }]);

    // JSON works too; a range ending before it starts is refused, naming the field.
    const backwards = join(root, 'backwards.json');
    writeFileSync(
      backwards,
      JSON.stringify({ ...json, weekly: { ...json.weekly, fri: [{ start: '12:00', end: '09:00' }] } }),
    );
    const args = ['coach', 'availability', '--set', backwards];
    expectCliError(args, await whet(args), ['weekly.fri.0.end', 'must end after it starts']);
    const broken = join(root, 'broken.yaml');
    writeFileSync(broken, 'weekly: [\n');
    const brokenArgs = ['coach', 'availability', '--set', broken];
    expectCliError(brokenArgs, await whet(brokenArgs), [broken, 'neither JSON nor YAML']);
    // Nothing refused was saved.
    expect(await ok(['coach', 'availability'])).toBe(shown);
  });

  it.runIf(engine === 'sqlite')(
    'lists conversations and exports one as Markdown by a short id with `whet conversation export`',
    async () => {
      const listed = JSON.parse(await ok(['conversations', '--json'])) as ConversationSummary[];
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((c) => c.role === 'coach')).toBe(true);
      const id = listed[0]?.bookingId ?? '';
      const markdown = await ok(['conversation', 'export', id.slice(0, 6)]);
      expect(markdown).toMatch(/^---\ntitle: "60-minute debugging conversation with [^"]+"\n/);
      expect(markdown).toContain('## Shared notes');
      const file = join(root, 'conversation.md');
      await ok(['conversation', 'export', id, '-o', file]);
      expect(readFileSync(file, 'utf8')).toBe(markdown);
      const args = ['conversation', 'export', 'zzzz'];
      expectCliError(args, await whet(args), ['conversation zzzz not found', 'whet conversations']);
    },
  );
});
