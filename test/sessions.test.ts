import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BUILTIN_DECKS, DEFAULT_DECK_ID } from '../src/core/decks/builtin.js';
import type { Deck, DeckQuestion } from '../src/core/decks/deck.js';
import type { SessionView } from '../src/core/sessions/view.js';
import { createServices, type Services } from '../src/services/app.js';
import { type Actor, LOCAL_ACTOR } from '../src/services/context.js';
import { ensureUser } from '../src/services/user.service.js';
import {
  expectError,
  fieldsOf,
  type ManualClock,
  manualClock,
  OTHER,
  openEnv,
  type TestEnv,
} from './harness/fixtures.js';
import { ENGINES } from './harness/stores.js';
import { LAB_DECK_WITH_UNKNOWN_AREA } from './support/decks.js';

const MIN = 60_000;
const START = '2026-03-02T09:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(START) + ms).toISOString();

/** Runs `work` so that a synchronous throw becomes a rejection, like an async method's would. */
const settled = <T>(work: () => Promise<T>): Promise<T> => Promise.resolve().then(work);

const builtin = BUILTIN_DECKS.find((d) => d.id === DEFAULT_DECK_ID) as Deck;
const questionById = new Map(builtin.questions.map((q) => [q.id, q]));

/** A small user deck: one opening and one planning question (so every session shows both in order). */
const TWO_QUESTION_DECK = {
  id: 'two-questions',
  name: 'Two questions',
  questions: [
    { id: 'q-open', stage: 'opening', areas: [], text: 'What is on your mind about your work today?' },
    { id: 'q-plan', stage: 'planning', areas: ['coding'], text: 'What will you try first tomorrow morning?' },
  ],
};

