/**
 * Focused sessions and decks over real HTTP: the built CLI runs `whet serve --port 0` on a temp
 * database with WHETSTONE_TEST_HOOKS=1, and the test moves the server's clock through
 * POST /api/v1/test/clock instead of waiting. Nothing is mocked.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Deck } from '../src/core/decks/deck.js';
import type { Idea } from '../src/core/ideas.js';
import type { SessionView } from '../src/core/sessions/view.js';
import type { QuestionStat } from '../src/services/session.service.js';
import { cliEnv } from './support/cli.js';
import { LAB_DECK_WITH_UNKNOWN_AREA } from './support/decks.js';
import { call } from './support/http.js';
import { expectOk, expectProblem, servedApiPerFile } from './support/served-api.js';
import { startWhetServer } from './support/server.js';
import { tempDirs } from './support/temp.js';

const MIN = 60_000;
/** Real time passes between requests too; time figures are checked to within this much. */
const SLACK_MS = 5_000;

const { request, post, advance } = servedApiPerFile('whet-sessions-api');

async function step(id: string, action: string): Promise<SessionView> {
  return expectOk(await post<SessionView>(`/sessions/${id}/${action}`));
}

describe('sessions over HTTP with the test clock', () => {
  it('runs a whole session: start, capture, move, pause, time up, end, rate, complete, review', async () => {
    expect(expectOk(await request<{ session: null }>('GET', '/sessions/active'))).toEqual({
      session: null,
    });

    const startRes = await post<SessionView>('/sessions', {});
    const started = expectOk(startRes, 201);
    expect(startRes.headers.get('location')).toBe(`/api/v1/sessions/${started.id}`);
    expect(started).toMatchObject({
      state: 'running',
      deckId: 'getting-better-at-research',
      plannedMs: 20 * MIN,
      position: 0,
      timeUp: false,
    });
    expect(started.current).not.toBeNull();
    const startMs = Date.parse(started.startedAt);

    // Only one at a time.
    const second = expectProblem(await post('/sessions', {}), 409, ['activeSessionId']);
    expect(second.errors?.[0]).toEqual({ field: 'activeSessionId', message: started.id });

    // Capture under the question on screen.
    const captureRes = await post<Idea>(`/sessions/${started.id}/ideas`, { text: 'Read one paper a day' });
    const first = expectOk(captureRes, 201);
    expect(captureRes.headers.get('location')).toBe(`/api/v1/ideas/${first.id}`);
    expect(first).toMatchObject({
      sessionId: started.id,
      questionId: started.current?.id,
      source: 'session',
    });

    // Next, skip, back.
    const atOne = await step(started.id, 'next');
    expect(atOne.position).toBe(1);
    const atTwo = await step(started.id, 'skip');
    expect(atTwo.position).toBe(2);
    const back = await step(started.id, 'back');
    expect(back.position).toBe(1);
    expect(back.current?.id).toBe(atOne.current?.id);
    expect(back.questions.map((q) => q.skipped)).toEqual([false, true, false]);
    const secondIdea = expectOk(
      await post<Idea>(`/sessions/${started.id}/ideas`, {
        text: 'Pair on the hard proofs',
        areaId: 'collaborators',
      }),
      201,
    );
    expect(secondIdea.questionId).toBe(atOne.current?.id);

    // Pause and resume; capture works while paused, moving does not.
    const paused = await step(started.id, 'pause');
    expect(paused.state).toBe('paused');
    expectOk(await post(`/sessions/${started.id}/ideas`, { text: 'Noted while paused' }), 201);
    expectProblem(await post(`/sessions/${started.id}/next`), 409, ['state']);
    const resumed = await step(started.id, 'resume');
    expect(resumed.state).toBe('running');

    // Adding time is bounded; the body is checked.
    expectProblem(await post(`/sessions/${started.id}/add-time`, { minutes: 999 }), 422, ['minutes']);
    expectProblem(await post(`/sessions/${started.id}/add-time`, { minutes: 'ten' }), 422, ['minutes']);

    // Rating before the end is an illegal transition.
    expectProblem(
      await request('PATCH', `/sessions/${started.id}/ideas/${first.id}`, { json: { value: 5 } }),
      409,
    );

    // Twenty minutes later (on the server's clock) time is up.
    await advance(20 * MIN);
    const active = expectOk(await request<{ session: SessionView }>('GET', '/sessions/active')).session;
    expect(active).toMatchObject({ id: started.id, state: 'running', timeUp: true, remainingMs: 0 });

    // Ending records the moment time ran out: start + 20 minutes (+ the few real ms of the pause).
    const ended = await step(started.id, 'end');
    expect(ended).toMatchObject({ state: 'rating', elapsedMs: 20 * MIN, timeUp: false });
    const endedOffset = Date.parse(ended.endedAt as string) - startMs;
    expect(endedOffset).toBeGreaterThanOrEqual(20 * MIN);
    expect(endedOffset).toBeLessThan(20 * MIN + SLACK_MS);
    expect(ended.ideas).toHaveLength(3);

    // Rate via PATCH; only this session's ideas.
    const rated = expectOk(
      await request<Idea>('PATCH', `/sessions/${started.id}/ideas/${first.id}`, {
        json: { value: 5, effort: 'M' },
      }),
    );
    expect(rated).toMatchObject({ id: first.id, value: 5, effort: 'M' });
    expectOk(
      await request('PATCH', `/sessions/${started.id}/ideas/${secondIdea.id}`, { json: { value: 4 } }),
    );
    const plain = expectOk(await post<Idea>('/ideas', { text: 'A plain idea outside sessions' }), 201);
    expectProblem(
      await request('PATCH', `/sessions/${started.id}/ideas/${plain.id}`, { json: { value: 3 } }),
      422,
      ['ideaId'],
    );

    // Complete with a note.
    const done = expectOk(
      await post<SessionView>(`/sessions/${started.id}/complete`, { note: 'Good session' }),
    );
    expect(done).toMatchObject({ state: 'completed', note: 'Good session' });
    expect(done.summary).toMatchObject({ ideaCount: 3, ratedCount: 2 });
    expectProblem(await post(`/sessions/${started.id}/end`), 409);
    expect(expectOk(await request('GET', '/sessions/active'))).toEqual({ session: null });

    // History and statistics.
    const list = expectOk(await request<{ items: SessionView[] }>('GET', '/sessions'));
    expect(list.items.map((s) => [s.id, s.state])).toContainEqual([started.id, 'completed']);
    expect(expectOk(await request<SessionView>('GET', `/sessions/${started.id}`)).note).toBe('Good session');
    expectProblem(await request('GET', '/sessions/no-such-session'), 404);

    const stats = expectOk(await request<{ items: QuestionStat[] }>('GET', '/questions/stats')).items;
    const byId = new Map(stats.map((s) => [s.questionId, s]));
    expect(byId.get(started.current?.id as string)).toMatchObject({
      shown: 1,
      ideas: 1,
      ratedIdeas: 1,
      meanValue: 5,
    });
    // Question 1 prompted the collaborators idea (4) and the one written while paused (unrated).
    expect(byId.get(atOne.current?.id as string)).toMatchObject({
      shown: 1,
      ideas: 2,
      ratedIdeas: 1,
      meanValue: 4,
    });
    expect(byId.get(atTwo.current?.id as string)).toMatchObject({ shown: 1, ideas: 0, meanValue: null });
  });

  it('does not charge a pause, however long, to the countdown', async () => {
    const started = expectOk(await post<SessionView>('/sessions', { minutes: 10 }), 201);
    await step(started.id, 'pause');
    await advance(60 * MIN);
    const stillPaused = expectOk(await request<SessionView>('GET', `/sessions/${started.id}`));
    expect(stillPaused.remainingMs).toBeGreaterThan(10 * MIN - SLACK_MS);
    const resumed = await step(started.id, 'resume');
    expect(resumed.remainingMs).toBeGreaterThan(10 * MIN - SLACK_MS);
    expect(resumed.remainingMs).toBeLessThanOrEqual(10 * MIN);
    await advance(4 * MIN);
    const later = expectOk(await request<SessionView>('GET', `/sessions/${started.id}`));
    expect(later.remainingMs).toBeGreaterThan(6 * MIN - SLACK_MS);
    expect(later.remainingMs).toBeLessThanOrEqual(6 * MIN);
    await step(started.id, 'end');
    expectOk(await post(`/sessions/${started.id}/complete`));
  });

  it('refuses a bad start with problems on the right fields', async () => {
    expectProblem(await post('/sessions', { minutes: 0 }), 422, ['minutes']);
    expectProblem(await post('/sessions', { minutes: 2.5 }), 422, ['minutes']);
    expectProblem(await post('/sessions', { deckId: 'no-such-deck' }), 404);
    expectProblem(await request('POST', '/test/clock', { json: { advanceMs: -1 } }), 422, ['advanceMs']);
  });
});

