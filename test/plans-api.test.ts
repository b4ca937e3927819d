/**
 * Plans, practice, reviews, the dashboard and calendar feeds over real HTTP: the built CLI runs
 * `whet serve --port 0` on a temp database with WHETSTONE_TEST_HOOKS=1. The user's zone is set to
 * UTC through the API, so local dates follow from the server's clock. Nothing is mocked.
 */
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Idea } from '../src/core/ideas.js';
import type { Dashboard } from '../src/core/plans/dashboard.js';
import type { Exercise } from '../src/core/plans/exercises.js';
import type { Interruption } from '../src/core/plans/interruptions.js';
import type { PracticeLog } from '../src/core/plans/practice.js';
import type { WeeklyReview } from '../src/core/plans/review.js';
import { addDays, weekOf } from '../src/core/time-zone.js';
import type { PlanView } from '../src/services/plan.service.js';
import type { WeeklyReviewPage } from '../src/services/review.service.js';
import { cliEnv } from './support/cli.js';
import { type ApiResponse, call, type Problem, problemFields } from './support/http.js';
import { assertCliBuilt } from './support/paths.js';
import { startWhetServer, type WhetServer } from './support/server.js';
import { tempDirs } from './support/temp.js';

const dirs = tempDirs();
let server: WhetServer;
let api: string;
/** Today's date in UTC on the server's clock when the suite started. */
let today: string;

beforeAll(async () => {
  assertCliBuilt();
  const root = dirs.make('whet-plans-api');
  const env = cliEnv({ XDG_DATA_HOME: join(root, 'xdg'), HOME: root, WHETSTONE_TEST_HOOKS: '1' });
  server = await startWhetServer({ db: join(root, 'plans.db'), env });
  api = server.api;
  expect(expectOk(await put('/settings', { timeZone: 'UTC' }))).toEqual({
    timeZone: 'UTC',
    timeZoneSource: 'chosen',
  });
  const { now } = expectOk(await post<{ now: string }>('/test/clock', { advanceMs: 0 }));
  // Close to midnight the date could change half-way through; start just after it instead.
  const msToMidnight = Date.parse(`${addDays(now.slice(0, 10), 1)}T00:00:00Z`) - Date.parse(now);
  if (msToMidnight < 10 * 60_000) await post('/test/clock', { advanceMs: msToMidnight + 60_000 });
  today = expectOk(await post<{ now: string }>('/test/clock', { advanceMs: 0 })).now.slice(0, 10);
});

afterAll(async () => {
  await server?.stop();
  dirs.cleanup();
});

function expectOk<T>(res: ApiResponse<T>, status = 200): T {
  expect(res.status, res.text).toBe(status);
  return res.body;
}

function expectProblem(res: ApiResponse<unknown>, status: number, fields: string[] = []): Problem {
  expect(res.status, res.text).toBe(status);
  expect(res.contentType).toMatch(/^application\/problem\+json\b/);
  const problem = res.body as Problem;
  expect(problem).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  for (const field of fields) expect(problemFields(problem), res.text).toContain(field);
  return problem;
}

const get = <T>(path: string) => call<T>(api, 'GET', path);
const post = <T>(path: string, json?: unknown) =>
  call<T>(api, 'POST', path, json === undefined ? {} : { json });
const put = <T>(path: string, json: unknown) => call<T>(api, 'PUT', path, { json });
const patch = <T>(path: string, json: unknown) => call<T>(api, 'PATCH', path, { json });
const del = (path: string) => call(api, 'DELETE', path);
/** A path outside /api/v1 (the feed), fetched with no credentials of any kind. */
const site = (path: string) => call(server.url.replace(/\/$/, ''), 'GET', path);

async function capture(text: string, source = 'noticed'): Promise<Idea> {
  return expectOk(await post<Idea>('/ideas', { text, source }), 201);
}

