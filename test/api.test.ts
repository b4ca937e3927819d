/**
 * The HTTP API end to end: the real built CLI runs `whet serve` on a random port and every test
 * talks to it over real HTTP with fetch. Nothing is mocked; each server gets its own temp database.
 */
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Area } from '../src/core/areas.js';
import type { Backup, ImportSummary } from '../src/core/backup.js';
import type { Idea, IdeaPage } from '../src/core/ideas.js';
import { IDEA_TEXT_MAX, REQUEST_BODY_MAX } from '../src/core/limits.js';
import { cliEnv, describeRun, runWhet } from './support/cli.js';
import { type ApiResponse, call, getWithHost, type Problem, problemFields } from './support/http.js';
import { assertCliBuilt } from './support/paths.js';
import { startWhetServer, type WhetServer } from './support/server.js';
import { tempDirs } from './support/temp.js';

const dirs = tempDirs();
let root: string;
let env: NodeJS.ProcessEnv;
let server: WhetServer;
let api: string;

beforeAll(async () => {
  assertCliBuilt();
  root = dirs.make('whet-api');
  env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root });
  server = await startWhetServer({ db: join(root, 'main.db'), env });
  api = server.api;
});

afterAll(async () => {
  await server?.stop();
  dirs.cleanup();
});

// ---------------------------------------------------------------------------------------------
// Helpers