describe('decks over HTTP', () => {
  it('reports import errors with file:line:col, imports, exports YAML, and guards built-in decks', async () => {
    const bad = expectProblem(
      await post('/decks/import', { fileName: 'lab.yaml', text: LAB_DECK_WITH_UNKNOWN_AREA }),
      422,
      ['questions.1.areas.1'],
    );
    expect(bad.detail).toContain('lab.yaml:10:21');
    expect(bad.errors?.[0]?.message).toMatch(/^lab\.yaml:10:21: unknown area "basketweaving"/);

    const good = LAB_DECK_WITH_UNKNOWN_AREA.replace('[coding, basketweaving]', '[coding, writing]');
    const importRes = await post<Deck>('/decks/import', { fileName: 'lab.yaml', text: good });
    const deck = expectOk(importRes, 201);
    expect(importRes.headers.get('location')).toBe('/api/v1/decks/lab-deck');
    expect(deck).toMatchObject({ id: 'lab-deck', builtin: false });
    expectProblem(await post('/decks/import', { fileName: 'lab.yaml', text: good }), 409, ['id']);
    expectProblem(await post('/decks/import', { fileName: 'lab.yaml' }), 422, ['text']);

    const decks = expectOk(await request<{ items: Deck[] }>('GET', '/decks')).items;
    expect(decks.map((d) => d.id)).toEqual(['getting-better-at-research', 'lab-deck']);

    const exported = await request('GET', '/decks/lab-deck/export?format=yaml');
    expect(exported.status, exported.text).toBe(200);
    expect(exported.contentType).toMatch(/^application\/yaml/);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="lab-deck.yaml"');
    expect(parseYaml(exported.text)).toEqual(parseYaml(good));
    expectProblem(await request('GET', '/decks/lab-deck/export?format=xml'), 422, ['format']);

    // A session on the imported deck.
    const session = expectOk(await post<SessionView>('/sessions', { deckId: 'lab-deck' }), 201);
    expect(session).toMatchObject({ deckId: 'lab-deck', queueLength: 2 });
    expect(session.current?.id).toBe('lab-first');
    await step(session.id, 'end');
    expectOk(await post(`/sessions/${session.id}/complete`));

    // Built-in decks are read-only; user decks can be deleted.
    expectProblem(await request('PUT', '/decks/getting-better-at-research', { json: parseYaml(good) }), 409);
    expectProblem(await request('DELETE', '/decks/getting-better-at-research'), 409);
    const deleted = await request('DELETE', '/decks/lab-deck');
    expect(deleted.status).toBe(204);
    expectProblem(await request('GET', '/decks/lab-deck'), 404);
  });
});

