import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_AVAILABILITY } from '../src/core/coaching/availability.js';
import { BusyCalendarService } from '../src/services/coaching/busy-calendar.service.js';
import { type FetchCalendarOptions, fetchCalendarText } from '../src/services/coaching/fetch-calendar.js';
import { isPublicAddress } from '../src/services/coaching/public-address.js';
import type { Actor } from '../src/services/context.js';
import { ENGINES, openTestStore, type TestStore } from './harness/stores.js';

/**
 * A coach's own calendars block their slots: fetched for real over HTTP from a local server, read,
 * kept as the last good copy while later fetches fail, refreshed by one process at a time.
 */

const SECRET = 'private-9f8e7d6c5b4a3921';
const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//busy//EN',
  'BEGIN:VEVENT',
  'UID:busy-1',
  'DTSTAMP:20260501T000000Z',
  'DTSTART:20260602T080000Z',
  'DTEND:20260602T090000Z',
  'SUMMARY:Seminar',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:busy-2',
  'DTSTAMP:20260501T000000Z',
  'DTSTART:20260603T130000Z',
  'DTEND:20260603T143000Z',
  'SUMMARY:Lab meeting',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:free-1',
  'DTSTAMP:20260501T000000Z',
  'DTSTART:20260604T100000Z',
  'DTEND:20260604T110000Z',
  'TRANSP:TRANSPARENT',
  'SUMMARY:Reminder only',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
const TWO_RANGES = [
  { start: '2026-06-02T08:00:00.000Z', end: '2026-06-02T09:00:00.000Z' },
  { start: '2026-06-03T13:00:00.000Z', end: '2026-06-03T14:30:00.000Z' },
];

/** What the test server answers, and how many calendar requests it has had. */
const server = {
  mode: 'ics' as 'ics' | 'fail' | 'garbage' | 'huge' | 'hang' | 'redirect' | 'loop',
  fetches: 0,
  url: '',
};
let http: Server;