async function capture(input: Record<string, unknown>, base = api): Promise<Idea> {
  const res = await call<Idea>(base, 'POST', '/ideas', { json: input });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function patchIdea(id: string, patch: Record<string, unknown>): Promise<ApiResponse<Idea>> {
  return call<Idea>(api, 'PATCH', `/ideas/${id}`, { json: patch });
}

/** Asserts an RFC 9457 problem response with `status`, naming each of `fields` in `errors`. */
function expectProblem(res: ApiResponse<unknown>, status: number, fields: string[] = []): Problem {
  expect(res.status, res.text).toBe(status);
  expect(res.contentType).toMatch(/^application\/problem\+json\b/);
  const problem = res.body as Problem;
  expect(problem).toMatchObject({
    type: expect.stringMatching(/^https?:\/\//),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  for (const field of fields) {
    expect(problemFields(problem), `errors of ${res.text}`).toContain(field);
    for (const issue of problem.errors ?? []) expect(issue.message).toEqual(expect.any(String));
  }
  return problem;
}

/** Every idea matching `query`, following `nextCursor` page by page. */
async function listAllPages(query: string, base = api): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = query ? '&' : '';
    const path: string = `/ideas?${query}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res: ApiResponse<IdeaPage> = await call<IdeaPage>(base, 'GET', path);
    expect(res.status, res.text).toBe(200);
    ids.push(...res.body.items.map((i) => i.id));
    cursor = res.body.nextCursor;
    pages++;
    expect(pages, 'pagination does not terminate').toBeLessThan(1000);
  } while (cursor);
  return { ids, pages };
}

async function listIds(query: string): Promise<string[]> {
  const res = await call<IdeaPage>(api, 'GET', `/ideas?${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body.items.map((i) => i.id);
}

async function exportBackup(base: string): Promise<Backup> {
  const res = await call<Backup>(base, 'GET', '/export?format=json');
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** Newest first, as the API orders lists: createdAt descending, then id descending. */
function newestFirst(ideas: readonly Idea[]): string[] {
  return [...ideas]
    .sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    )
    .map((i) => i.id);
}

// ---------------------------------------------------------------------------------------------

describe('capture and read', () => {
  it('captures an idea: 201, Location header and every field of the stored idea', async () => {
    const res = await call<Idea>(api, 'POST', '/ideas', {
      json: {
        text: '  Write the introduction before the methods  ',
        areaId: 'writing',
        source: 'conversation',
        value: 4,
        effort: 'M',
        context: 'drafting the grant',
      },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.contentType).toMatch(/^application\/json\b/);
    const idea = res.body;
    expect(idea).toEqual({
      id: expect.stringMatching(/^[0-9a-z]{10}$/),
      text: 'Write the introduction before the methods',
      areaId: 'writing',
      source: 'conversation',
      status: 'new',
      value: 4,
      effort: 'M',
      context: 'drafting the grant',
      createdAt: expect.any(String),
      updatedAt: idea.createdAt,
      statusChangedAt: idea.createdAt,
      sessionId: null,
      questionId: null,
    });
    expect(new Date(idea.createdAt).toISOString()).toBe(idea.createdAt);
    expect(res.headers.get('location')).toBe(`/api/v1/ideas/${idea.id}`);

    const read = await call<Idea>(server.url.replace(/\/$/, ''), 'GET', res.headers.get('location') ?? '');
    expect(read.status).toBe(200);
    expect(read.body).toEqual(idea);
  });

  it('fills in defaults for a bare text', async () => {
    const idea = await capture({ text: 'Keep a research log' });
    expect(idea).toMatchObject({
      text: 'Keep a research log',
      areaId: null,
      source: 'noticed',
      status: 'new',
      value: null,
      effort: null,
      context: null,
    });
  });

  it('accepts text of exactly IDEA_TEXT_MAX characters', async () => {
    const idea = await capture({ text: 'x'.repeat(IDEA_TEXT_MAX) });
    expect(idea.text).toHaveLength(IDEA_TEXT_MAX);
  });
});

describe('list: filters, search and cursor pages', () => {
  const TAG = 'pelicanfilter';
  let seeded: Idea[];

  beforeAll(async () => {
    const reading = await capture({
      text: `${TAG} read two papers a week`,
      areaId: 'reading',
      source: 'review',
    });
    const writing = await capture({
      text: `${TAG} write every morning`,
      areaId: 'writing',
      source: 'session',
    });
    const pairing = await capture({
      text: `${TAG} pair with a colleague on proofs`,
      areaId: 'collaborators',
      source: 'conversation',
    });
    const focus = await capture({ text: `${TAG} block notifications`, areaId: 'environment' });
    const planned = await patchIdea(pairing.id, { status: 'planned' });
    expect(planned.status, planned.text).toBe(200);
    seeded = [reading, writing, planned.body, focus];
  });

  const idOf = (fragment: string) => seeded.find((i) => i.text.includes(fragment))?.id;

  it('lists newest first', async () => {
    expect(await listIds(`q=${TAG}`)).toEqual(newestFirst(seeded));
  });

  it('filters by area, status and source', async () => {
    expect(await listIds(`q=${TAG}&area=writing`)).toEqual([idOf('write every')]);
    expect(await listIds(`q=${TAG}&status=planned`)).toEqual([idOf('colleague')]);
    expect(await listIds(`q=${TAG}&source=review`)).toEqual([idOf('two papers')]);
    expect(await listIds(`q=${TAG}&source=noticed&area=environment`)).toEqual([idOf('notifications')]);
    expect(await listIds(`q=${TAG}&status=adopted`)).toEqual([]);
  });

  it('searches every word, each as a prefix', async () => {
    expect(await listIds(`q=${encodeURIComponent(`${TAG} colleague`)}`)).toEqual([idOf('colleague')]);
    expect(await listIds(`q=${encodeURIComponent('pelicanfil colleag')}`)).toEqual([idOf('colleague')]);
    expect(await listIds(`q=${encodeURIComponent(`${TAG} nonexistentword`)}`)).toEqual([]);
  });

  // Every prefix of a word must find it while someone types (the index is not stemmed).
  it('matches every prefix of a word as the person types it', async () => {
    const id = idOf('notifications');
    for (let end = 5; end <= 'notifications'.length; end++) {
      const prefix = 'notifications'.slice(0, end);
      expect(await listIds(`q=${encodeURIComponent(`${TAG} ${prefix}`)}`), `q="${TAG} ${prefix}"`).toEqual([
        id,
      ]);
    }
  });

  it('filters by since (a date or an instant, inclusive)', async () => {
    expect(await listIds(`q=${TAG}&since=2000-01-01`)).toEqual(newestFirst(seeded));
    expect(await listIds(`q=${TAG}&since=2999-01-01`)).toEqual([]);
    const pivot = seeded[1] as Idea;
    const expected = newestFirst(seeded.filter((i) => i.createdAt >= pivot.createdAt));
    expect(expected).toContain(pivot.id);
    expect(await listIds(`q=${TAG}&since=${encodeURIComponent(pivot.createdAt)}`)).toEqual(expected);
  });

  it('rejects bad query parameters with 422 naming them', async () => {
    expectProblem(await call(api, 'GET', '/ideas?status=bogus'), 422, ['status']);
    expectProblem(await call(api, 'GET', '/ideas?limit=0'), 422, ['limit']);
    expectProblem(await call(api, 'GET', '/ideas?since=yesterday'), 422, ['since']);
    expectProblem(await call(api, 'GET', '/ideas?cursor=not-a-cursor'), 422, ['cursor']);
    expectProblem(await call(api, 'GET', '/ideas?colour=red'), 422, ['colour']);
  });

  it('pages with a cursor: every matching idea exactly once', async () => {
    const PAGE_TAG = 'cormorantpages';
    const captured: string[] = [];
    for (let n = 0; n < 23; n++) captured.push((await capture({ text: `${PAGE_TAG} idea ${n}` })).id);

    const { ids, pages } = await listAllPages(`q=${PAGE_TAG}&limit=5`);
    expect(pages).toBe(5);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...captured].sort());
  });

  it('pages through the whole collection: every idea exactly once', async () => {
    const { ids } = await listAllPages('limit=7');
    expect(new Set(ids).size).toBe(ids.length);
    const all = (await exportBackup(api)).data.ideas.map((i) => i.id);
    expect([...ids].sort()).toEqual([...all].sort());
  });
});

describe('PATCH: edit, rate and move through the lifecycle', () => {
  it('edits text, area, effort and context; GET shows the edit', async () => {
    const idea = await capture({ text: 'Draft', areaId: 'writing' });
    const res = await patchIdea(idea.id, {
      text: 'Draft the abstract first',
      areaId: 'decomposition',
      effort: 'S',
      context: 'paper deadline',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      id: idea.id,
      text: 'Draft the abstract first',
      areaId: 'decomposition',
      effort: 'S',
      context: 'paper deadline',
      status: 'new',
      createdAt: idea.createdAt,
      statusChangedAt: idea.statusChangedAt,
    });
    expect(res.body.updatedAt >= idea.updatedAt).toBe(true);
    expect((await call<Idea>(api, 'GET', `/ideas/${idea.id}`)).body).toEqual(res.body);

    const cleared = await patchIdea(idea.id, { areaId: null, context: null, effort: null });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body).toMatchObject({ areaId: null, context: null, effort: null });
  });

  it('rates an idea and clears the rating', async () => {
    const idea = await capture({ text: 'Rate me' });
    const rated = await patchIdea(idea.id, { value: 5 });
    expect(rated.status, rated.text).toBe(200);
    expect(rated.body.value).toBe(5);
    const cleared = await patchIdea(idea.id, { value: null });
    expect(cleared.body.value).toBeNull();
  });

  it('follows the legal transitions, stamping statusChangedAt', async () => {
    const idea = await capture({ text: 'Try time-boxed reading' });
    let previous = idea;
    for (const status of ['planned', 'trying', 'adopted', 'trying', 'dropped', 'new', 'trying']) {
      const res = await patchIdea(idea.id, { status });
      expect(res.status, `${previous.status} -> ${status}: ${res.text}`).toBe(200);
      expect(res.body.status).toBe(status);
      expect(res.body.statusChangedAt >= previous.statusChangedAt).toBe(true);
      previous = res.body;
    }
  });

  it('refuses new -> adopted with 409 naming status, and changes nothing', async () => {
    const idea = await capture({ text: 'Skip the trial' });
    const problem = expectProblem(await patchIdea(idea.id, { status: 'adopted' }), 409, ['status']);
    expect(problem.detail).toMatch(/new/);
    expect((await call<Idea>(api, 'GET', `/ideas/${idea.id}`)).body).toEqual(idea);
  });

  it('rejects invalid edits with 422 and leaves the idea alone', async () => {
    const idea = await capture({ text: 'Stay as I am', value: 2 });
    expectProblem(await patchIdea(idea.id, { value: 6 }), 422, ['value']);
    expectProblem(await patchIdea(idea.id, { text: '' }), 422, ['text']);
    expectProblem(await patchIdea(idea.id, { status: 'finished' }), 422, ['status']);
    expectProblem(await patchIdea(idea.id, { colour: 'red' }), 422, ['colour']);
    expectProblem(await patchIdea(idea.id, { areaId: 'no-such-area' }), 422, ['areaId']);
    expect((await call<Idea>(api, 'GET', `/ideas/${idea.id}`)).body).toEqual(idea);
  });

  it('deletes an idea: 204, then 404', async () => {
    const idea = await capture({ text: 'Delete me' });
    const res = await call(api, 'DELETE', `/ideas/${idea.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expectProblem(await call(api, 'GET', `/ideas/${idea.id}`), 404);
  });
});

describe('errors are problem+json', () => {
  it('empty or blank text -> 422, field text', async () => {
    expectProblem(await call(api, 'POST', '/ideas', { json: { text: '' } }), 422, ['text']);
    expectProblem(await call(api, 'POST', '/ideas', { json: { text: '   \n ' } }), 422, ['text']);
    expectProblem(await call(api, 'POST', '/ideas', { json: {} }), 422, ['text']);
  });

  it('text one character over IDEA_TEXT_MAX -> 422, field text', async () => {
    const text = 'y'.repeat(IDEA_TEXT_MAX + 1);
    expectProblem(await call(api, 'POST', '/ideas', { json: { text } }), 422, ['text']);
  });

  it('value 6, 0 and 2.5 -> 422, field value', async () => {
    for (const value of [6, 0, 2.5, '3']) {
      expectProblem(await call(api, 'POST', '/ideas', { json: { text: 'valued', value } }), 422, ['value']);
    }
  });

  it('unknown field -> 422 naming it', async () => {
    const problem = expectProblem(
      await call(api, 'POST', '/ideas', { json: { text: 'ok', colour: 'red' } }),
      422,
      ['colour'],
    );
    expect(problem.detail).toContain('colour');
  });

  it('several bad fields -> 422 listing each', async () => {
    const res = await call(api, 'POST', '/ideas', { json: { text: '', value: 9, effort: 'XL' } });
    expectProblem(res, 422, ['text', 'value', 'effort']);
  });

  it('unknown areaId -> 422, field areaId', async () => {
    expectProblem(await call(api, 'POST', '/ideas', { json: { text: 'ok', areaId: 'no-such-area' } }), 422, [
      'areaId',
    ]);
  });

  it('malformed JSON -> 400', async () => {
    const res = await call(api, 'POST', '/ideas', {
      body: '{"text": "unterminated',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 400);
  });

  it('wrong content type -> 400', async () => {
    const res = await call(api, 'POST', '/ideas', {
      body: JSON.stringify({ text: 'sent as text/plain' }),
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(res, 400);
    const form = await call(api, 'POST', '/ideas', {
      body: 'text=form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(form, 400);
  });

  it('body over the 64 KiB limit -> 413', async () => {
    expect(REQUEST_BODY_MAX).toBe(64 * 1024);
    const text = 'z'.repeat(REQUEST_BODY_MAX + 1);
    expectProblem(await call(api, 'POST', '/ideas', { json: { text } }), 413);
  });

  it('unknown idea id -> 404 for GET, PATCH and DELETE', async () => {
    expectProblem(await call(api, 'GET', '/ideas/zzzzzzzzzz'), 404);
    expectProblem(await patchIdea('zzzzzzzzzz', { value: 3 }), 404);
    expectProblem(await call(api, 'DELETE', '/ideas/zzzzzzzzzz'), 404);
  });

  // Unknown API routes answer a 404 problem, never the web app's HTML.
  it('unknown API route -> 404 problem', async () => {
    const problem = expectProblem(await call(api, 'GET', '/no-such-route'), 404);
    expect(problem.detail).toContain('/no-such-route');
    expectProblem(await call(api, 'POST', '/ideas/abcd/extra', { json: {} }), 404);
  });
});

describe('areas', () => {
  it('lists the ten default areas with idea counts', async () => {
    const res = await call<{ items: Area[] }>(api, 'GET', '/areas');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['environment', 'writing', 'reading', 'coding']));
    for (const area of res.body.items) expect(area.ideaCount).toEqual(expect.any(Number));
    expect(res.body.items.find((a) => a.id === 'environment')).toMatchObject({
      name: 'Work environment & focus',
      isDefault: true,
      archivedAt: null,
    });
  });

  it('creates, refuses a duplicate name in any case, renames, archives and restores', async () => {
    const created = await call<Area>(api, 'POST', '/areas', {
      json: { name: 'Grant writing', description: 'proposals and reports' },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      id: 'grant-writing',
      name: 'Grant writing',
      description: 'proposals and reports',
      isDefault: false,
      archivedAt: null,
      ideaCount: 0,
    });
    expect(created.headers.get('location')).toBe('/api/v1/areas/grant-writing');

    const dup = await call(api, 'POST', '/areas', { json: { name: '  GRANT   writing ' } });
    expectProblem(dup, 409, ['name']);
    expectProblem(await call(api, 'POST', '/areas', { json: { name: 'work ENVIRONMENT & focus' } }), 409, [
      'name',
    ]);
    expectProblem(await call(api, 'POST', '/areas', { json: { name: '' } }), 422, ['name']);
    expectProblem(await call(api, 'POST', '/areas', { json: { name: 'x', colour: 'red' } }), 422, ['colour']);

    const renamed = await call<Area>(api, 'PATCH', '/areas/grant-writing', {
      json: { name: 'Grant proposals' },
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ id: 'grant-writing', name: 'Grant proposals' });

    const archived = await call<Area>(api, 'PATCH', '/areas/grant-writing', { json: { archived: true } });
    expect(archived.status, archived.text).toBe(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    const open = await call<{ items: Area[] }>(api, 'GET', '/areas');
    expect(open.body.items.map((a) => a.id)).not.toContain('grant-writing');
    const all = await call<{ items: Area[] }>(api, 'GET', '/areas?includeArchived=true');
    expect(all.body.items.map((a) => a.id)).toContain('grant-writing');

    // Filing an idea under an archived area is refused.
    expectProblem(
      await call(api, 'POST', '/ideas', {
        json: { text: 'apply for the fellowship', areaId: 'grant-writing' },
      }),
      422,
      ['areaId'],
    );

    const restored = await call<Area>(api, 'PATCH', '/areas/grant-writing', { json: { archived: false } });
    expect(restored.body.archivedAt).toBeNull();
    const idea = await capture({ text: 'apply for the fellowship', areaId: 'grant-writing' });
    expect(idea.areaId).toBe('grant-writing');
  });

  it('refuses to delete an area in use (409) and deletes an unused one (204)', async () => {
    await capture({ text: 'Noise-cancelling headphones', areaId: 'energy' });
    expectProblem(await call(api, 'DELETE', '/areas/energy'), 409);
    expect((await call(api, 'GET', '/areas/energy')).status).toBe(200);

    const temp = await call<Area>(api, 'POST', '/areas', { json: { name: 'Temporary' } });
    expect(temp.status).toBe(201);
    const deleted = await call(api, 'DELETE', `/areas/${temp.body.id}`);
    expect(deleted.status).toBe(204);
    expectProblem(await call(api, 'GET', `/areas/${temp.body.id}`), 404);
    expectProblem(await call(api, 'DELETE', '/areas/no-such-area'), 404);
  });
});

describe('export', () => {
  const MARK = 'Export me: read one classic paper every Friday';

  beforeAll(async () => {
    await capture({ text: MARK, areaId: 'reading', value: 3, context: 'journal club, week "7"' });
  });

  it('json: a complete backup sent as an attachment', async () => {
    const res = await call<Backup>(api, 'GET', '/export?format=json');
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^application\/json\b/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="whetstone-backup-.*\.json"$/,
    );
    expect(res.body).toMatchObject({
      format: 'whetstone-backup',
      version: 1,
      checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(res.body.data.ideas.map((i) => i.text)).toContain(MARK);
    expect((await call(api, 'GET', '/export')).contentType).toMatch(/^application\/json\b/);
  });

  it('md: markdown containing the idea text', async () => {
    const res = await call(api, 'GET', '/export?format=md');
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/markdown\b/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.md"$/);
    expect(res.text).toContain(MARK);
    expect(res.text).toContain('## Reading papers');
  });

  it('csv: a header row and one quoted row per idea', async () => {
    const res = await call(api, 'GET', '/export?format=csv');
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/csv\b/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.csv"$/);
    const [header] = res.text.split('\r\n');
    expect(header).toBe('id,text,area,source,status,value,effort,context,createdAt,updatedAt');
    expect(res.text).toContain(`${MARK},Reading papers,noticed,new,3,,"journal club, week ""7""",`);
  });

  it('unknown format -> 422 naming format', async () => {
    expectProblem(await call(api, 'GET', '/export?format=xml'), 422, ['format']);
  });
});

describe('import', () => {
  let target: WhetServer;
  let original: Backup;

  beforeAll(async () => {
    target = await startWhetServer({ db: join(root, 'restore.db'), env });
    original = await exportBackup(api);
    expect(original.data.ideas.length).toBeGreaterThan(10);
  });

  afterAll(async () => {
    await target?.stop();
  });

  it('restores an export into a fresh database exactly', async () => {
    const res = await call<ImportSummary>(target.api, 'POST', '/import', { json: original });
    expect(res.status, res.text).toBe(200);
    expect(res.body.ideas).toEqual({ created: original.data.ideas.length, updated: 0, unchanged: 0 });
    expect(res.body.areas.created + res.body.areas.updated + res.body.areas.unchanged).toBe(
      original.data.areas.length,
    );
    expect((await exportBackup(target.api)).data).toEqual(original.data);
  });

  it('is idempotent: a second import leaves everything unchanged', async () => {
    const res = await call<ImportSummary>(target.api, 'POST', '/import', { json: original });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      areas: { created: 0, updated: 0, unchanged: original.data.areas.length },
      ideas: { created: 0, updated: 0, unchanged: original.data.ideas.length },
      sessions: { created: 0, updated: 0, unchanged: 0 },
      decks: { created: 0, updated: 0, unchanged: 0 },
      experiments: { created: 0, updated: 0, unchanged: 0 },
      measurements: { created: 0, updated: 0, unchanged: 0 },
      pools: { created: 0, updated: 0, unchanged: 0 },
      plans: { created: 0, updated: 0, unchanged: 0 },
      exercises: { created: 0, updated: 0, unchanged: 0 },
      practice: { created: 0, updated: 0, unchanged: 0 },
      interruptions: { created: 0, updated: 0, unchanged: 0 },
      reviews: { created: 0, updated: 0, unchanged: 0 },
    });
    expect((await exportBackup(target.api)).data).toEqual(original.data);
  });

  it('rejects a tampered backup with 422 and writes nothing', async () => {
    const before = (await exportBackup(target.api)).data;
    const tampered = structuredClone(original);
    const first = tampered.data.ideas[0] as Idea;
    first.text = `${first.text} (edited after export)`;
    first.updatedAt = '2999-01-01T00:00:00.000Z';
    tampered.data.ideas.push({ ...first, id: 'tamperedid1', text: 'smuggled in' });
    expectProblem(await call(target.api, 'POST', '/import', { json: tampered }), 422);
    expect((await exportBackup(target.api)).data).toEqual(before);
  });

  it('rejects a truncated backup with 400 or 422 and writes nothing', async () => {
    const fresh = await startWhetServer({ db: join(root, 'truncated.db'), env });
    try {
      const before = (await exportBackup(fresh.api)).data;
      const text = JSON.stringify(original);
      const res = await call(fresh.api, 'POST', '/import', {
        body: text.slice(0, Math.floor(text.length * 0.6)),
        headers: { 'content-type': 'application/json' },
      });
      expect([400, 422]).toContain(res.status);
      expectProblem(res, res.status);
      expect((await exportBackup(fresh.api)).data).toEqual(before);
      expect(before.ideas).toEqual([]);
    } finally {
      await fresh.stop();
    }
  });

  it('rejects something that is not a backup with 422', async () => {
    expectProblem(await call(target.api, 'POST', '/import', { json: { hello: 'world' } }), 422);
  });
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with the API paths and schemas generated from the zod schemas', async () => {
    const res = await call<{
      openapi: string;
      paths: Record<string, unknown>;
      components: {
        schemas: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }>;
      };
    }>(api, 'GET', '/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/ideas', '/ideas/{id}', '/areas', '/export', '/import']),
    );
    const input = doc.components.schemas.IdeaCreateInput;
    expect(input).toBeDefined();
    expect(Object.keys(input?.properties ?? {})).toEqual(expect.arrayContaining(['text', 'areaId', 'value']));
    expect(input?.additionalProperties).toBe(false);
  });
});

describe('network exposure', () => {
  it('answers a foreign Host header with 421 (DNS-rebinding guard)', async () => {
    const res = await getWithHost(`${api}/ideas`, 'evil.example');
    expect(res.status).toBe(421);
    expect(res.contentType).toMatch(/^application\/problem\+json\b/);
    const withPort = await getWithHost(`${api}/ideas`, `evil.example:${new URL(api).port}`);
    expect(withPort.status).toBe(421);
    const loopback = await getWithHost(`${api}/health`, `localhost:${new URL(api).port}`);
    expect(loopback.status).toBe(200);
  });

  it('listens on loopback only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    // Where the machine has a non-loopback address, the port must not answer on it.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4');
    if (external) {
      const port = new URL(server.url).port;
      await expect(fetch(`http://${external.address}:${port}/api/v1/health`)).rejects.toThrow();
    }
  });

  it('refuses --host 0.0.0.0: exits non-zero with a message naming host', async () => {
    const args = ['serve', '--port', '0', '--host', '0.0.0.0', '--db', join(root, 'exposed.db')];
    const result = await runWhet(args, { env });
    expect(result.timedOut, describeRun(args, result)).toBe(false);
    expect(result.code, describeRun(args, result)).not.toBe(0);
    expect(result.stderr).toMatch(/host/i);
    expect(result.stdout).not.toContain('Whetstone is running');
  });
});
