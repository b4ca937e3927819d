/**
 * Authorisation as a matrix: every operation of a team server's OpenAPI document × every kind of
 * caller, on a real `whet serve --team`. Each path has an entry saying who may use it; a path
 * without one fails the first test, so a new route cannot ship without deciding its access.
 *
 * Callers: anonymous; the owner of the objects (a researcher); another researcher; an org admin
 * (admin role only — admins see no one's research data); a deactivated member (their cookie from
 * before); a member of another organisation (a session of another team server); the owner's
 * read-only access token; a revoked token; three coaches: one the owner shares everything with,
 * one without a grant, and one whose grant the owner revoked.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEK_VS_20_MINUTES } from '../src/core/experiments/templates.js';
import type { Member } from '../src/core/team/account.js';
import { cliEnv } from './support/cli.js';
import { conversationType, everyDay } from './support/coaching.js';
import type { OpenApiDocument } from './support/contract.js';
import { assertCliBuilt } from './support/paths.js';
import {
  inviteAndJoin,
  setUpOrganisation,
  startTeamServer,
  TeamClient,
  type TeamServer,
} from './support/team-server.js';
import { tempDirs } from './support/temp.js';

/**
 * Who may use a path: everyone; admins; any member, on their own data; the owner of `{id}`; a
 * coach the researcher `{researcherId}` shares with (read only, through the grant); any coach, on
 * their own coach page; the coach whose page `{id}` belongs to (Cora, the coach with a grant); the
 * two people of the conversation `{id}` (its coach Cora; its booker has no account), and of those
 * only the researcher for decisions about their log (so Cora is refused).
 */
type Access =
  | 'public'
  | 'admin'
  | 'member'
  | 'owner'
  | 'shared'
  | 'coach'
  | 'coach-owner'
  | 'room'
  | 'room-researcher';