describe.each(ENGINES)('sessions and decks on %s', (engine) => {
  let env: TestEnv;
  let time: ManualClock;
  let services: Services;
  const me = LOCAL_ACTOR;

  beforeEach(async () => {
    time = manualClock(START);
    env = await openEnv(engine, time.clock);
    services = env.services;
  });

  afterEach(async () => {
    await env.cleanup();
  });

  /** Moves through the whole queue with `next`, returning the question ids shown, in order. */
  async function walkQueue(view: SessionView, actor: Actor = me): Promise<string[]> {
    let current = view;
    while (current.position < current.queueLength - 1) {
      time.advance(MIN);
      current = await services.sessions.next(actor, current.id);
    }
    return current.questions.map((q) => q.questionId);
  }

  async function finish(id: string, actor: Actor = me): Promise<SessionView> {
    const ended = await services.sessions.end(actor, id);
    return services.sessions.complete(actor, ended.id, {});
  }

  describe('starting', () => {
    it('starts a 20-minute session on the default deck with a drawn queue and the first question shown', async () => {
      const view = await services.sessions.start(me, {});
      expect(view).toMatchObject({
        deckId: 'getting-better-at-research',
        deckName: builtin.name,
        state: 'running',
        startedAt: START,
        endedAt: null,
        plannedMs: 20 * MIN,
        addedMs: 0,
        elapsedMs: 0,
        remainingMs: 20 * MIN,
        timeUp: false,
        position: 0,
        note: null,
        areas: [],
      });
      // About one question every 90 seconds: ceil(20 / 1.5) = 14.
      expect(view.queueLength).toBe(14);
      expect(view.current).not.toBeNull();
      const first = view.current as NonNullable<SessionView['current']>;
      expect(questionById.get(first.id)).toMatchObject({ text: first.text, stage: 'opening' });
      expect(view.questions).toEqual([
        { position: 0, questionId: first.id, text: first.text, spentMs: 0, skipped: false },
      ]);
      expect(view.allowedActions).toEqual(['pause', 'next', 'skip', 'back', 'addTime', 'capture', 'end']);
      expect(await services.sessions.active(me)).toMatchObject({ id: view.id, state: 'running' });
      expect(await services.sessions.get(me, view.id)).toEqual(view);
    });

    it('refuses invalid minutes with a validation error on field minutes', async () => {
      for (const minutes of [0, -5, 181, 2.5, 'x']) {
        const error = await expectError(services.sessions.start(me, { minutes }), 'validation');
        expect(fieldsOf(error), `minutes ${JSON.stringify(minutes)}`).toEqual(['minutes']);
      }
      // The edges are allowed.
      const one = await services.sessions.start(me, { minutes: 1 });
      expect(one.plannedMs).toBe(MIN);
      await finish(one.id);
      time.advance(MIN);
      const most = await services.sessions.start(me, { minutes: 180 });
      expect(most.plannedMs).toBe(180 * MIN);
      expect(await services.sessions.list(me)).toHaveLength(2);
    });

    it('refuses an unknown deck with not_found and an unknown area with validation', async () => {
      await expectError(services.sessions.start(me, { deckId: 'no-such-deck' }), 'not_found');
      await expectError(services.sessions.start(me, { areas: ['astrology'] }), 'validation');
      expect(await services.sessions.active(me)).toBeUndefined();
    });

    it('allows one active session per user; the conflict names the active session', async () => {
      const first = await services.sessions.start(me, {});
      const conflict = await expectError(services.sessions.start(me, {}), 'conflict');
      expect(conflict.issues[0]).toEqual({ field: 'activeSessionId', message: first.id });
      expect(conflict.message).toContain(first.id);

      await services.sessions.pause(me, first.id);
      await expectError(services.sessions.start(me, {}), 'conflict');
      await services.sessions.resume(me, first.id);
      await services.sessions.end(me, first.id);
      // Waiting for ratings still counts as active.
      const rating = await expectError(services.sessions.start(me, {}), 'conflict');
      expect(rating.message).toContain('waiting for your ratings');
      await services.sessions.complete(me, first.id, {});

      time.advance(MIN);
      const second = await services.sessions.start(me, {});
      expect(second.id).not.toBe(first.id);
      expect((await services.sessions.active(me))?.id).toBe(second.id);
    });

    // On PostgreSQL the unique index catches the race; the loser still gets a 'conflict'.
    it('lets exactly one of several concurrent starts succeed', async () => {
      for (let round = 0; round < 3; round++) {
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) => services.sessions.start(me, { minutes: 10 + i })),
        );
        const won = outcomes.filter(
          (o): o is PromiseFulfilledResult<SessionView> => o.status === 'fulfilled',
        );
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(7);
        const winner = won[0]?.value as SessionView;
        expect((await services.sessions.active(me))?.id).toBe(winner.id);
        expect(await services.sessions.list(me)).toHaveLength(round + 1);
        // Every loser hears "conflict", like a sequential second start, not a raw database error.
        for (const { reason } of lost) {
          expect(reason, String(reason)).toMatchObject({
            code: 'conflict',
            issues: [{ field: 'activeSessionId', message: winner.id }],
          });
        }
        await finish(winner.id);
        time.advance(MIN);
      }
    });
  });

  describe('the timer', () => {
    it('derives remaining time from stored instants; pauses do not count; a restart changes nothing', async () => {
      const started = await services.sessions.start(me, {});
      time.advance(7 * MIN);
      let view = await services.sessions.get(me, started.id);
      expect(view.elapsedMs).toBe(7 * MIN);
      expect(view.remainingMs).toBe(13 * MIN);

      view = await services.sessions.pause(me, started.id);
      expect(view.state).toBe('paused');
      time.advance(60 * MIN);
      expect((await services.sessions.get(me, started.id)).remainingMs).toBe(13 * MIN);
      view = await services.sessions.resume(me, started.id);
      expect(view.state).toBe('running');
      expect(view.remainingMs).toBe(13 * MIN);

      // A new set of services over the same store: what a server restart would see.
      const restarted = createServices(env.store, { clock: time.clock });
      expect((await restarted.sessions.get(me, started.id)).remainingMs).toBe(13 * MIN);
      time.advance(3 * MIN);
      expect((await restarted.sessions.active(me))?.remainingMs).toBe(10 * MIN);
      expect((await services.sessions.get(me, started.id)).remainingMs).toBe(10 * MIN);
    });

    it('adds time, within the 180-minute limit', async () => {
      const started = await services.sessions.start(me, {});
      time.advance(5 * MIN);
      const more = await services.sessions.addTime(me, started.id, { minutes: 10 });
      expect(more).toMatchObject({ addedMs: 10 * MIN, remainingMs: 25 * MIN });
      for (const minutes of [0, -1, 1.5, '5', 181]) {
        const error = await expectError(
          settled(() => services.sessions.addTime(me, started.id, { minutes })),
          'validation',
        );
        expect(fieldsOf(error)).toEqual(['minutes']);
      }
      // 20 planned + 10 added + 151 would pass 180.
      const tooMuch = await expectError(
        services.sessions.addTime(me, started.id, { minutes: 151 }),
        'validation',
      );
      expect(fieldsOf(tooMuch)).toEqual(['minutes']);
      // Adding time while paused is allowed, up to the limit.
      await services.sessions.pause(me, started.id);
      const upToLimit = await services.sessions.addTime(me, started.id, { minutes: 150 });
      expect(upToLimit).toMatchObject({ state: 'paused', remainingMs: 175 * MIN });
      expect(upToLimit.plannedMs + upToLimit.addedMs).toBe(180 * MIN);
      await expectError(services.sessions.addTime(me, started.id, { minutes: 1 }), 'validation');
    });

    it('rejects bad add-time and complete input as a promise, not a synchronous throw', async () => {
      const s = await services.sessions.start(me, {});
      const calls = [
        () => services.sessions.addTime(me, s.id, { minutes: 0 }),
        () => services.sessions.complete(me, s.id, { note: 5 }),
      ];
      for (const call of calls) {
        let promise: Promise<unknown> | undefined;
        expect(() => {
          promise = call();
        }).not.toThrow();
        await expect(promise).rejects.toMatchObject({ code: 'validation' });
      }
    });

    it('reports time up and ends at the moment time ran out', async () => {
      const started = await services.sessions.start(me, {});
      time.advance(19 * MIN);
      expect((await services.sessions.get(me, started.id)).timeUp).toBe(false);
      time.advance(6 * MIN); // 25 minutes after the start; nobody was looking
      const up = await services.sessions.get(me, started.id);
      expect(up).toMatchObject({ state: 'running', timeUp: true, remainingMs: 0 });

      const ended = await services.sessions.end(me, started.id);
      expect(ended).toMatchObject({
        state: 'rating',
        endedAt: at(20 * MIN),
        elapsedMs: 20 * MIN,
        timeUp: false,
        current: null,
      });
      expect(ended.questions[0]?.spentMs).toBe(20 * MIN);
      expect(ended.allowedActions).toEqual(['capture', 'rate', 'complete']);
      time.advance(30 * MIN);
      expect((await services.sessions.get(me, started.id)).elapsedMs).toBe(20 * MIN);
    });

    it('adding time after the countdown ran out does not charge the overtime', async () => {
      const started = await services.sessions.start(me, { minutes: 10 });
      time.advance(15 * MIN);
      const more = await services.sessions.addTime(me, started.id, { minutes: 5 });
      expect(more).toMatchObject({ timeUp: false, remainingMs: 5 * MIN });
      time.advance(5 * MIN);
      const ended = await services.sessions.end(me, started.id);
      expect(ended.endedAt).toBe(at(20 * MIN));
    });

    it('ending early records now; ending while paused records the pause', async () => {
      const early = await services.sessions.start(me, {});
      time.advance(4 * MIN);
      expect((await services.sessions.end(me, early.id)).endedAt).toBe(at(4 * MIN));
      await services.sessions.complete(me, early.id, {});

      const paused = await services.sessions.start(me, {});
      time.advance(3 * MIN);
      await services.sessions.pause(me, paused.id);
      time.advance(30 * MIN);
      const ended = await services.sessions.end(me, paused.id);
      expect(ended).toMatchObject({ state: 'rating', endedAt: at(7 * MIN), elapsedMs: 3 * MIN });
    });
  });

  describe('moving through questions', () => {
    it('next, skip and back record the time spent on each question (pauses excluded) and the skip', async () => {
      const s = await services.sessions.start(me, {});
      time.advance(3 * MIN);
      let view = await services.sessions.next(me, s.id);
      expect(view.position).toBe(1);
      expect(view.current?.id).toBe(view.questions[1]?.questionId);

      time.advance(1 * MIN);
      await services.sessions.pause(me, s.id);
      time.advance(60 * MIN); // away; not charged to question 1
      await services.sessions.resume(me, s.id);
      time.advance(2 * MIN);
      view = await services.sessions.next(me, s.id, 'skip');
      expect(view.position).toBe(2);

      time.advance(1 * MIN);
      view = await services.sessions.back(me, s.id);
      expect(view.position).toBe(1);
      expect(view.questions.map((q) => [q.position, q.spentMs, q.skipped])).toEqual([
        [0, 3 * MIN, false],
        [1, 3 * MIN, true],
        [2, 1 * MIN, false],
      ]);
      expect(view.current?.id).toBe(view.questions[1]?.questionId);

      // The question on screen counts live.
      time.advance(2 * MIN);
      view = await services.sessions.get(me, s.id);
      expect(view.questions[1]?.spentMs).toBe(5 * MIN);

      // Answering a skipped question after all takes its "skipped" mark away.
      await services.sessions.capture(me, s.id, { text: 'Came back to this one' });
      view = await services.sessions.get(me, s.id);
      expect(view.questions[1]?.skipped).toBe(false);

      // The first question has nothing before it; moving is refused while paused.
      await services.sessions.back(me, s.id);
      await expectError(services.sessions.back(me, s.id), 'validation');
      await services.sessions.pause(me, s.id);
      await expectError(services.sessions.next(me, s.id), 'illegal_transition');
      await expectError(services.sessions.next(me, s.id, 'skip'), 'illegal_transition');
      await expectError(services.sessions.back(me, s.id), 'illegal_transition');
      await expectError(services.sessions.pause(me, s.id), 'illegal_transition');
    });

    it('stops at the last question of the queue', async () => {
      const s = await services.sessions.start(me, { minutes: 5 });
      expect(s.queueLength).toBe(6);
      const shown = await walkQueue(s);
      expect(shown).toHaveLength(6);
      expect(new Set(shown).size).toBe(6);
      await expectError(services.sessions.next(me, s.id), 'validation');
      // The session always ends on a planning question.
      expect(questionById.get(shown.at(-1) as string)?.stage).toBe('planning');
    });
  });

  describe('capturing and rating', () => {
    it('links a captured idea to the session and to the question on screen, with source session', async () => {
      const s = await services.sessions.start(me, {});
      const first = await services.sessions.capture(me, s.id, {
        text: 'Block mornings for writing',
        areaId: 'writing',
        source: 'noticed',
      });
      expect(first).toMatchObject({
        source: 'session',
        sessionId: s.id,
        questionId: s.current?.id,
        areaId: 'writing',
        status: 'new',
        value: null,
      });
      const moved = await services.sessions.next(me, s.id);
      const second = await services.sessions.capture(me, s.id, { text: 'Ask Ana about the profiler' });
      expect(second.questionId).toBe(moved.current?.id);
      expect(second.questionId).not.toBe(first.questionId);

      // Captured ideas are ordinary ideas too.
      expect(await services.ideas.get(me, first.id)).toEqual(first);
      const view = await services.sessions.get(me, s.id);
      expect(view.ideas.map((i) => i.id).sort()).toEqual([first.id, second.id].sort());
      expect(view.summary).toMatchObject({ ideaCount: 2, ratedCount: 0 });

      // Capture still validates its input and the area.
      const empty = await expectError(services.sessions.capture(me, s.id, { text: '' }), 'validation');
      expect(fieldsOf(empty)).toContain('text');
      await expectError(
        services.sessions.capture(me, s.id, { text: 'x y z', areaId: 'astrology' }),
        'validation',
      );
    });

    it('allows capture while paused and while rating, not once completed', async () => {
      const s = await services.sessions.start(me, {});
      await services.sessions.pause(me, s.id);
      const paused = await services.sessions.capture(me, s.id, { text: 'An idea during the pause' });
      expect(paused).toMatchObject({ sessionId: s.id, questionId: s.current?.id, source: 'session' });
      await services.sessions.end(me, s.id);
      const late = await services.sessions.capture(me, s.id, { text: 'One more while rating' });
      expect(late.sessionId).toBe(s.id);
      await services.sessions.complete(me, s.id, {});
      await expectError(services.sessions.capture(me, s.id, { text: 'Too late now' }), 'illegal_transition');
    });

    it('rates only ideas of this session, and only after it ended', async () => {
      const s = await services.sessions.start(me, {});
      const mine = await services.sessions.capture(me, s.id, { text: 'Keep a lab notebook' });
      const plain = await services.ideas.capture(me, { text: 'A plain idea, no session' });

      // Running: rating is not allowed yet (transitions.ts: rate only in rating/completed).
      await expectError(services.sessions.rate(me, s.id, mine.id, { value: 4 }), 'illegal_transition');
      await services.sessions.pause(me, s.id);
      await expectError(services.sessions.rate(me, s.id, mine.id, { value: 4 }), 'illegal_transition');
      await services.sessions.end(me, s.id);

      const rated = await services.sessions.rate(me, s.id, mine.id, { value: 4, effort: 'S' });
      expect(rated).toMatchObject({ id: mine.id, value: 4, effort: 'S' });
      const notMine = await expectError(
        services.sessions.rate(me, s.id, plain.id, { value: 3 }),
        'validation',
      );
      expect(fieldsOf(notMine)).toEqual(['ideaId']);
      const badValue = await expectError(
        services.sessions.rate(me, s.id, mine.id, { value: 9 }),
        'validation',
      );
      expect(fieldsOf(badValue)).toEqual(['value']);
      await expectError(services.sessions.rate(me, s.id, 'nope', { value: 3 }), 'not_found');

      const done = await services.sessions.complete(me, s.id, { note: '  Short but useful  ' });
      expect(done).toMatchObject({ state: 'completed', note: 'Short but useful', allowedActions: ['rate'] });
      expect(done.summary).toMatchObject({ ideaCount: 1, ratedCount: 1 });
      expect(done.summary.best.map((i) => i.id)).toEqual([mine.id]);
      // Completed sessions can still be rated.
      expect((await services.sessions.rate(me, s.id, mine.id, { value: 5 })).value).toBe(5);

      // An idea of another session is refused.
      time.advance(MIN);
      const next = await services.sessions.start(me, {});
      await services.sessions.end(me, next.id);
      const other = await expectError(
        services.sessions.rate(me, next.id, mine.id, { value: 2 }),
        'validation',
      );
      expect(fieldsOf(other)).toEqual(['ideaId']);
      expect((await services.ideas.get(me, mine.id)).value).toBe(5);
      expect((await services.ideas.get(me, plain.id)).value).toBeNull();
    });

    it('refuses end and complete when the state does not allow them', async () => {
      const s = await services.sessions.start(me, {});
      await expectError(services.sessions.complete(me, s.id, {}), 'illegal_transition');
      await services.sessions.end(me, s.id);
      const again = await expectError(services.sessions.end(me, s.id), 'illegal_transition');
      expect(fieldsOf(again)).toEqual(['state']);
      await expectError(services.sessions.pause(me, s.id), 'illegal_transition');
      await expectError(services.sessions.addTime(me, s.id, { minutes: 5 }), 'illegal_transition');
      await services.sessions.complete(me, s.id, { note: 'Done' });
      await expectError(services.sessions.end(me, s.id), 'illegal_transition');
      await expectError(services.sessions.complete(me, s.id, {}), 'illegal_transition');
      await expectError(services.sessions.resume(me, s.id), 'illegal_transition');
      await expectError(services.sessions.end(me, 'no-such-session'), 'not_found');
      expect(await services.sessions.active(me)).toBeUndefined();
      const [only] = await services.sessions.list(me);
      expect(only).toMatchObject({ id: s.id, state: 'completed', note: 'Done' });
    });
  });

  describe('drawing questions', () => {
    it('restricts the queue to questions tagged with the chosen areas or general ones', async () => {
      const chosen = ['coding', 'writing'];
      const eligible = builtin.questions
        .filter((q) => q.areas.length === 0 || q.areas.some((a) => chosen.includes(a)))
        .map((q) => q.id);
      // 180 minutes ask for more questions than there are, so the queue is every eligible one.
      const s = await services.sessions.start(me, { minutes: 180, areas: chosen });
      expect(s.areas).toEqual(chosen);
      expect(s.queueLength).toBe(eligible.length);
      const shown = await walkQueue(s);
      expect(new Set(shown)).toEqual(new Set(eligible));
      expect(shown.some((id) => questionById.get(id)?.areas.includes('coding'))).toBe(true);
      expect(shown.some((id) => questionById.get(id)?.areas.includes('energy'))).toBe(false);

      // A shorter session draws a subset of the same eligible questions.
      await finish(s.id);
      time.advance(MIN);
      const short = await services.sessions.start(me, { areas: ['coding'] });
      for (const id of await walkQueue(short)) {
        const areas = questionById.get(id)?.areas ?? ['(missing)'];
        expect(areas.length === 0 || areas.includes('coding'), `${id}: ${areas}`).toBe(true);
      }
    });

    it('does not repeat questions of recent sessions while unseen ones remain', async () => {
      const queues: string[][] = [];
      for (let i = 0; i < 3; i++) {
        // Five minutes: six questions (two opening, two exploring, one narrowing, one planning),
        // so three sessions fit in the deck without a repeat in any stage.
        const s = await services.sessions.start(me, { minutes: 5 });
        const shown = await walkQueue(s);
        expect(shown).toHaveLength(6);
        queues.push(shown);
        await finish(s.id);
        time.advance(10 * MIN);
      }
      const [a, b, c] = queues.map((q) => new Set(q)) as [Set<string>, Set<string>, Set<string>];
      expect([...b].filter((id) => a.has(id))).toEqual([]);
      expect([...c].filter((id) => a.has(id) || b.has(id))).toEqual([]);

      // A fourth session: of the seven opening questions only one is still unseen; it comes first.
      const seen = new Set([...a, ...b, ...c]);
      const unseenOpening = builtin.questions.filter((q) => q.stage === 'opening' && !seen.has(q.id));
      expect(unseenOpening).toHaveLength(1);
      const fourth = await services.sessions.start(me, { minutes: 5 });
      expect(fourth.current?.id).toBe(unseenOpening[0]?.id);
    });
  });

  describe('question statistics', () => {
    it('counts showings and ideas per question with the mean value of rated ideas', async () => {
      await services.decks.create(me, TWO_QUESTION_DECK);
      const idea = (sessionId: string, text: string) => services.sessions.capture(me, sessionId, { text });

      // Session 1: q-open gets two ideas, q-plan one.
      const one = await services.sessions.start(me, { deckId: 'two-questions' });
      expect(one.current?.id).toBe('q-open');
      const a1 = await idea(one.id, 'Write down the question first');
      const a2 = await idea(one.id, 'Leave the unrated one alone');
      await services.sessions.next(me, one.id);
      const b1 = await idea(one.id, 'Profile before optimising');
      await services.sessions.end(me, one.id);
      await services.sessions.rate(me, one.id, a1.id, { value: 5 });
      await services.sessions.rate(me, one.id, b1.id, { value: 3 });
      await services.sessions.complete(me, one.id, {});

      // Session 2: q-open shown again with one more idea.
      time.advance(30 * MIN);
      const two = await services.sessions.start(me, { deckId: 'two-questions' });
      expect(two.current?.id).toBe('q-open');
      const a3 = await idea(two.id, 'Timebox literature search');
      await services.sessions.end(me, two.id);
      await services.sessions.rate(me, two.id, a3.id, { value: 4 });
      await services.sessions.complete(me, two.id, {});

      // Ideas outside sessions do not count.
      await services.ideas.capture(me, { text: 'Unrelated plain idea', value: 1 });

      const values = [5, 4]; // a1, a3 (a2 unrated)
      const mean = values.reduce((x, y) => x + y, 0) / values.length;
      expect(mean).toBe(4.5);
      const stats = await services.sessions.questionStats(me);
      expect(stats).toEqual([
        {
          questionId: 'q-open',
          text: TWO_QUESTION_DECK.questions[0]?.text,
          shown: 2,
          ideas: 3,
          ratedIdeas: 2,
          meanValue: mean,
        },
        {
          questionId: 'q-plan',
          text: TWO_QUESTION_DECK.questions[1]?.text,
          shown: 1,
          ideas: 1,
          ratedIdeas: 1,
          meanValue: 3,
        },
      ]);
      expect(a2.value).toBeNull();

      await ensureUser(env.store, OTHER, 'Other', time.clock);
      expect(await services.sessions.questionStats(OTHER)).toEqual([]);
    });
  });

  describe('decks', () => {
    it('imports, uses, exports, updates and deletes a user deck', async () => {
      const bad = await expectError(
        services.decks.importFile(me, LAB_DECK_WITH_UNKNOWN_AREA, 'lab.yaml'),
        'validation',
      );
      // Line 10, column 21: where "basketweaving" starts.
      expect(bad.message).toMatch(/^lab\.yaml:10:21: questions\.1\.areas\.1: unknown area "basketweaving"/);
      expect(bad.issues[0]).toMatchObject({
        field: 'questions.1.areas.1',
        message: expect.stringMatching(/^lab\.yaml:10:21: /),
      });
      await expectError(services.decks.get(me, 'lab-deck'), 'not_found');

      const goodYaml = LAB_DECK_WITH_UNKNOWN_AREA.replace('[coding, basketweaving]', '[coding, writing]');
      const imported = await services.decks.importFile(me, goodYaml, 'lab.yaml');
      expect(imported).toMatchObject({
        id: 'lab-deck',
        name: 'Lab deck',
        builtin: false,
        description: null,
        createdAt: START,
        updatedAt: START,
      });
      expect(imported.questions.map((q) => q.id)).toEqual(['lab-first', 'lab-second']);
      expect((await services.decks.list(me)).map((d) => d.id)).toEqual([DEFAULT_DECK_ID, 'lab-deck']);
      await expectError(services.decks.importFile(me, goodYaml, 'lab.yaml'), 'conflict');

      // A session on it.
      const s = await services.sessions.start(me, { deckId: 'lab-deck' });
      expect(s).toMatchObject({ deckId: 'lab-deck', deckName: 'Lab deck', queueLength: 2 });
      expect(s.current).toMatchObject({ id: 'lab-first', text: 'What slowed the lab down this week?' });

      // Export round trip: the YAML parses back to the same deck, and imports elsewhere unchanged.
      const exported = await services.decks.export(me, 'lab-deck', 'yaml');
      expect(parseYaml(exported)).toEqual({
        id: 'lab-deck',
        name: 'Lab deck',
        questions: imported.questions.map((q: DeckQuestion) => ({
          id: q.id,
          stage: q.stage,
          areas: q.areas,
          text: q.text,
        })),
      });
      expect(exported).toMatch(/areas: \[\s*coding, writing\s*\]/);
      await ensureUser(env.store, OTHER, 'Other', time.clock);
      const copy = await services.decks.importFile(OTHER, exported, 'lab-deck.yaml');
      expect({ ...copy, createdAt: null, updatedAt: null }).toEqual({
        ...imported,
        createdAt: null,
        updatedAt: null,
      });
      const json = await services.decks.export(me, 'lab-deck', 'json');
      expect(JSON.parse(json)).toEqual(parseYaml(exported));

      // Update.
      time.advance(5 * MIN);
      const updated = await services.decks.update(me, 'lab-deck', {
        name: 'Lab deck v2',
        description: 'Revised',
        questions: [
          ...imported.questions,
          { id: 'lab-third', stage: 'exploring', areas: [], text: 'Which tool do you fight with most?' },
        ],
      });
      expect(updated).toMatchObject({
        id: 'lab-deck',
        name: 'Lab deck v2',
        description: 'Revised',
        createdAt: START,
        updatedAt: at(5 * MIN),
      });
      expect(await services.decks.get(me, 'lab-deck')).toEqual(updated);
      const badUpdate = await expectError(
        services.decks.update(me, 'lab-deck', { name: 'X', questions: [] }),
        'validation',
      );
      expect(fieldsOf(badUpdate)).toContain('questions');

      // Delete; the session that used it can still be read.
      await services.decks.remove(me, 'lab-deck');
      await expectError(services.decks.get(me, 'lab-deck'), 'not_found');
      await expectError(services.decks.remove(me, 'lab-deck'), 'not_found');
      const orphan = await services.sessions.get(me, s.id);
      expect(orphan).toMatchObject({ deckId: 'lab-deck', deckName: 'lab-deck' });
      expect(orphan.current?.text).toBe('What slowed the lab down this week?');
      // The other user's copy is untouched.
      expect((await services.decks.get(OTHER, 'lab-deck')).name).toBe('Lab deck');
    });

    it('keeps built-in decks read-only', async () => {
      const deck = await services.decks.get(me, DEFAULT_DECK_ID);
      expect(deck.builtin).toBe(true);
      const update = await expectError(
        services.decks.update(me, DEFAULT_DECK_ID, { name: 'Mine now', questions: deck.questions }),
        'conflict',
      );
      expect(fieldsOf(update)).toEqual(['id']);
      await expectError(services.decks.remove(me, DEFAULT_DECK_ID), 'conflict');
      // Nor can a user deck take its id.
      await expectError(services.decks.create(me, { ...TWO_QUESTION_DECK, id: DEFAULT_DECK_ID }), 'conflict');
      expect(await services.decks.get(me, DEFAULT_DECK_ID)).toEqual(deck);
    });
  });

  describe('users', () => {
    it("keeps each user's sessions and decks to themselves", async () => {
      await ensureUser(env.store, OTHER, 'Other', time.clock);
      await services.decks.create(me, TWO_QUESTION_DECK);
      const mine = await services.sessions.start(me, { deckId: 'two-questions' });
      const idea = await services.sessions.capture(me, mine.id, { text: 'My own idea' });

      await expectError(services.sessions.get(OTHER, mine.id), 'not_found');
      await expectError(services.sessions.pause(OTHER, mine.id), 'not_found');
      await expectError(services.sessions.next(OTHER, mine.id), 'not_found');
      await expectError(services.sessions.end(OTHER, mine.id), 'not_found');
      await expectError(services.sessions.capture(OTHER, mine.id, { text: 'Sneaky idea' }), 'not_found');
      await expectError(services.sessions.rate(OTHER, mine.id, idea.id, { value: 1 }), 'not_found');
      expect(await services.sessions.list(OTHER)).toEqual([]);
      expect(await services.sessions.active(OTHER)).toBeUndefined();
      await expectError(services.decks.get(OTHER, 'two-questions'), 'not_found');
      await expectError(services.sessions.start(OTHER, { deckId: 'two-questions' }), 'not_found');

      // One active session per user, not per store.
      const theirs = await services.sessions.start(OTHER, {});
      expect((await services.sessions.active(OTHER))?.id).toBe(theirs.id);
      expect((await services.sessions.active(me))?.id).toBe(mine.id);
      await expectError(services.sessions.get(me, theirs.id), 'not_found');
      expect((await services.sessions.get(me, mine.id)).state).toBe('running');
    });
  });
});