beforeAll(async () => {
  http = createServer((request, response) => {
    server.fetches += 1;
    if (server.mode === 'hang') return;
    if (server.mode === 'loop') return void response.writeHead(302, { location: request.url }).end();
    if (server.mode === 'redirect' && request.url === '/moved.ics')
      return void response.writeHead(301, { location: '/basic.ics' }).end();
    // A little delay so concurrent refreshers really overlap.
    setTimeout(() => {
      if (server.mode === 'fail') response.writeHead(500).end('oops');
      else if (server.mode === 'garbage') response.writeHead(200).end('this is not a calendar');
      else if (server.mode === 'huge') response.writeHead(200).end('x'.repeat(4096));
      else response.writeHead(200, { 'content-type': 'text/calendar' }).end(ICS);
    }, 20);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
});

/** A port nobody listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('fetchCalendarText', () => {
  beforeEach(() => {
    server.mode = 'ics';
  });

  // The test's calendar server runs on this machine, which the server refuses by default.
  const fetchLocal = (url: string, options: FetchCalendarOptions = {}) =>
    fetchCalendarText(url, { ...options, allowPrivateAddresses: true });

  it('reads the calendar and refuses what a coach should hear about in words', async () => {
    expect(await fetchLocal(`${server.url}/basic.ics`)).toBe(ICS);
    server.mode = 'fail';
    await expect(fetchLocal(`${server.url}/basic.ics`)).rejects.toThrow('the server answered 500');
    server.mode = 'huge';
    await expect(fetchLocal(`${server.url}/basic.ics`, { maxBytes: 1000 })).rejects.toThrow(
      'the calendar is larger than 1000 bytes',
    );
    server.mode = 'hang';
    await expect(fetchLocal(`${server.url}/basic.ics`, { timeoutMs: 200 })).rejects.toThrow(
      'timed out after 0.2 s',
    );
    await expect(fetchLocal(`http://127.0.0.1:${await closedPort()}/x.ics`)).rejects.toThrow(
      'could not reach the address: connection refused',
    );
    await expect(fetchCalendarText('ftp://example.org/x.ics')).rejects.toThrow('only http, https and webcal');
  });

  it('does not fetch this machine or private networks unless the operator allows it', async () => {
    for (const url of [
      `${server.url}/basic.ics`,
      'http://localhost:9/x.ics',
      'http://[::1]:9/x.ics',
      'http://169.254.169.254/latest',
    ])
      await expect(fetchCalendarText(url)).rejects.toThrow('this address is in a private network');
    // Redirects are followed hop by hop (each hop's address checked), a few times at most.
    server.mode = 'redirect';
    await expect(fetchLocal(`${server.url}/moved.ics`)).resolves.toBe(ICS);
    server.mode = 'loop';
    await expect(fetchLocal(`${server.url}/loop.ics`)).rejects.toThrow('redirects too many times');
  });

  it('knows which addresses are private', () => {
    const privateOnes = [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      'not an address',
    ];
    for (const address of privateOnes) expect(isPublicAddress(address), address).toBe(false);
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect(isPublicAddress(address), address).toBe(true);
  });
});

describe.each(ENGINES)('busy calendars on %s', (engine) => {
  let test: TestStore;
  let now: number;
  let ids: number;
  const clock = () => new Date(now);
  const at = '2026-05-01T00:00:00.000Z';
  const coach: Actor = { userId: 'coach', member: { orgId: 'org', roles: ['coach'] } };
  const otherCoach: Actor = { userId: 'other', member: { orgId: 'org', roles: ['coach'] } };
  const researcher: Actor = { userId: 'researcher', member: { orgId: 'org', roles: ['researcher'] } };
  const service = () =>
    new BusyCalendarService(test.store, clock, () => `cal-${++ids}`, { allowPrivateAddresses: true });
  const secretUrl = () => `${server.url}/calendar/ical/ada%40example.org/${SECRET}/basic.ics?token=${SECRET}`;

  beforeEach(async () => {
    now = Date.parse('2026-06-01T00:00:00.000Z');
    ids = 0;
    server.mode = 'ics';
    server.fetches = 0;
    test = await openTestStore(engine);
    const { db } = test.store;
    await db.insertInto('organisations').values({ id: 'org', name: 'Lab', created_at: at }).execute();
    for (const [id, name] of [
      ['coach', 'Ada Coach'],
      ['other', 'Grace Coach'],
      ['researcher', 'Rita Researcher'],
    ] as const)
      await db.insertInto('users').values({ id, name, created_at: at }).execute();
    for (const [coachId, handle] of [
      ['coach', 'ada'],
      ['other', 'grace'],
    ] as const)
      await db
        .insertInto('coach_profiles')
        .values({
          coach_id: coachId,
          org_id: 'org',
          handle,
          display_name: handle,
          introduction: '',
          time_zone: 'Europe/Berlin',
          availability: JSON.stringify(EMPTY_AVAILABILITY),
          created_at: at,
          updated_at: at,
        })
        .execute();
  });
  afterEach(async () => {
    await test.cleanup();
  });

  it('blocks the two busy events, not the free one, and keeps them while later fetches fail', async () => {
    const calendars = service();
    const added = await calendars.add(coach, { url: secretUrl() });
    expect(added).toMatchObject({ label: `127.0.0.1:${new URL(server.url).port}`, lastError: null });
    expect(added.busyCount).toBe(2);
    expect(added.lastSuccessAt).toBe('2026-06-01T00:00:00.000Z');
    expect(await calendars.busyFor('coach')).toEqual(TWO_RANGES);

    now += 60_000;
    server.mode = 'fail';
    const failed = await calendars.refresh(coach, added.id);
    expect(failed.lastError).toBe('the server answered 500');
    expect(failed.lastAttemptAt).toBe('2026-06-01T00:01:00.000Z');
    expect(failed.lastSuccessAt).toBe('2026-06-01T00:00:00.000Z');
    expect(await calendars.busyFor('coach')).toEqual(TWO_RANGES);

    server.mode = 'garbage';
    const unreadable = await calendars.refresh(coach, added.id);
    expect(unreadable.lastError).toMatch(/^the calendar could not be read: /);
    expect(unreadable.lastError).not.toContain('\n');
    expect(await calendars.busyFor('coach')).toEqual(TWO_RANGES);

    server.mode = 'ics';
    expect((await calendars.refresh(coach, added.id)).lastError).toBeNull();
  });

  it('adds a calendar it cannot reach, showing why', async () => {
    const view = await service().add(coach, {
      url: `http://127.0.0.1:${await closedPort()}/basic.ics`,
      label: 'Work',
    });
    expect(view).toMatchObject({ label: 'Work', lastSuccessAt: null, busyCount: 0 });
    expect(view.lastError).toMatch(/^could not reach the address/);
    expect(await service().busyFor('coach')).toEqual([]);
  });

  it('shows only a shortened address, never the secret in it', async () => {
    const calendars = service();
    const added = await calendars.add(coach, { url: secretUrl() });
    const listed = await calendars.list(coach);
    expect(listed).toHaveLength(1);
    expect(listed[0]?.urlPreview).toBe(`${server.url}/…/basic.ics`);
    for (const view of [added, listed]) expect(JSON.stringify(view)).not.toContain(SECRET);
  });

  it('lets only the coach themself see and remove their calendars', async () => {
    const calendars = service();
    await expect(calendars.add(researcher, { url: secretUrl() })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(calendars.list(researcher)).rejects.toMatchObject({ code: 'forbidden' });
    const added = await calendars.add(coach, { url: secretUrl() });
    await expect(calendars.remove(otherCoach, added.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(calendars.refresh(otherCoach, added.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await calendars.list(otherCoach)).toEqual([]);
    expect(await calendars.busyFor('coach')).toHaveLength(2);
    await calendars.remove(coach, added.id);
    expect(await calendars.list(coach)).toEqual([]);
    expect(await calendars.busyFor('coach')).toEqual([]);
  });

  it('needs a coach profile, a calendar address, and at most five calendars', async () => {
    const calendars = service();
    await test.store.db
      .insertInto('users')
      .values({ id: 'new', name: 'New Coach', created_at: at })
      .execute();
    const newCoach: Actor = { userId: 'new', member: { orgId: 'org', roles: ['coach'] } };
    await expect(calendars.add(newCoach, { url: secretUrl() })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('coach profile'),
    });
    await expect(calendars.add(coach, { url: 'ftp://example.org/x.ics' })).rejects.toMatchObject({
      code: 'validation',
    });
    for (let i = 0; i < 5; i++) await calendars.add(coach, { url: `${server.url}/${i}.ics` });
    await expect(calendars.add(coach, { url: secretUrl() })).rejects.toMatchObject({ code: 'validation' });
  });

  it('refreshes each due calendar once, however many refreshers run at once', async () => {
    const calendars = service();
    await calendars.add(coach, { url: `${server.url}/a.ics` });
    await calendars.add(otherCoach, { url: `${server.url}/b.ics` });
    server.fetches = 0;
    // Just fetched: nothing is due.
    expect(await calendars.refreshDue()).toBe(0);

    now += 16 * 60_000;
    server.mode = 'fail';
    // Connections opened beforehand, so the four really race instead of queueing on connects.
    const db = test.store.db;
    await Promise.all(Array.from({ length: 4 }, () => db.selectFrom('users').select('id').execute()));
    // Four refreshers, as if four server processes woke at once.
    const counts = await Promise.all(Array.from({ length: 4 }, () => service().refreshDue()));
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(2);
    expect(server.fetches).toBe(2);
    // Both were tried (and failed) just now, so neither is due again yet.
    expect(await calendars.refreshDue()).toBe(0);
    expect(server.fetches).toBe(2);
    expect((await calendars.list(coach))[0]?.lastError).toBe('the server answered 500');
    expect(await calendars.busyFor('other')).toEqual(TWO_RANGES);
  });
});