const ACCESS: Record<string, Access> = {
  '/health': 'public',
  '/auth/status': 'public',
  '/auth/sign-in': 'public',
  '/auth/sign-out': 'public',
  '/auth/forgot-password': 'public',
  '/auth/reset-password': 'public',
  '/auth/reset-password/{token}': 'public',
  '/setup': 'public',
  '/setup/{token}': 'public',
  '/join/{token}': 'public',
  '/feeds/{token}.ics': 'public',
  '/feeds/coach/{token}.ics': 'public',
  '/me': 'member',
  '/account/sessions': 'member',
  '/account/sessions/{id}': 'owner',
  '/account/sessions/revoke-others': 'member',
  '/account/password': 'member',
  '/account/tokens': 'member',
  '/account/tokens/{id}': 'owner',
  '/account/tokens/current': 'member',
  '/account/leave': 'member',
  '/members': 'admin',
  '/members/{userId}': 'admin',
  '/invitations': 'admin',
  '/invitations/{id}': 'admin',
  '/audit-events': 'admin',
  '/ideas': 'member',
  '/ideas/{id}': 'owner',
  '/areas': 'member',
  '/areas/{id}': 'owner',
  '/areas/resolve': 'member',
  '/ids': 'member',
  '/ideas/import': 'member',
  '/export': 'member',
  '/import': 'member',
  '/events': 'member',
  '/settings': 'member',
  '/sessions': 'member',
  '/sessions/active': 'member',
  '/sessions/{id}': 'owner',
  '/sessions/{id}/pause': 'owner',
  '/sessions/{id}/resume': 'owner',
  '/sessions/{id}/next': 'owner',
  '/sessions/{id}/skip': 'owner',
  '/sessions/{id}/back': 'owner',
  '/sessions/{id}/add-time': 'owner',
  '/sessions/{id}/end': 'owner',
  '/sessions/{id}/complete': 'owner',
  '/sessions/{id}/ideas': 'owner',
  '/sessions/{id}/ideas/{ideaId}': 'owner',
  '/questions/stats': 'member',
  '/decks': 'member',
  '/decks/import': 'member',
  '/decks/{id}': 'owner',
  '/decks/{id}/export': 'owner',
  '/experiment-templates': 'member',
  '/experiments': 'member',
  '/experiments/active': 'member',
  '/experiments/{id}': 'owner',
  '/experiments/{id}/prediction': 'owner',
  '/experiments/{id}/steps': 'owner',
  '/experiments/{id}/rating': 'owner',
  '/experiments/{id}/rating/undo': 'owner',
  '/experiments/{id}/triage': 'owner',
  '/experiments/{id}/report': 'owner',
  '/experiments/{id}/card': 'owner',
  '/experiments/{id}/calendar.ics': 'owner',
  '/experiments/{id}/second-rater': 'owner',
  '/rate/{token}': 'public',
  '/rate/{token}/ratings': 'public',
  '/rate/{token}/undo': 'public',
  '/rate/{token}/finish': 'public',
  '/measurements': 'member',
  '/pools': 'member',
  '/pools/{id}': 'owner',
  '/pools/{id}/cards': 'owner',
  '/pools/{id}/report': 'owner',
  '/plans': 'member',
  '/plans/{id}': 'owner',
  '/plans/{id}/steps': 'owner',
  '/plans/{id}/review': 'owner',
  '/plans/{id}/resume': 'owner',
  '/exercises': 'member',
  '/sub-skills': 'member',
  '/practice': 'member',
  '/practice/{id}': 'owner',
  '/interruptions': 'member',
  '/interruptions/{id}': 'owner',
  '/reviews': 'member',
  '/reviews/prompts': 'member',
  '/reviews/weekly': 'member',
  '/dashboard': 'member',
  '/calendar.ics': 'member',
  '/calendar/feeds': 'member',
  '/calendar/feeds/{id}': 'owner',
  '/coaches': 'member',
  '/grants': 'member',
  '/grants/{id}': 'owner',
  '/grants/access-log': 'member',
  '/shared-with-me': 'member',
  '/shared/{researcherId}/ideas': 'shared',
  '/shared/{researcherId}/areas': 'shared',
  '/shared/{researcherId}/plans': 'shared',
  '/shared/{researcherId}/practice': 'shared',
  '/shared/{researcherId}/sessions': 'shared',
  '/shared/{researcherId}/experiments': 'shared',
  '/shared/{researcherId}/experiments/{id}/report': 'shared',
  '/coach/profile': 'coach',
  '/coach/availability': 'coach',
  '/coach/types': 'coach',
  '/coach/types/{id}': 'coach-owner',
  '/coach/calendars': 'coach',
  '/coach/calendars/{id}': 'coach-owner',
  '/coach/calendars/{id}/refresh': 'coach-owner',
  '/coach/bookings': 'coach',
  '/coach/clients': 'coach',
  '/coach/guide-stats': 'coach',
  '/coach/bookings/{id}/cancel': 'coach-owner',
  '/coach/feed': 'coach',
  '/public/book/{handle}': 'public',
  '/public/book/{handle}/{type}': 'public',
  '/public/book/{handle}/{type}/slots': 'public',
  '/public/book/{handle}/{type}/bookings': 'public',
  '/public/bookings/{token}': 'public',
  '/public/bookings/{token}/reschedule': 'public',
  '/public/bookings/{token}/cancel': 'public',
  '/public/bookings/{token}/account': 'public',
  '/public/bookings/{token}/room': 'public',
  '/public/bookings/{token}/room/notes': 'public',
  '/public/bookings/{token}/room/ideas': 'public',
  '/public/bookings/{token}/room/ideas/{ideaId}/accept': 'public',
  '/public/bookings/{token}/room/ideas/{ideaId}/reject': 'public',
  '/conversations': 'member',
  '/conversations/{id}': 'room',
  '/conversations/{id}/guide': 'room',
  '/conversations/{id}/coach-notes': 'room',
  '/conversations/{id}/culture': 'room',
  '/conversations/{id}/end': 'room',
  '/conversations/{id}/follow-up': 'room',
  '/conversations/{id}/export.md': 'room',
  '/conversations/{id}/notes': 'room',
  '/conversations/{id}/ideas': 'room',
  '/conversations/{id}/ideas/{ideaId}/accept': 'room-researcher',
  '/conversations/{id}/ideas/{ideaId}/reject': 'room-researcher',
};

const COACHES: readonly ActorName[] = ['coach with grant', 'coach without grant', 'coach after revocation'];

type ActorName =
  | 'read-only token'
  | 'revoked token'
  | 'anonymous'
  | 'owner'
  | 'other researcher'
  | 'org admin'
  | 'deactivated member'
  | 'other organisation'
  | 'coach with grant'
  | 'coach without grant'
  | 'coach after revocation';