const practicePlan = (extra: Record<string, unknown> = {}) => ({
  title: 'Summarise one paper a week',
  kind: 'practice',
  subSkill: 'reading',
  nextAction: 'Pick the paper',
  cadence: 'daily 30 at 07:30',
  successSignal: 'A summary in under an hour',
  reviewOn: addDays(today, 7),
  ...extra,
});

function parseIcs(text: string): { summary: string; allDay: boolean; startDate: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      summary: event.summary,
      allDay: event.startDate.isDate,
      startDate: event.startDate.toString().slice(0, 10),
    };
  });
}

describe('plans over HTTP', () => {
  it('goes from an idea to a kept plan with practice, a weekly review and the dashboard', async () => {
    const idea = await capture('Practise summarising papers');
    const subSkills = expectOk(await get<{ items: { id: string }[] }>('/sub-skills')).items;
    expect(subSkills.map((s) => s.id)).toContain('reading');
    const library = expectOk(await get<{ items: Exercise[] }>('/exercises?subSkill=reading')).items;
    expect(library.length).toBeGreaterThan(0);
    expect(library.every((e) => e.subSkill === 'reading' && e.builtin)).toBe(true);

    const created = await post<PlanView>(
      '/plans',
      practicePlan({ ideaIds: [idea.id], exerciseId: library[0]!.id }),
    );
    const plan = expectOk(created, 201);
    expect(created.headers.get('location')).toBe(`/api/v1/plans/${plan.id}`);
    expect(plan).toMatchObject({
      state: 'active',
      cadenceText: '7 × 30 min a week (every day at 07:30)',
      ideas: [{ id: idea.id, status: 'planned' }],
      allowedActions: ['startReview'],
    });
    expect(expectOk(await get<PlanView>(`/plans/${plan.id}`)).id).toBe(plan.id);
    expect(expectOk(await get<{ items: PlanView[] }>(`/plans?ideaId=${idea.id}`)).items).toHaveLength(1);
    expect(expectOk(await get<{ items: PlanView[] }>('/plans?state=open')).items.map((p) => p.id)).toContain(
      plan.id,
    );
    expect(expectOk(await get<Idea>(`/ideas/${idea.id}`)).status).toBe('planned');
    const renamed = expectOk(await patch<PlanView>(`/plans/${plan.id}`, { title: 'Summarise papers' }));
    expect(renamed.title).toBe('Summarise papers');

    const block = expectOk(
      await post<PracticeLog>('/practice', { planId: plan.id, minutes: 30, difficulty: 4, note: 'Hard one' }),
      201,
    );
    expect(block).toMatchObject({ planId: plan.id, minutes: 30, difficulty: 4, note: 'Hard one' });
    expect(expectOk(await get<Idea>(`/ideas/${idea.id}`)).status).toBe('trying');
    const listed = expectOk(await get<{ items: PracticeLog[] }>(`/practice?planId=${plan.id}`)).items;
    expect(listed.map((l) => l.id)).toEqual([block.id]);
    const since = encodeURIComponent(`${today}T00:00:00+00:00`);
    expect(expectOk(await get<{ items: PracticeLog[] }>(`/practice?from=${since}`)).items).toHaveLength(1);

    const reviewing = expectOk(await post<PlanView>(`/plans/${plan.id}/steps`, { action: 'startReview' }));
    expect(reviewing).toMatchObject({
      state: 'reviewing',
      allowedActions: ['keep', 'adjust', 'drop', 'cancelReview'],
    });
    expectProblem(await post(`/plans/${plan.id}/steps`, { action: 'startReview' }), 409, ['state']);
    expectProblem(await post(`/plans/${plan.id}/steps`, { action: 'keep' }), 422, ['action']);
    const adjusted = expectOk(
      await post<PlanView>(`/plans/${plan.id}/review`, {
        decision: 'adjust',
        answers: [{ promptId: 'obstacles', text: 'Mornings were taken' }],
        reviewOn: addDays(today, 14),
        cadence: 'weekdays 20 at 08:00',
      }),
    );
    expect(adjusted).toMatchObject({
      state: 'active',
      reviewOn: addDays(today, 14),
      cadenceText: '5 × 20 min a week (weekdays at 08:00)',
      reviews: [{ decision: 'adjust', newReviewOn: addDays(today, 14) }],
    });

    // The weekly review: the week's numbers, then decisions applied to the plans.
    const prompts = expectOk(
      await get<{ weekly: { id: string }[]; plan: { id: string }[] }>('/reviews/prompts'),
    );
    expect(prompts.weekly.length).toBeGreaterThan(2);
    const page = expectOk(await get<WeeklyReviewPage>('/reviews/weekly'));
    expect(page.summary).toMatchObject({
      weekOf: weekOf(today),
      timeZone: 'UTC',
      ideas: { total: 1, bySource: { noticed: 1 } },
      practice: { blocks: 1, minutes: 30 },
    });
    expect(page.review).toBeNull();
    expectProblem(await get('/reviews/weekly?week=someday'), 422, ['week']);
    expectProblem(
      await post('/reviews/weekly', {
        weekOf: weekOf(today),
        decisions: [{ planId: 'nosuchplan', decision: 'drop' }],
      }),
      422,
      ['decisions.0.planId'],
    );
    expectProblem(await post('/reviews/weekly', { weekOf: addDays(weekOf(today), 1) }), 422, ['weekOf']);
    const weekly = expectOk(
      await post<WeeklyReview>('/reviews/weekly', {
        weekOf: weekOf(today),
        answers: [{ promptId: prompts.weekly[0]!.id, text: 'Summaries got faster' }],
        decisions: [{ planId: plan.id, decision: 'keep' }],
      }),
      201,
    );
    expect(expectOk(await get<PlanView>(`/plans/${plan.id}`)).state).toBe('kept');
    expect(expectOk(await get<Idea>(`/ideas/${idea.id}`)).status).toBe('adopted');
    expect(expectOk(await get<WeeklyReviewPage>(`/reviews/weekly?week=${today}`)).review).toEqual(weekly);
    const history = expectOk(
      await get<{ weekly: WeeklyReview[]; plans: { decision: string }[] }>('/reviews'),
    );
    expect(history.weekly).toEqual([weekly]);
    // Newest first: the weekly review's keep decision is recorded on the plan too.
    expect(history.plans.map((r) => r.decision)).toEqual(['keep', 'adjust']);

    const board = expectOk(await get<Dashboard>('/dashboard?weeks=4'));
    expect(Object.keys(board).sort()).toEqual([
      'followThrough',
      'heatMap',
      'ideasPerWeek',
      'practiceByArea',
      'streaks',
      'timeZone',
      'today',
      'upcomingReviews',
      'weeks',
    ]);
    expect(board).toMatchObject({ today, timeZone: 'UTC' });
    expect(board.weeks).toHaveLength(4);
    expect(board.weeks.at(-1)).toBe(weekOf(today));
    expect(board.followThrough).toMatchObject({ ideas: 1, withPlan: 1, adopted: 1, rate: 1 });
    expect(board.practiceByArea.at(-1)).toMatchObject({
      weekOf: weekOf(today),
      minutes: 30,
      areas: [expect.objectContaining({ areaId: 'reading', minutes: 30 })],
    });
    expect(board.streaks.overall.current).toEqual({ days: 1, from: today, to: today });
    expect(board.heatMap.counts).toHaveLength(7);
    expect(board.heatMap.counts.every((row) => row.length === 24)).toBe(true);
    expect(expectOk(await get<Dashboard>('/dashboard')).weeks).toHaveLength(8);
  });

  it('refuses bad input with problem+json naming the field, and writes nothing', async () => {
    const before = expectOk(await get<{ items: PlanView[] }>('/plans')).items.length;
    expectProblem(await post('/plans', practicePlan({ cadence: 'now and then' })), 422, ['cadence']);
    expectProblem(await post('/plans', practicePlan({ reviewOn: addDays(today, -1) })), 422, ['reviewOn']);
    expectProblem(await post('/plans', practicePlan({ ideaIds: ['nosuchidea'] })), 422, ['ideaIds.0']);
    expectProblem(await post('/plans', practicePlan({ areaId: 'astrology' })), 422, ['areaId']);
    expectProblem(await post('/plans', { kind: 'sideways' }), 422, ['kind', 'title', 'reviewOn']);
    expectProblem(
      await call(api, 'POST', '/plans', {
        body: '{"title":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    expectProblem(await get('/plans?state=droped'), 422, ['state']);
    expect(expectOk(await get<{ items: PlanView[] }>('/plans')).items).toHaveLength(before);

    expectProblem(await get('/plans/nosuchplan'), 404);
    expectProblem(await patch('/plans/nosuchplan', { title: 'x' }), 404);
    expectProblem(await post('/plans/nosuchplan/review', { decision: 'keep' }), 404);
    expectProblem(await post('/plans/nosuchplan/resume', { reviewOn: addDays(today, 3) }), 404);

    const practiceBefore = expectOk(await get<{ items: PracticeLog[] }>('/practice')).items.length;
    expectProblem(await post('/practice', { minutes: 2000 }), 422, ['minutes']);
    expectProblem(await post('/practice', { minutes: -5 }), 422, ['minutes']);
    expectProblem(await post('/practice', { minutes: 30, planId: 'nosuchplan' }), 422, ['planId']);
    expectProblem(await post('/practice', { minutes: 30, difficulty: 9 }), 422, ['difficulty']);
    expectProblem(await get('/practice?from=yesterday'), 422, ['from']);
    expectProblem(await get('/interruptions?to=soon'), 422, ['to']);
    expectProblem(await del('/practice/nosuchlog'), 404);
    expect(expectOk(await get<{ items: PracticeLog[] }>('/practice')).items).toHaveLength(practiceBefore);

    expectProblem(await get('/dashboard?weeks=abc'), 422, ['weeks']);
    expectProblem(await get('/dashboard?weeks=60'), 422, ['weeks']);
    expectProblem(await put('/settings', { timeZone: 'Atlantis/Capital' }), 422, ['timeZone']);
    expectProblem(await put('/settings', {}), 422, ['timeZone']);
    expectProblem(await post('/exercises', { subSkill: 'Bad Skill' }), 422, ['subSkill', 'title']);
    expect(expectOk(await get<{ timeZone: string }>('/settings')).timeZone).toBe('UTC');
  });

  it('logs interruptions in one request, with or without a body', async () => {
    const bare = expectOk(await call<Interruption>(api, 'POST', '/interruptions'), 201);
    expect(bare).toMatchObject({ reason: null, durationMinutes: null });
    const slack = expectOk(
      await post<Interruption>('/interruptions', { reason: 'Slack', durationMinutes: 10 }),
      201,
    );
    expect(slack).toMatchObject({ reason: 'Slack', durationMinutes: 10 });
    expectProblem(await post('/interruptions', { durationMinutes: 0 }), 422, ['durationMinutes']);
    const listed = expectOk(await get<{ items: Interruption[] }>('/interruptions')).items;
    expect(listed.map((i) => i.id)).toEqual(expect.arrayContaining([bare.id, slack.id]));
    expect((await del(`/interruptions/${bare.id}`)).status).toBe(204);
    expectProblem(await del(`/interruptions/${bare.id}`), 404);
    const board = expectOk(await get<Dashboard>('/dashboard'));
    expect(board.heatMap.total).toBeGreaterThanOrEqual(1);
  });

  it('serves the calendar feed without credentials until it is revoked', async () => {
    const plan = expectOk(
      await post<PlanView>(
        '/plans',
        practicePlan({ title: 'Write daily', subSkill: 'writing', reviewOn: addDays(today, 10) }),
      ),
      201,
    );
    const oneOff = await get('/calendar.ics');
    expect(oneOff.status).toBe(200);
    expect(oneOff.contentType).toMatch(/^text\/calendar\b/);
    expect(oneOff.headers.get('content-disposition')).toContain('attachment');

    const feed = expectOk(
      await post<{ id: string; token: string; path: string; revokedAt: null }>('/calendar/feeds'),
      201,
    );
    expect(feed.path).toBe(`/feeds/${feed.token}.ics`);
    const served = await site(feed.path);
    expect(served.status, served.text).toBe(200);
    expect(served.contentType).toMatch(/^text\/calendar\b/);
    const events = parseIcs(served.text);
    expect(events.filter((e) => e.summary === `Practice: ${plan.title}`).length).toBeGreaterThan(100);
    expect(events).toContainEqual({
      summary: `Review plan: ${plan.title}`,
      allDay: true,
      startDate: addDays(today, 10),
    });

    const feeds = expectOk(
      await get<{ items: { id: string; revokedAt: string | null }[] }>('/calendar/feeds'),
    );
    expect(feeds.items).toContainEqual(expect.objectContaining({ id: feed.id, revokedAt: null }));
    expect(JSON.stringify(feeds)).not.toContain(feed.token);

    expect((await del(`/calendar/feeds/${feed.id}`)).status).toBe(204);
    const revoked = await site(feed.path);
    expect(revoked.status).toBe(404);
    expect(revoked.text).not.toContain('BEGIN:VCALENDAR');
    expectProblem(await del(`/calendar/feeds/${feed.id}`), 404);
    expect((await site(`/feeds/${'A'.repeat(32)}.ics`)).status).toBe(404);
    expect((await site('/feeds/short.ics')).status).toBe(404);
    expect((await site(`/feeds/${feed.token}`)).status).toBe(404);
  });

  it('lists every plans path in the OpenAPI document', async () => {
    const doc = expectOk(
      await get<{
        info: { description: string };
        paths: Record<string, Record<string, unknown>>;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      }>('/openapi.json'),
    );
    const methods: Record<string, string[]> = {
      '/plans': ['get', 'post'],
      '/plans/{id}': ['get', 'patch'],
      '/plans/{id}/steps': ['post'],
      '/plans/{id}/review': ['post'],
      '/plans/{id}/resume': ['post'],
      '/exercises': ['get', 'post'],
      '/sub-skills': ['get'],
      '/practice': ['get', 'post'],
      '/practice/{id}': ['delete'],
      '/interruptions': ['get', 'post'],
      '/interruptions/{id}': ['delete'],
      '/reviews': ['get'],
      '/reviews/prompts': ['get'],
      '/reviews/weekly': ['get', 'post'],
      '/dashboard': ['get'],
      '/settings': ['get', 'put'],
      '/calendar.ics': ['get'],
      '/calendar/feeds': ['get', 'post'],
      '/calendar/feeds/{id}': ['delete'],
      '/feeds/{token}.ics': ['get'],
    };
    for (const [path, verbs] of Object.entries(methods))
      expect(Object.keys(doc.paths[path] ?? {}), path).toEqual(expect.arrayContaining(verbs));
    expect(doc.paths['/feeds/{token}.ics']?.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.info.description).toContain('/feeds/{token}.ics');
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas.PlanCreateInput?.properties ?? {})).toEqual(
      expect.arrayContaining(['title', 'kind', 'ideaIds', 'cadence', 'successSignal', 'reviewOn']),
    );
    expect(Object.keys(schemas.PracticeInput?.properties ?? {})).toEqual(
      expect.arrayContaining(['planId', 'minutes', 'difficulty', 'note']),
    );
    expect(Object.keys(schemas.Dashboard?.properties ?? {})).toEqual(
      expect.arrayContaining(['ideasPerWeek', 'followThrough', 'practiceByArea', 'streaks', 'heatMap']),
    );
    // Every schema a path refers to exists.
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const name of new Set(refs)) expect(schemas, name).toHaveProperty(name);
  });
});