describe('OpenAPI', () => {
  it('documents the /sessions and /decks paths', async () => {
    const doc = expectOk(await request<{ paths: Record<string, unknown> }>('GET', '/openapi.json'));
    const paths = Object.keys(doc.paths);
    for (const path of [
      '/sessions',
      '/sessions/active',
      '/sessions/{id}',
      '/sessions/{id}/end',
      '/sessions/{id}/ideas',
      '/decks',
      '/decks/import',
      '/decks/{id}',
      '/decks/{id}/export',
      '/questions/stats',
    ]) {
      expect(paths, path).toContain(path);
    }
  });
});

describe('without WHETSTONE_TEST_HOOKS', () => {
  const dirs = tempDirs();
  afterAll(() => dirs.cleanup());

  it('has no test clock endpoint', async () => {
    const dir = dirs.make('whet-no-hooks');
    const env = cliEnv({ XDG_DATA_HOME: join(dir, 'xdg'), HOME: dir, WHETSTONE_TEST_HOOKS: undefined });
    const plain = await startWhetServer({ db: join(dir, 'plain.db'), env });
    try {
      const res = await call(plain.api, 'POST', '/test/clock', { json: { advanceMs: 20 * MIN } });
      expectProblem(res, 404);
      // The server's clock did not move: a new session has its full 20 minutes.
      const started = expectOk(await call<SessionView>(plain.api, 'POST', '/sessions', { json: {} }), 201);
      expect(started.remainingMs).toBeGreaterThan(20 * MIN - SLACK_MS);
    } finally {
      await plain.stop();
    }
  });
});