const ACTORS: readonly ActorName[] = [
  'anonymous',
  'other researcher',
  'org admin',
  'deactivated member',
  'other organisation',
  'read-only token',
  'revoked token',
  'coach with grant',
  'coach without grant',
  'coach after revocation',
  // Last: the owner's own calls may change or delete the objects the others were refused.
  'owner',
];

/** Paths managed only from a signed-in session: a token cannot touch sessions, passwords or tokens. */
const SESSION_ONLY = /^\/account\/(sessions|password|tokens)/;

/** What each caller must get; 'reached' means "reaches the route" (any status but 401/403/404). */
function expected(
  access: Access,
  actor: ActorName,
  method: string,
  path: string,
): 401 | 403 | 404 | 'reached' {
  if (access === 'public') return 'reached';
  if (['anonymous', 'deactivated member', 'other organisation', 'revoked token'].includes(actor)) return 401;
  // Only the coach with a live grant reads a shared researcher; to anyone else, and to the
  // researcher's own token, it looks like nobody is there.
  if (access === 'shared') return actor === 'coach with grant' ? 'reached' : 404;
  if (access === 'room' || access === 'room-researcher') {
    // A room exists only for its two people; its coach is refused the researcher's decisions.
    if (actor === 'read-only token' && method !== 'get') return 403;
    if (actor !== 'coach with grant') return 404;
    return access === 'room' ? 'reached' : 403;
  }
  if (access === 'coach' || access === 'coach-owner') {
    // Only the coach role has a coach page, and a coach reaches only their own page's objects.
    if (!COACHES.includes(actor)) return 403;
    return access === 'coach' || actor === 'coach with grant' ? 'reached' : 404;
  }
  if (actor === 'read-only token') {
    // The owner's token: it reads what the owner may read, and changes nothing.
    if (access === 'admin' || SESSION_ONLY.test(path) || method !== 'get') return 403;
    return 'reached';
  }
  if (access === 'admin') return actor === 'org admin' ? 'reached' : 403;
  if (access === 'member') return 'reached';
  return actor === 'owner' ? 'reached' : 404;
}

const dirs = tempDirs();
let server: TeamServer;
let foreignServer: TeamServer;
let doc: OpenApiDocument;
const clients = new Map<ActorName, TeamClient>();
/** The owner's objects, by the path prefix whose `{id}` they fill. */
const ids: Record<string, string> = {};

async function created(client: TeamClient, path: string, json: unknown = {}): Promise<{ id: string }> {
  const res = await client.call<{ id: string }>('POST', path, { json });
  expect(res.status, `${path}: ${res.text}`).toBe(201);
  return res.body;
}

beforeAll(async () => {
  assertCliBuilt();
  const root = dirs.make('whet-team-authz');
  const env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root });
  [server, foreignServer] = await Promise.all([
    startTeamServer({ db: join(root, 'team.db'), env }),
    startTeamServer({ db: join(root, 'foreign.db'), env }),
  ]);
  const admin = await setUpOrganisation(server);
  const owner = await inviteAndJoin(admin, {
    name: 'Olive Owner',
    email: 'olive@example.org',
    password: 'olive owns these ideas',
  });
  const other = await inviteAndJoin(admin, {
    name: 'Otto Other',
    email: 'otto@example.org',
    password: 'otto is just curious',
  });
  const orgAdmin = await inviteAndJoin(
    admin,
    { name: 'Ida Admin', email: 'ida@example.org', password: 'ida only administers' },
    ['admin'],
  );
  const leaver = await inviteAndJoin(admin, {
    name: 'Dora Gone',
    email: 'dora@example.org',
    password: 'dora will be deactivated',
  });
  const coach = (name: string, email: string) =>
    inviteAndJoin(admin, { name, email, password: `${name.toLowerCase()} coaches researchers` }, ['coach']);
  const coaches = {
    granted: await coach('Cora Coach', 'cora@example.org'),
    ungranted: await coach('Carl Coach', 'carl@example.org'),
    revoked: await coach('Rita Revoked', 'rita@example.org'),
  };
  const members = (await admin.call<{ items: Member[] }>('GET', '/members')).body.items;
  const dora = members.find((m) => m.email === 'dora@example.org');
  const deactivated = await admin.call('PATCH', `/members/${dora?.userId}`, { json: { active: false } });
  expect(deactivated.status, deactivated.text).toBe(200);
  const foreign = await setUpOrganisation(foreignServer, 'Elsewhere Institute');
  // The foreign session is valid — on the other server; here its cookie must mean nobody.
  const stranger = await inviteAndJoin(foreign, {
    name: 'Sam Stranger',
    email: 'sam@example.org',
    password: 'sam works elsewhere',
  });
  const strangerHere = new TeamClient(server, 'stranger');
  strangerHere.setCookieHeader(stranger.cookieHeader());

  clients.set('anonymous', new TeamClient(server, 'anonymous'));
  clients.set('owner', owner);
  clients.set('other researcher', other);
  clients.set('org admin', orgAdmin);
  clients.set('deactivated member', leaver);
  clients.set('other organisation', strangerHere);
  clients.set('coach with grant', coaches.granted);
  clients.set('coach without grant', coaches.ungranted);
  clients.set('coach after revocation', coaches.revoked);

  // The owner's objects.
  ids['/ideas'] = (await created(owner, '/ideas', { text: 'Outline before drafting' })).id;
  ids['/areas'] = (await created(owner, '/areas', { name: 'Grant writing' })).id;
  const question = (id: string) => ({
    id,
    text: `What slowed you down (${id})?`,
    areas: [],
    stage: 'opening',
  });
  ids['/decks'] = (
    await created(owner, '/decks', {
      id: 'olive-deck',
      name: 'Olive',
      questions: [question('q1'), question('q2')],
    })
  ).id;
  ids['/sessions'] = (await created(owner, '/sessions', { minutes: 20, deckId: ids['/decks'] })).id;
  ids['/sessions/ideas'] = (
    await created(owner, `/sessions/${ids['/sessions']}/ideas`, { text: 'Read the abstract first' })
  ).id;
  ids['/experiments'] = (
    await created(owner, '/experiments', {
      templateId: WEEK_VS_20_MINUTES.id,
      prediction: { text: 'Focused time wins', favoured: 'focused' },
      phases: { passive: { length: 1 } },
    })
  ).id;
  ids['/pools'] = (await created(owner, '/pools', { name: 'Olive pool' })).id;
  ids['/plans'] = (
    await created(owner, '/plans', {
      title: 'Shut the door mornings',
      kind: 'process',
      nextAction: 'Tell the team',
      successSignal: 'Two quiet mornings',
      reviewOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    })
  ).id;
  ids['/practice'] = (await created(owner, '/practice', { minutes: 15 })).id;
  ids['/interruptions'] = (await created(owner, '/interruptions', { reason: 'Slack' })).id;
  ids['/calendar/feeds'] = (await created(owner, '/calendar/feeds')).id;
  const readToken = await owner.call<{ secret: string }>('POST', '/account/tokens', {
    json: { name: 'laptop', scope: 'read' },
  });
  const reader = new TeamClient(server, 'read-only token');
  reader.bearer = readToken.body.secret;
  clients.set('read-only token', reader);
  const gone = await owner.call<{ token: { id: string }; secret: string }>('POST', '/account/tokens', {
    json: { name: 'old laptop', scope: 'read-write' },
  });
  expect((await owner.call('DELETE', `/account/tokens/${gone.body.token.id}`)).status).toBe(204);
  const revoked = new TeamClient(server, 'revoked token');
  revoked.bearer = gone.body.secret;
  clients.set('revoked token', revoked);
  const spare = await owner.call<{ token: { id: string } }>('POST', '/account/tokens', {
    json: { name: 'spare', scope: 'read' },
  });
  ids['/account/tokens'] = spare.body.token.id;
  // A second session of the owner's, which the owner may end and nobody else may touch.
  const second = new TeamClient(server, 'owner, second device');
  await second.signIn('olive@example.org', 'olive owns these ideas');
  const sessions = await second.call<{ items: { id: string; current: boolean }[] }>(
    'GET',
    '/account/sessions',
  );
  ids['/account/sessions'] = sessions.body.items.find((s) => s.current)?.id ?? '';
  ids['/members'] = members.find((m) => m.email === 'otto@example.org')?.userId ?? '';
  // Sharing: everything with Cora; a grant Rita had, revoked (the owner's own DELETE of it
  // answers 409, "revoked already"; anyone else's 404, as for a grant that does not exist).
  const userIdOf = (email: string) => members.find((m) => m.email === email)?.userId ?? '';
  ids.researcher = userIdOf('olive@example.org');
  const everything = ['ideas', 'plans', 'sessions', 'experiments'];
  await created(owner, '/grants', { coachId: userIdOf('cora@example.org'), scopes: everything });
  const ritas = await created(owner, '/grants', {
    coachId: userIdOf('rita@example.org'),
    scopes: everything,
  });
  expect((await owner.call('DELETE', `/grants/${ritas.id}`)).status).toBe(200);
  ids['/grants'] = ritas.id;
  const pending = await admin.call<{ invitation: { id: string } }>('POST', '/invitations', {
    json: { email: 'pending@example.org', roles: ['coach'] },
  });
  ids['/invitations'] = pending.body.invitation.id;

  // Each coach has a page; Cora's has a type, a calendar and a booking made by a visitor.
  for (const [client, handle] of [
    [coaches.granted, 'cora'],
    [coaches.ungranted, 'carl'],
    [coaches.revoked, 'rita'],
  ] as const) {
    const saved = await client.call('PUT', '/coach/profile', {
      json: { handle, displayName: handle, introduction: '', timeZone: 'Europe/Berlin' },
    });
    expect(saved.status, saved.text).toBe(200);
  }
  await coaches.granted.call('PUT', '/coach/availability', { json: everyDay('00:00', '24:00') });
  ids['/coach/types'] = (await created(coaches.granted, '/coach/types', conversationType())).id;
  // Nothing listens on port 9: the calendar is kept, with why its first read failed.
  ids['/coach/calendars'] = (
    await created(coaches.granted, '/coach/calendars', { url: 'http://127.0.0.1:9/busy.ics' })
  ).id;
  const anonymous = new TeamClient(server, 'visitor');
  const free = await anonymous.call<{ days: { slots: { start: string }[] }[] }>(
    'GET',
    '/public/book/cora/debug/slots?timeZone=UTC',
  );
  // Two bookings: one the matrix cancels, one whose room it enters.
  for (const slot of [free.body.days[1]?.slots[0], free.body.days[2]?.slots[0]]) {
    const booked = await anonymous.call('POST', '/public/book/cora/debug/bookings', {
      json: {
        start: slot?.start,
        name: 'Vera Visitor',
        email: 'vera@example.net',
        timeZone: 'UTC',
        answers: {},
      },
    });
    expect(booked.status, booked.text).toBe(201);
  }
  const bookings = await coaches.granted.call<{ items: { id: string }[] }>('GET', '/coach/bookings');
  ids['/conversations'] = bookings.body.items[1]?.id ?? '';
  ids['/coach/bookings'] = bookings.body.items[0]?.id ?? '';

  doc = (await clients.get('anonymous')!.call<OpenApiDocument>('GET', '/openapi.json')).body;
}, 120_000);

afterAll(async () => {
  await Promise.all([server?.stop(), foreignServer?.stop()]);
  dirs.cleanup();
});

/** The concrete path of a template: `{id}` is the owner's object of that collection (or `missing`). */
function concrete(template: string, missing?: string): string {
  if (template.startsWith('/shared/{researcherId}'))
    return template
      .replace('{researcherId}', missing ?? ids.researcher ?? '')
      .replace('{id}', ids['/experiments'] ?? '');
  if (template.startsWith('/conversations/'))
    return template
      .replace('{id}', missing ?? ids['/conversations'] ?? '')
      .replace('{ideaId}', 'no-such-idea');
  if (template.startsWith('/coach/'))
    return template.replace('{id}', missing ?? ids[template.split('/').slice(0, 3).join('/')] ?? '');
  if (template === '/sessions/{id}/ideas/{ideaId}')
    return `/sessions/${missing ?? ids['/sessions']}/ideas/${missing ?? ids['/sessions/ideas']}`;
  return template
    .replace(/\{token\}/, 'not-a-real-token')
    .replace(/^(\/[a-z-]+(?:\/feeds|\/sessions|\/tokens)?)\/\{(?:id|userId)\}/, (_whole, prefix: string) => {
      const id = missing ?? ids[prefix];
      if (!id) throw new Error(`no object of ${prefix} to fill ${template} with`);
      return `${prefix}/${id}`;
    });
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
/** Operations that end the caller's membership or session: checked last, in their own test. */
const ENDS_THE_SESSION = new Set(['/auth/sign-out', '/account/leave']);
/**
 * Deletions last, so an owner's DELETE does not pull objects from under later operations, and
 * "sign out everywhere else" after them (it ends the owner's second session).
 */
const METHOD_ORDER: Record<string, number> = { get: 0, put: 1, post: 2, patch: 3, delete: 4 };
const orderOf = ({ method, path }: { method: string; path: string }) =>
  path === '/account/sessions/revoke-others' ? 9 : (METHOD_ORDER[method] ?? 0);

/** One request; an event stream is judged by its status and then closed. */
async function probe(client: TeamClient, method: string, path: string): Promise<number> {
  if (path === '/events') {
    const abort = new AbortController();
    const res = await fetch(`${server.api}${path}`, {
      headers: client.bearer
        ? { authorization: `Bearer ${client.bearer}` }
        : client.cookieHeader()
          ? { cookie: client.cookieHeader() }
          : {},
      signal: abort.signal,
    });
    abort.abort();
    return res.status;
  }
  const unsafe = method !== 'GET';
  const res = await client.call(method, path, unsafe ? { json: {} } : {});
  return res.status;
}

describe('route × actor authorisation matrix', () => {
  it('has an entry for every path of the document, and none for a path that is gone', () => {
    const paths = Object.keys(doc.paths).filter((p) => p !== '/test/clock');
    expect(paths.filter((p) => !(p in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((p) => !paths.includes(p))).toEqual([]);
  });

  it('answers every caller of every operation as the policy says', async () => {
    const operations = Object.entries(doc.paths)
      .flatMap(([path, item]) =>
        METHODS.filter((m) => (item as Record<string, unknown>)[m] !== undefined).map((m) => ({
          method: m,
          path,
        })),
      )
      .filter(({ path }) => !ENDS_THE_SESSION.has(path))
      .sort((a, b) => orderOf(a) - orderOf(b));
    const wrong: string[] = [];
    let cells = 0;
    for (const { method, path } of operations) {
      const access = ACCESS[path] ?? 'public';
      const target = concrete(path);
      // Paths outside /api/v1 (the calendar subscription) are public by token.
      if (path === '/feeds/{token}.ics') continue;
      if (path === '/feeds/coach/{token}.ics') continue;
      // Another person's object must look exactly like one that does not exist (no probing):
      // the answer the owner gets for an id nobody has — 404, or 422 when the body is checked
      // before the lookup, which says nothing about the id either.
      const absent =
        access === 'owner'
          ? await probe(clients.get('owner')!, method.toUpperCase(), concrete(path, 'zzzzzzzzzz'))
          : access === 'shared' || access === 'coach-owner' || access === 'room'
            ? await probe(
                clients.get('coach with grant')!,
                method.toUpperCase(),
                concrete(path, 'zzzzzzzzzz'),
              )
            : undefined;
      if (absent !== undefined && ![404, 422].includes(absent))
        wrong.push(`${method.toUpperCase()} ${path} with an unknown id: ${absent}, expected 404 or 422`);
      for (const actor of ACTORS) {
        const status = await probe(clients.get(actor)!, method.toUpperCase(), target);
        let want: number | 'reached' = expected(access, actor, method, path);
        if (want === 404 && absent !== undefined) want = absent;
        cells++;
        const ok =
          want === 'reached'
            ? ![401, 403, 404].includes(status) || (access === 'public' && status === 404)
            : status === want;
        if (!ok) wrong.push(`${method.toUpperCase()} ${target} as ${actor}: ${status}, expected ${want}`);
      }
    }
    expect(wrong).toEqual([]);
    // 100-odd operations × 11 callers; printed for the closing note.
    console.info(`authorisation matrix: ${cells} route × actor cells`);
    expect(cells).toBeGreaterThan(1000);
  }, 120_000);

  it('lets members sign out and leave, ending only their own sessions', async () => {
    for (const actor of ['anonymous', 'deactivated member', 'other organisation'] as const)
      expect((await clients.get(actor)!.call('POST', '/account/leave')).status).toBe(401);
    const other = clients.get('other researcher')!;
    expect((await other.call('POST', '/account/leave')).status).toBe(204);
    expect((await other.call('GET', '/me')).status).toBe(401);
    const owner = clients.get('owner')!;
    expect((await owner.call('GET', '/me')).status).toBe(200);
    expect((await owner.call('POST', '/auth/sign-out')).status).toBe(204);
    expect((await owner.call('GET', '/me')).status).toBe(401);
    expect((await clients.get('org admin')!.call('GET', '/me')).status).toBe(200);
    expect((await clients.get('anonymous')!.call('POST', '/auth/sign-out')).status).toBe(204);
  });
});
