/**
 * Self-experiments through the services on both engines: the state machine with ideas captured at
 * controlled times, the frozen blind queue and its audit, rating, the report and the result card,
 * measurement experiments, and pools of result cards. The clock stands still until a test moves it.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blindQueue } from '../src/core/experiments/blind.js';
import type { ResultCard } from '../src/core/experiments/card.js';
import { BASELINE_VS_CHANGE, WEEK_VS_20_MINUTES } from '../src/core/experiments/templates.js';
import type { ExperimentView } from '../src/core/experiments/view.js';
import type { Idea } from '../src/core/ideas.js';
import type { Services } from '../src/services/app.js';
import { type Actor, LOCAL_ACTOR } from '../src/services/context.js';
import type { ExperimentReportView } from '../src/services/experiment.service.js';
import { ensureUser } from '../src/services/user.service.js';
import { ExperimentRepository } from '../src/store/experiment.repository.js';
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
import { DAY, HOUR, histogram, MIN, makeCard, PREDICTION, sum, weekInput } from './support/experiments.js';

const START = '2026-03-02T09:00:00.000Z';

type IdeasReport = Extract<ExperimentReportView, { kind: 'ideas' }>;
type MeasurementReportView = Extract<ExperimentReportView, { kind: 'measurement' }>;

describe.each(ENGINES)('self-experiments on %s', (engine) => {
  let env: TestEnv;
  let time: ManualClock;
  let services: Services;
  let repo: ExperimentRepository;
  const me = LOCAL_ACTOR;

  beforeEach(async () => {
    time = manualClock(START);
    env = await openEnv(engine, time.clock);
    services = env.services;
    repo = new ExperimentRepository(env.store.db, env.store.engine);
  });

  afterEach(async () => {
    await env.cleanup();
  });

  /** Captures an idea at `START + ms` (the clock stays there). */
  async function ideaAt(ms: number, text: string, actor: Actor = me, source = 'noticed'): Promise<Idea> {
    time.set(ms);
    return services.ideas.capture(actor, { text, source });
  }

  async function step(
    id: string,
    action: string,
    actor: Actor = me,
    extra: { early?: boolean } = {},
  ): Promise<ExperimentView> {
    return services.experiments.step(actor, id, { action, ...extra });
  }

  /** Rates every item of the queue, in the order shown, with `ratingFor(text)`. */
  /** Finishes the triage (setting nothing aside) if it is open, then rates every idea kept. */
  async function rateAll(id: string, ratingFor: (text: string) => number): Promise<void> {
    let queue = await services.experiments.ratingQueue(me, id);
    if (queue.stage === 'triage') {
      await step(id, 'finishTriage');
      queue = await services.experiments.ratingQueue(me, id);
    }
    while (queue.next) {
      const before = queue.rated;
      queue = await services.experiments.rate(me, id, {
        token: queue.next.token,
        value: ratingFor(queue.next.text),
      });
      expect(queue.rated).toBe(before + 1);
    }
  }

  describe('the flagship experiment, step by step', () => {
    // Values given blind, by text; the report must add up to exactly these.
    const PASSIVE = [
      ['Keep a running list of reviewer objections', 2],
      ['Batch literature alerts into one weekly read', 4],
      ['Label freezer boxes by project', 1],
    ] as const;
    const FOCUSED = [
      ['Write the methods section before running the pilot', 5],
      ['Pre-register the analysis for the next study', 4],
      ['Ask a colleague to review the sampling plan', 3],
      ['Automate the plotting script for weekly figures', 2],
    ] as const;
    const VALUES = new Map<string, number>([...PASSIVE, ...FOCUSED]);

    it('runs from start to report: phases take the ideas captured in them, and only those', async () => {
      const before = await ideaAt(0, 'An idea from before the experiment');
      await ensureUser(env.store, OTHER, 'Other', time.clock);

      time.set(MIN);
      const created = await services.experiments.create(me, weekInput());
      expect(created).toMatchObject({
        templateId: WEEK_VS_20_MINUTES.id,
        templateVersion: WEEK_VS_20_MINUTES.version,
        state: 'passive',
        prediction: { ...PREDICTION, lockedAt: time.at(MIN) },
        measurement: null,
        recorded: { passive: 0, focused: 0 },
        allowedSteps: ['startFocused', 'abandon'],
      });
      const [passive, focused] = created.phases;
      expect(passive).toMatchObject({
        key: 'passive',
        length: 2,
        unit: 'days',
        startedAt: time.at(MIN),
        plannedEnd: time.at(MIN + 2 * DAY),
        endedAt: null,
      });
      // The focused phase is planned right after the passive one: 20 minutes by default.
      expect(focused).toMatchObject({
        key: 'focused',
        length: 20,
        unit: 'minutes',
        plannedStart: time.at(MIN + 2 * DAY),
        plannedEnd: time.at(MIN + 2 * DAY + 20 * MIN),
        startedAt: null,
      });
      expect(created.status).toMatchObject({
        phaseKey: 'passive',
        endsAt: time.at(MIN + 2 * DAY),
        msLeft: 2 * DAY,
        due: false,
        nextStep: 'startFocused',
      });
      expect(created.status.headline).toBe('Experiment: A week of noticing — 2 days left');
      expect(await services.experiments.active(me)).toMatchObject({ id: created.id, state: 'passive' });

      // The passive phase: ideas noted while working, and one of another user's at the same time.
      const passiveIdeas: Idea[] = [];
      passiveIdeas.push(await ideaAt(HOUR, PASSIVE[0][0]));
      passiveIdeas.push(await ideaAt(DAY, PASSIVE[1][0], me, 'conversation'));
      await ideaAt(DAY + MIN, 'Not mine: another researcher', OTHER);
      passiveIdeas.push(await ideaAt(DAY + 5 * HOUR, PASSIVE[2][0]));
      time.advance(1);
      expect((await services.experiments.get(me, created.id)).recorded).toEqual({ passive: 3, focused: 0 });

      // Rating cannot start during the passive phase.
      await expectError(step(created.id, 'startRating'), 'illegal_transition');

      // The passive phase's planned end passes: the status says the next step is due.
      time.set(MIN + 2 * DAY + 30 * MIN);
      const due = await services.experiments.get(me, created.id);
      expect(due.status).toMatchObject({
        phaseKey: 'passive',
        msLeft: 0,
        due: true,
        nextStep: 'startFocused',
      });
      expect(due.status.headline).toBe(
        'Experiment: A week of noticing is over; ideas you note now count to no phase until you start one focused session',
      );
      // The passive phase ended by itself: an idea noted since counts to no phase, and its value
      // may be given at once.
      const between = await services.ideas.capture(me, { text: 'Noted between the phases', value: 4 });
      expect(due.blindCapture).toBe(false);
      time.advance(1);
      expect((await services.experiments.get(me, created.id)).recorded).toEqual({ passive: 3, focused: 0 });

      const focusedStart = MIN + 2 * DAY + 30 * MIN + 1;
      const inFocus = await step(created.id, 'startFocused');
      expect(inFocus.state).toBe('focused');
      expect(inFocus.phases[0].endedAt).toBe(time.at(MIN + 2 * DAY));
      expect(inFocus.passiveEndedEarly).toBe(false);
      expect(inFocus.phases[1]).toMatchObject({
        startedAt: time.at(focusedStart),
        plannedEnd: time.at(focusedStart + 20 * MIN),
      });
      expect(inFocus.allowedSteps).toEqual(['endFocused', 'startRating', 'abandon']);
      expect(inFocus.status).toMatchObject({ phaseKey: 'focused', msLeft: 20 * MIN, nextStep: 'endFocused' });

      // Rating before the focused phase has ended is refused, and says until when it runs.
      const early = await expectError(step(created.id, 'startRating'), 'conflict');
      expect(early.message).toContain(time.at(focusedStart + 20 * MIN));
      expect((await services.experiments.get(me, created.id)).state).toBe('focused');

      const focusedIdeas: Idea[] = [];
      for (const [i, [text]] of FOCUSED.entries())
        focusedIdeas.push(await ideaAt(focusedStart + (2 + 3 * i) * MIN, text, me, 'session'));
      time.advance(1);
      expect((await services.experiments.get(me, created.id)).recorded).toEqual({ passive: 3, focused: 4 });

      // The session is done early; an idea noted afterwards belongs to no phase.
      time.set(focusedStart + 15 * MIN);
      const ended = await step(created.id, 'endFocused');
      expect(ended.phases[1].endedAt).toBe(time.at(focusedStart + 15 * MIN));
      const after = await ideaAt(focusedStart + 16 * MIN, 'An idea after the focused phase ended');
      expect((await services.experiments.get(me, created.id)).recorded).toEqual({ passive: 3, focused: 4 });

      time.set(focusedStart + 17 * MIN);
      const rating = await step(created.id, 'startRating');
      expect(rating).toMatchObject({
        state: 'rating',
        ratingStartedAt: time.at(focusedStart + 17 * MIN),
        recorded: { passive: 3, focused: 4 },
        allowedSteps: ['finishTriage', 'report', 'abandon'],
      });

      // The frozen queue holds exactly the phase ideas, each with the phase it was captured in.
      const items = await repo.items(created.id);
      expect(items.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      const phaseOf = new Map(items.map((i) => [i.ideaId, i.phase]));
      expect(Object.fromEntries(phaseOf)).toEqual({
        ...Object.fromEntries(passiveIdeas.map((i) => [i.id, 'passive'])),
        ...Object.fromEntries(focusedIdeas.map((i) => [i.id, 'focused'])),
      });
      expect(phaseOf.has(before.id)).toBe(false);
      expect(phaseOf.has(after.id)).toBe(false);
      expect(phaseOf.has(between.id)).toBe(false);
      // Tokens are opaque: not idea ids, all different.
      expect(new Set(items.map((i) => i.token)).size).toBe(7);
      for (const item of items) expect(phaseOf.has(item.token)).toBe(false);

      // Audit: the core's shuffle with the stored seed reproduces the stored order and tokens.
      const stored = await repo.findById(me.userId, created.id);
      expect(stored?.ratingSeed).toEqual(expect.any(String));
      const audit = blindQueue(
        [...passiveIdeas, ...focusedIdeas].reverse().map((idea) => ({
          id: idea.id,
          text: idea.text,
          phase: phaseOf.get(idea.id) as string,
          createdAt: idea.createdAt,
          source: idea.source,
        })),
        stored?.ratingSeed as string,
      );
      expect(audit.audit.order).toEqual(items.map((i) => i.ideaId));
      expect(audit.audit.tokens).toEqual(items.map((i) => i.token));
      expect(audit.items).toEqual(items.map((i) => ({ token: i.token, text: i.text })));

      // The triage first: every idea's text behind its token, mixed, and nothing to rate yet.
      const triage = await services.experiments.ratingQueue(me, created.id);
      expect(triage).toMatchObject({ stage: 'triage', total: 7, next: null, excluded: 0 });
      expect(triage.triage).toEqual(items.map((i) => ({ token: i.token, text: i.text, excluded: null })));
      const beforeTriage = await expectError(
        services.experiments.rate(me, created.id, { token: items[0]?.token, value: 3 }),
        'conflict',
      );
      expect(fieldsOf(beforeTriage)).toEqual(['triage']);
      await step(created.id, 'finishTriage');

      // The rater sees the count, the progress and the next text behind its token — nothing else.
      const queue = await services.experiments.ratingQueue(me, created.id);
      expect(queue).toEqual({
        stage: 'rating',
        total: 7,
        rated: 0,
        excluded: 0,
        next: { token: items[0]?.token, text: items[0]?.text },
        ratings: [],
        triage: [],
      });
      expect(Object.keys(queue.next ?? {}).sort()).toEqual(['text', 'token']);

      // Not yet: the report, and the step to it while ideas are unrated.
      const notYet = await expectError(services.experiments.report(me, created.id), 'conflict');
      expect(fieldsOf(notYet)).toEqual(['state']);
      const unrated = await expectError(step(created.id, 'report'), 'conflict');
      expect(fieldsOf(unrated)).toEqual(['rating']);
      expect(unrated.message).toContain('7 ideas are not rated');

      // Bad ratings change nothing.
      await expectError(
        services.experiments.rate(me, created.id, { token: 'ffffffffffffffff', value: 3 }),
        'not_found',
      );
      await expectError(
        services.experiments.rate(me, created.id, { token: passiveIdeas[0]?.id, value: 3 }),
        'not_found',
      );
      for (const value of [0, 6, 2.5, '4']) {
        const error = await expectError(
          services.experiments.rate(me, created.id, { token: items[0]?.token, value }),
          'validation',
        );
        expect(fieldsOf(error), `value ${JSON.stringify(value)}`).toEqual(['value']);
      }
      expect((await services.experiments.ratingQueue(me, created.id)).rated).toBe(0);

      // Rate the first item, then finish: the queue walks in its frozen order.
      const first = await services.experiments.rate(me, created.id, {
        token: items[0]?.token,
        value: VALUES.get(items[0]?.text as string),
      });
      expect(first).toMatchObject({
        total: 7,
        rated: 1,
        next: { token: items[1]?.token, text: items[1]?.text },
      });
      // An idea put off for later comes after the others; when only put-off ideas are left, they come back.
      const later = await services.experiments.ratingQueue(me, created.id, {
        skip: [items[1]?.token as string],
      });
      expect(later.next?.token).toBe(items[2]?.token);
      const allPutOff = items.slice(1).map((i) => i.token);
      expect((await services.experiments.ratingQueue(me, created.id, { skip: allPutOff })).next?.token).toBe(
        items[1]?.token,
      );
      const oneLeft = await expectError(step(created.id, 'report'), 'conflict');
      expect(oneLeft.message).toContain('6 ideas are not rated');
      await rateAll(created.id, (text) => VALUES.get(text) as number);
      expect(await services.experiments.ratingQueue(me, created.id)).toMatchObject({
        total: 7,
        rated: 7,
        next: null,
      });

      time.advance(MIN);
      const reported = await step(created.id, 'report');
      expect(reported).toMatchObject({ state: 'reported', reportedAt: time.now(), allowedSteps: [] });
      expect(reported.status).toMatchObject({ nextStep: null, phaseKey: null });
      expect(await services.experiments.active(me)).toBeUndefined();
      // The ratings are closed now.
      await expectError(services.experiments.ratingQueue(me, created.id), 'conflict');
      await expectError(
        services.experiments.rate(me, created.id, { token: items[0]?.token, value: 1 }),
        'conflict',
      );
      await expectError(step(created.id, 'abandon'), 'illegal_transition');

      // The report: figures computed by hand from the ratings given above.
      const report = (await services.experiments.report(me, created.id)) as IdeasReport;
      expect(report.kind).toBe('ideas');
      const passiveValues = PASSIVE.map(([, v]) => v);
      const focusedValues = FOCUSED.map(([, v]) => v);
      expect(report.phases[0]).toMatchObject({
        key: 'passive',
        label: 'A week of noticing',
        count: 3,
        rated: 3,
        totalValue: sum(passiveValues), // 7
        highValueCount: 1,
        ratings: histogram(passiveValues),
      });
      expect(report.phases[0].meanValue).toBeCloseTo(7 / 3, 10);
      expect(report.phases[1]).toMatchObject({
        key: 'focused',
        count: 4,
        rated: 4,
        totalValue: sum(focusedValues), // 14
        meanValue: 3.5,
        highValueCount: 2,
        ratings: histogram(focusedValues),
      });
      expect(report.phases[1].best.map((b) => [b.text, b.value])).toEqual([
        [FOCUSED[0][0], 5],
        [FOCUSED[1][0], 4],
        [FOCUSED[2][0], 3],
      ]);
      expect(report.phases[0].best[0]).toEqual({ id: passiveIdeas[1]?.id, text: PASSIVE[1][0], value: 4 });
      // 14 vs 7 is a 50% difference with 7 rated ideas: focused won, as predicted; trust stays low.
      expect(report.verdict).toMatchObject({ outcome: 'focused', predictionMatched: true, trust: 'low' });
      expect(report.verdict.summary).toContain('total value 14 vs 7');
      expect(report.experiment.prediction).toMatchObject({ favoured: 'focused', lockedAt: time.at(MIN) });
      // The seal: the text written at the lock, unchanged by the phases since, and its SHA-256.
      const seal = created.prediction.seal!;
      expect(seal.text).toContain(`Locked at: ${time.at(MIN)}\n`);
      expect(seal.sha256).toBe(createHash('sha256').update(seal.text, 'utf8').digest('hex'));
      expect(report.experiment.prediction.seal).toEqual(seal);

      // The result card: numbers only, unless the user opts in to share the texts.
      const card = await services.experiments.card(me, created.id, { shareTexts: false });
      expect(card.predictionSha256).toBe(seal.sha256);
      expect(card).toMatchObject({
        format: 'whetstone-result-card',
        version: 1,
        templateId: WEEK_VS_20_MINUTES.id,
        templateVersion: WEEK_VS_20_MINUTES.version,
        ratingScale: { min: 1, max: 5 },
        textsShared: false,
      });
      expect(card.phases).toEqual([
        { key: 'passive', unit: 'days', length: 2, count: 3, valueSum: 7, ratings: histogram(passiveValues) },
        {
          key: 'focused',
          unit: 'minutes',
          length: 20,
          count: 4,
          valueSum: 14,
          ratings: histogram(focusedValues),
        },
      ]);
      expect(card).not.toHaveProperty('texts');
      const cardJson = JSON.stringify(card);
      for (const text of VALUES.keys()) expect(cardJson).not.toContain(text);
      for (const idea of [...passiveIdeas, ...focusedIdeas]) expect(cardJson).not.toContain(idea.id);
      expect(cardJson).not.toContain(created.id);
      expect(cardJson).not.toContain(me.userId);

      const withTexts = await services.experiments.card(me, created.id, { shareTexts: true });
      expect(withTexts.textsShared).toBe(true);
      expect(withTexts.participant).toBe(card.participant);
      expect([...(withTexts.texts ?? [])].sort((a, b) => a.text.localeCompare(b.text))).toEqual(
        [
          ...PASSIVE.map(([text, value]) => ({ phase: 'passive', text, value })),
          ...FOCUSED.map(([text, value]) => ({ phase: 'focused', text, value })),
        ].sort((a, b) => a.text.localeCompare(b.text)),
      );
      // The same experiment always exports the same card.
      expect(await services.experiments.card(me, created.id, { shareTexts: false })).toEqual(card);
    });

    it('counts an idea captured at the instant a phase starts in that phase, not the one before', async () => {
      const created = await services.experiments.create(me, weekInput());
      await ideaAt(DAY, 'In the passive phase');
      time.set(2 * DAY);
      await step(created.id, 'startFocused');
      await ideaAt(2 * DAY, 'At the very start of the focused phase');
      await ideaAt(2 * DAY + 20 * MIN - 1, 'In the last millisecond of the focused phase');
      await ideaAt(2 * DAY + 20 * MIN, 'At the planned end: no longer in the phase');
      time.set(2 * DAY + 21 * MIN);
      await step(created.id, 'startRating');
      const byPhase = (await repo.items(created.id)).map((i) => `${i.phase}: ${i.text}`).sort();
      expect(byPhase).toEqual([
        'focused: At the very start of the focused phase',
        'focused: In the last millisecond of the focused phase',
        'passive: In the passive phase',
      ]);
    });

    it('the same seed reproduces the same order; different seeds shuffle differently', async () => {
      const created = await services.experiments.create(me, weekInput());
      for (let i = 0; i < 12; i++) await ideaAt(HOUR + i * MIN, `Idea number ${i} of the passive phase`);
      time.set(2 * DAY);
      await step(created.id, 'startFocused');
      for (let i = 0; i < 4; i++) await ideaAt(2 * DAY + (i + 1) * MIN, `Idea number ${i} of the session`);
      time.set(2 * DAY + 20 * MIN);
      await step(created.id, 'startRating');
      const items = await repo.items(created.id);
      const seed = (await repo.findById(me.userId, created.id))?.ratingSeed as string;
      const ideas = items.map((i) => ({
        id: i.ideaId,
        text: i.text,
        phase: i.phase,
        createdAt: '',
        source: '',
      }));
      expect(blindQueue(ideas, seed).audit.order).toEqual(items.map((i) => i.ideaId));
      expect(blindQueue([...ideas].reverse(), seed).audit.order).toEqual(items.map((i) => i.ideaId));
      // The shown order is not the capture order, and not grouped by phase.
      const captureOrder = [...items].sort((a, b) => a.text.localeCompare(b.text)).map((i) => i.ideaId);
      expect(items.map((i) => i.ideaId)).not.toEqual(captureOrder);
      const phases = items.map((i) => i.phase).join(',');
      expect(phases).not.toBe([...items.map((i) => i.phase)].sort().join(','));
      expect(blindQueue(ideas, `${seed}-other`).audit.order).not.toEqual(items.map((i) => i.ideaId));
    });

    it('with a rating delay, refuses to start rating until it opens; ideas after the planned end stay out', async () => {
      const created = await services.experiments.create(
        me,
        weekInput({ phases: { passive: { length: 1 } }, ratingDelayHours: 24 }),
      );
      expect(created.ratingDelayHours).toBe(24);
      expect(created.ratingOpensAt).toBeNull();
      await ideaAt(HOUR, 'Noted during the day of noticing');
      time.set(DAY);
      const inFocus = await step(created.id, 'startFocused');
      const focusedEnd = DAY + 20 * MIN;
      const opensAt = time.at(focusedEnd + 24 * HOUR);
      expect(inFocus.ratingOpensAt).toBe(opensAt);
      await ideaAt(DAY + 5 * MIN, 'Noted in the session');
      // Not ended by hand: the planned end closes the phase; this idea comes after it.
      await ideaAt(focusedEnd + MIN, 'Noted after the session was over');

      time.set(focusedEnd + 2 * MIN);
      // What the status counts is what will be rated.
      expect((await services.experiments.get(me, created.id)).recorded).toEqual({ passive: 1, focused: 1 });
      const refused = await expectError(step(created.id, 'startRating'), 'conflict');
      expect(refused.message).toContain(opensAt);
      expect(refused.message).toContain('24 hours');
      time.set(focusedEnd + 24 * HOUR - 1);
      await expectError(step(created.id, 'startRating'), 'conflict');
      expect((await services.experiments.get(me, created.id)).state).toBe('focused');

      time.set(focusedEnd + 24 * HOUR);
      const rating = await step(created.id, 'startRating');
      expect(rating.state).toBe('rating');
      expect(rating.phases[1].endedAt).toBe(time.at(focusedEnd));
      expect(rating.recorded).toEqual({ passive: 1, focused: 1 });
      expect((await repo.items(created.id)).map((i) => i.text).sort()).toEqual([
        'Noted during the day of noticing',
        'Noted in the session',
      ]);
    });

    it('with a rating delay and the session run to its planned end, the status waits for the opening', async () => {
      const created = await services.experiments.create(
        me,
        weekInput({ phases: { passive: { length: 1 } }, ratingDelayHours: 24 }),
      );
      time.set(DAY);
      const inFocus = await step(created.id, 'startFocused');
      time.set(DAY + 21 * MIN);
      await expectError(step(created.id, 'startRating'), 'conflict');
      const waiting = await services.experiments.get(me, created.id);
      expect(waiting.status).toMatchObject({
        nextStep: 'startRating',
        endsAt: inFocus.ratingOpensAt,
        due: false,
      });
      expect(waiting.status.headline).toContain('blind rating opens in');
    });

    it('with a rating delay after ending the session early, the status counts down to the opening', async () => {
      const created = await services.experiments.create(
        me,
        weekInput({ phases: { passive: { length: 1 } }, ratingDelayHours: 3 }),
      );
      time.set(DAY);
      await step(created.id, 'startFocused');
      time.set(DAY + 10 * MIN);
      const ended = await step(created.id, 'endFocused');
      expect(ended.ratingOpensAt).toBe(time.at(DAY + 10 * MIN + 3 * HOUR));
      expect(ended.status).toMatchObject({
        nextStep: 'startRating',
        endsAt: time.at(DAY + 10 * MIN + 3 * HOUR),
        msLeft: 3 * HOUR,
        due: false,
      });
      expect(ended.status.headline).toBe('Experiment: blind rating opens in 3 hours');
      await expectError(step(created.id, 'startRating'), 'conflict');
      time.set(DAY + 10 * MIN + 3 * HOUR);
      expect((await services.experiments.get(me, created.id)).status).toMatchObject({ due: true, msLeft: 0 });
      expect((await step(created.id, 'startRating')).state).toBe('rating');
    });

    it('an experiment whose phases caught no ideas still reaches a report that says too little to judge', async () => {
      const created = await services.experiments.create(me, weekInput());
      time.set(2 * DAY);
      await step(created.id, 'startFocused');
      time.set(2 * DAY + 20 * MIN);
      await step(created.id, 'startRating');
      expect(await services.experiments.ratingQueue(me, created.id)).toMatchObject({
        total: 0,
        rated: 0,
        next: null,
      });
      await step(created.id, 'finishTriage');
      await step(created.id, 'report');
      const report = (await services.experiments.report(me, created.id)) as IdeasReport;
      expect(report.phases.map((p) => [p.count, p.totalValue, p.meanValue])).toEqual([
        [0, 0, null],
        [0, 0, null],
      ]);
      expect(report.verdict).toMatchObject({
        outcome: 'unclear',
        trust: 'very-low',
        predictionMatched: null,
      });
    });
  });

  describe('starting', () => {
    it('allows one unfinished experiment: a second start is a conflict naming the first', async () => {
      const first = await services.experiments.create(me, weekInput());
      time.advance(MIN);
      const error = await expectError(services.experiments.create(me, weekInput()), 'conflict');
      expect(error.message).toContain(first.id);
      expect(error.issues).toEqual([{ field: 'activeExperimentId', message: first.id }]);
      // A draft counts as unfinished too.
      expect((await services.experiments.list(me)).map((e) => e.id)).toEqual([first.id]);
      await step(first.id, 'abandon');
      const second = await services.experiments.create(me, weekInput({ start: false }));
      const again = await expectError(services.experiments.create(me, weekInput()), 'conflict');
      expect(again.issues).toEqual([{ field: 'activeExperimentId', message: second.id }]);
      expect((await services.experiments.list(me)).map((e) => e.id)).toEqual([second.id, first.id]);
    });

    it('refuses bad plans with the offending field named, and stores nothing', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [weekInput({ prediction: { ...PREDICTION, favoured: 'both' } }), 'prediction.favoured'],
        [weekInput({ prediction: { ...PREDICTION, text: '   ' } }), 'prediction.text'],
        [weekInput({ templateId: 'no-such-template' }), ''],
        [weekInput({ phases: { passive: { length: 29 } } }), 'phases.passive.length'],
        [weekInput({ phases: { focused: { length: 4 } } }), 'phases.focused.length'],
        [weekInput({ phases: { lunch: { length: 4 } } }), 'phases.lunch'],
        [
          weekInput({ phases: { passive: { length: 2 }, focused: { plannedStart: time.at(DAY) } } }),
          'phases.focused.plannedStart',
        ],
        [weekInput({ ratingDelayHours: 337 }), 'ratingDelayHours'],
        [weekInput({ ratingDelayHours: -1 }), 'ratingDelayHours'],
        [weekInput({ start: 'yes' }), 'start'],
        [weekInput({ measurement: { name: 'interruptions' } }), 'measurement'],
        [{ templateId: BASELINE_VS_CHANGE.id, prediction: PREDICTION }, 'measurement'],
      ];
      for (const [input, field] of cases) {
        if (field === '') {
          await expectError(services.experiments.create(me, input), 'not_found');
          continue;
        }
        const error = await expectError(services.experiments.create(me, input), 'validation');
        expect(fieldsOf(error), JSON.stringify(input)).toContain(field);
      }
      const overlap = await expectError(
        services.experiments.create(
          me,
          weekInput({ phases: { passive: { length: 2 }, focused: { plannedStart: time.at(DAY) } } }),
        ),
        'validation',
      );
      expect(overlap.message).toContain(
        `overlaps the passive phase, which is planned to end at ${time.at(2 * DAY)}`,
      );
      expect(await services.experiments.list(me)).toEqual([]);
      expect(await services.experiments.active(me)).toBeUndefined();
    });

    it('plans a later focused phase where asked, and keeps it when the passive phase starts', async () => {
      const view = await services.experiments.create(
        me,
        weekInput({ phases: { passive: { length: 2 }, focused: { plannedStart: time.at(3 * DAY) } } }),
      );
      expect(view.phases[1]).toMatchObject({
        plannedStart: time.at(3 * DAY),
        plannedEnd: time.at(3 * DAY + 20 * MIN),
      });
    });
  });

  describe('the prediction', () => {
    it('can be revised in a draft until it is locked; a locked prediction is a conflict to change', async () => {
      const draft = await services.experiments.create(me, weekInput({ start: false }));
      expect(draft).toMatchObject({ state: 'draft', prediction: { lockedAt: null } });
      expect(draft.status.nextStep).toBe('lockPrediction');
      await expectError(step(draft.id, 'startPassive'), 'conflict');

      const revised = await services.experiments.revisePrediction(me, draft.id, {
        text: 'No difference at all',
        favoured: 'no-difference',
      });
      expect(revised.prediction).toEqual({
        text: 'No difference at all',
        favoured: 'no-difference',
        byHowMuch: null,
        lockedAt: null,
        seal: null,
      });
      const badRevision = await expectError(
        services.experiments.revisePrediction(me, draft.id, { text: 'x', favoured: 'everything' }),
        'validation',
      );
      expect(fieldsOf(badRevision)).toEqual(['favoured']);

      time.advance(MIN);
      const locked = await step(draft.id, 'lockPrediction');
      expect(locked.prediction.lockedAt).toBe(time.now());
      expect(locked.status.nextStep).toBe('startPassive');
      const error = await expectError(
        services.experiments.revisePrediction(me, draft.id, { text: 'Changed my mind', favoured: 'passive' }),
        'conflict',
      );
      expect(fieldsOf(error)).toEqual(['prediction']);
      await expectError(step(draft.id, 'lockPrediction'), 'conflict');
      expect((await services.experiments.get(me, draft.id)).prediction).toEqual(locked.prediction);

      // Once running, the prediction is out of reach too.
      time.advance(MIN);
      await step(draft.id, 'startPassive');
      await expectError(
        services.experiments.revisePrediction(me, draft.id, { text: 'Changed my mind', favoured: 'passive' }),
        'illegal_transition',
      );
      expect((await services.experiments.get(me, draft.id)).prediction).toEqual(locked.prediction);
    });
  });

  describe('steps', () => {
    it('refuses steps the state does not allow, listing the allowed ones', async () => {
      const view = await services.experiments.create(me, weekInput());
      const error = await expectError(step(view.id, 'report'), 'illegal_transition');
      expect(error.message).toContain('allowed next steps: startFocused, abandon');
      await expectError(step(view.id, 'startPassive'), 'illegal_transition');
      await expectError(step(view.id, 'endFocused'), 'illegal_transition');
      const unknown = await expectError(step(view.id, 'finish'), 'validation');
      expect(fieldsOf(unknown)).toEqual(['action']);
      await expectError(services.experiments.step(me, view.id, { action: 'revisePrediction' }), 'validation');
      await expectError(step('nosuchexperiment', 'abandon'), 'not_found');
    });

    async function driveTo(state: string): Promise<ExperimentView> {
      const start = state !== 'draft' && state !== 'draft-locked';
      const view = await services.experiments.create(me, weekInput({ start }));
      if (state === 'draft-locked') return step(view.id, 'lockPrediction');
      if (state === 'draft' || state === 'passive') return view;
      time.advance(HOUR);
      await services.ideas.capture(me, { text: 'Something to rate' });
      time.advance(DAY);
      const focused = await step(view.id, 'startFocused', me, { early: true });
      if (state === 'focused') return focused;
      time.advance(20 * MIN);
      return step(view.id, 'startRating');
    }

    for (const state of ['draft', 'draft-locked', 'passive', 'focused', 'rating'])
      it(`abandons from ${state}: the running phase closes and a new experiment can start`, async () => {
        const view = await driveTo(state);
        expect(view.allowedSteps).toContain('abandon');
        time.advance(MIN);
        const abandoned = await step(view.id, 'abandon');
        expect(abandoned).toMatchObject({ state: 'abandoned', abandonedAt: time.now(), allowedSteps: [] });
        for (const phase of abandoned.phases) if (phase.startedAt) expect(phase.endedAt).not.toBeNull();
        if (state === 'passive') expect(abandoned.phases[0].endedAt).toBe(time.now());
        if (state === 'focused') expect(abandoned.phases[1].endedAt).toBe(time.now());
        expect(abandoned.status.headline).toBe('Experiment abandoned');
        expect(await services.experiments.active(me)).toBeUndefined();
        for (const action of ['abandon', 'startFocused', 'startRating', 'report'])
          await expectError(step(view.id, action), 'illegal_transition');
        await expectError(services.experiments.ratingQueue(me, view.id), 'conflict');
        await expectError(services.experiments.report(me, view.id), 'conflict');
        await expectError(services.experiments.card(me, view.id, { shareTexts: false }), 'conflict');
        // Still listed, and the next experiment may start.
        expect((await services.experiments.get(me, view.id)).state).toBe('abandoned');
        const next = await services.experiments.create(me, weekInput());
        expect(next.state).toBe('passive');
      });
  });

  describe('privacy between users', () => {
    it('another user can neither see nor touch an experiment, and their ideas stay out of it', async () => {
      await ensureUser(env.store, OTHER, 'Other', time.clock);
      const mine = await services.experiments.create(me, weekInput());
      await ideaAt(HOUR, 'My own passive idea');
      await ideaAt(2 * HOUR, 'Their idea, same time', OTHER);

      const id = mine.id;
      await expectError(services.experiments.get(OTHER, id), 'not_found');
      await expectError(step(id, 'startFocused', OTHER), 'not_found');
      await expectError(step(id, 'abandon', OTHER), 'not_found');
      await expectError(
        services.experiments.revisePrediction(OTHER, id, { text: 'x', favoured: 'passive' }),
        'not_found',
      );
      await expectError(services.experiments.ratingQueue(OTHER, id), 'not_found');
      await expectError(services.experiments.rate(OTHER, id, { token: 'abc', value: 3 }), 'not_found');
      await expectError(services.experiments.report(OTHER, id), 'not_found');
      await expectError(services.experiments.card(OTHER, id, { shareTexts: true }), 'not_found');
      expect(await services.experiments.list(OTHER)).toEqual([]);
      expect(await services.experiments.active(OTHER)).toBeUndefined();

      // The other user may run their own experiment at the same time.
      const theirs = await services.experiments.create(OTHER, weekInput());
      expect(theirs.recorded).toEqual({ passive: 0, focused: 0 });
      await expectError(services.experiments.get(me, theirs.id), 'not_found');

      time.set(2 * DAY);
      await step(id, 'startFocused');
      time.set(2 * DAY + 20 * MIN);
      const rating = await step(id, 'startRating');
      expect(rating.recorded).toEqual({ passive: 1, focused: 0 });
      expect((await repo.items(id)).map((i) => i.text)).toEqual(['My own passive idea']);
      // Their token-guessing cannot rate my items.
      const [item] = await repo.items(id);
      await expectError(services.experiments.rate(OTHER, id, { token: item?.token, value: 5 }), 'not_found');
      expect((await repo.items(id))[0]?.value).toBeNull();
      expect((await services.experiments.get(me, id)).state).toBe('rating');
    });
  });

  describe('a measurement experiment (baseline vs change)', () => {
    const BASELINE = [8, 9, 7, 10, 11];
    const CHANGE = [4, 3, 5, 2, 6];

    async function measure(name: string, value: number, atMs: number) {
      return services.measurements.log(me, { name, value, at: time.at(atMs) });
    }

    it('compares the measurement between the phases; no blind rating; lower is better', async () => {
      const created = await services.experiments.create(me, {
        templateId: BASELINE_VS_CHANGE.id,
        prediction: { text: 'Closing the door halves interruptions', favoured: 'focused' },
        measurement: { name: 'Interruptions', unit: 'per day', better: 'lower' },
        phases: { baseline: { length: 5 }, change: { length: 5 } },
        start: true,
      });
      expect(created).toMatchObject({
        state: 'passive',
        measures: 'measurement',
        measurement: { name: 'Interruptions', unit: 'per day', better: 'lower' },
        recorded: { baseline: 0, change: 0 },
      });

      await measure('Interruptions', 100, -DAY); // before the experiment
      for (const [day, value] of BASELINE.entries())
        await measure(day === 2 ? '  INTERRUPTIONS ' : 'Interruptions', value, day * DAY + HOUR);
      await measure('focus', 3, DAY); // another quantity
      // Ideas are not what this experiment counts.
      await ideaAt(HOUR, 'An idea is no measurement');
      time.set(4 * DAY + 2 * HOUR);
      expect((await services.experiments.get(me, created.id)).recorded).toEqual({ baseline: 5, change: 0 });

      time.set(5 * DAY);
      const change = await step(created.id, 'startFocused');
      expect(change.phases[1]).toMatchObject({ key: 'change', startedAt: time.at(5 * DAY) });
      for (const [day, value] of CHANGE.entries())
        await measure('interruptions', value, 5 * DAY + day * DAY + HOUR);
      await measure('Interruptions', 50, 10 * DAY + HOUR); // after the change phase's planned end
      time.set(9 * DAY + 2 * HOUR);
      expect((await services.experiments.get(me, created.id)).recorded).toEqual({ baseline: 5, change: 5 });

      // Nothing to rate: starting the rating reports at once.
      time.set(10 * DAY + 2 * HOUR);
      const reported = await step(created.id, 'startRating');
      expect(reported).toMatchObject({
        state: 'reported',
        ratingStartedAt: time.now(),
        reportedAt: time.now(),
        recorded: { baseline: 5, change: 5 },
      });
      expect(reported.phases[1].endedAt).toBe(time.at(10 * DAY));
      expect(await services.experiments.active(me)).toBeUndefined();
      await expectError(services.experiments.ratingQueue(me, created.id), 'conflict');
      await expectError(services.experiments.card(me, created.id, { shareTexts: false }), 'conflict');

      const report = (await services.experiments.report(me, created.id)) as MeasurementReportView;
      expect(report.kind).toBe('measurement');
      expect(report.observations).toEqual([
        ...BASELINE.map((value, day) => ({ phase: 'baseline', value, at: time.at(day * DAY + HOUR) })),
        ...CHANGE.map((value, day) => ({ phase: 'change', value, at: time.at(5 * DAY + day * DAY + HOUR) })),
      ]);
      expect(report.report.phases[0]).toMatchObject({ key: 'baseline', n: 5, median: 9, min: 7, max: 11 });
      expect(report.report.phases[0].mean).toBeCloseTo(sum(BASELINE) / 5, 10); // 9
      expect(report.report.phases[1]).toMatchObject({ key: 'change', n: 5, median: 4, min: 2, max: 6 });
      expect(report.report.phases[1].mean).toBeCloseTo(sum(CHANGE) / 5, 10); // 4
      // No ties, and every change value is below every baseline value: U = 0, exact p = 2 / C(10, 5).
      expect(report.report.mannWhitney).toMatchObject({ u: 0, method: 'exact' });
      expect((report.report.mannWhitney as { pValue: number }).pValue).toBeCloseTo(2 / 252, 10);
      expect(report.report.medianDifference?.estimate).toBe(-5);
      // Fewer interruptions is better, so the change helped — as predicted.
      expect(report.report.verdict).toMatchObject({ outcome: 'focused', predictionMatched: true });
      expect(report.report.verdict.summary).toContain('helped');
    });
  });

  describe('pools of result cards', () => {
    it('imports cards all or nothing, counts an identical card once, refuses conflicting or foreign cards', async () => {
      const pool = await services.pools.create(me, { name: '  Lab retreat 2026 ' });
      expect(pool).toMatchObject({
        name: 'Lab retreat 2026',
        templateId: WEEK_VS_20_MINUTES.id,
        templateVersion: WEEK_VS_20_MINUTES.version,
        templateTitle: WEEK_VS_20_MINUTES.title,
        participants: 0,
      });
      const a = makeCard('participant-a', [2, 3], [4, 5, 3]);
      const b = makeCard('participant-b', [1, 1, 2], [2]);
      const c = makeCard('participant-c', [4], [4, 4]);
      const first = await services.pools.importCards(me, pool.id, { cards: [a, b] });
      expect(first).toMatchObject({ added: 2, alreadyInPool: 0, pool: { participants: 2 } });

      // One bad card spoils the batch: the good card in it is not added either.
      const impossible = structuredClone(c) as ResultCard;
      impossible.phases[0].valueSum = 99;
      const bad = await expectError(
        services.pools.importCards(me, pool.id, { cards: [c, impossible] }),
        'validation',
      );
      expect(fieldsOf(bad)).toContain('cards.1.phases.0.valueSum');
      expect((await services.pools.get(me, pool.id)).participants).toBe(2);

      // The same card again counts once, even in the same batch as a new one.
      const again = await services.pools.importCards(me, pool.id, { cards: [a, c, structuredClone(a)] });
      expect(again).toMatchObject({ added: 1, alreadyInPool: 2, pool: { participants: 3 } });

      // A different card from a participant already in the pool is refused, naming the card.
      const changed = makeCard('participant-b', [1, 1, 2], [5]);
      const conflict = await expectError(
        services.pools.importCards(me, pool.id, { cards: [makeCard('participant-d', [3], [3]), changed] }),
        'validation',
      );
      expect(fieldsOf(conflict)).toEqual(['cards.1.participant']);
      expect((await services.pools.get(me, pool.id)).participants).toBe(3);

      // Cards of another template version, or another template, do not fit.
      const newer = await expectError(
        services.pools.importCards(me, pool.id, {
          cards: [makeCard('participant-e', [3], [3], { templateVersion: 2 })],
        }),
        'validation',
      );
      expect(fieldsOf(newer)[0]).toMatch(/^cards\.0\b/);
      expect(newer.message).toMatch(/version/i);
      const foreign = { ...makeCard('participant-f', [3], [3]), templateId: BASELINE_VS_CHANGE.id };
      const other = await expectError(
        services.pools.importCards(me, pool.id, { cards: [foreign] }),
        'validation',
      );
      expect(fieldsOf(other)[0]).toMatch(/^cards\.0\b/);

      // Tampered and truncated cards.
      const tampered = { ...structuredClone(a), participant: 'participant-g' } as ResultCard;
      tampered.phases[1].ratings = [0, 0, 0, 0, 5];
      const tamperedError = await expectError(
        services.pools.importCards(me, pool.id, { cards: [tampered] }),
        'validation',
      );
      expect(fieldsOf(tamperedError)[0]).toMatch(/^cards\.0\.phases\.1\./);
      const { phases: _dropped, ...truncated } = makeCard('participant-h', [3], [3]);
      const truncatedError = await expectError(
        services.pools.importCards(me, pool.id, { cards: [truncated] }),
        'validation',
      );
      expect(fieldsOf(truncatedError)).toContain('cards.0.phases');
      const negative = makeCard('participant-i', [3], [3]);
      negative.phases[0].count = -1;
      const negativeError = await expectError(
        services.pools.importCards(me, pool.id, { cards: [negative] }),
        'validation',
      );
      expect(fieldsOf(negativeError)).toContain('cards.0.phases.0.count');
      await expectError(services.pools.importCards(me, pool.id, { cards: [] }), 'validation');
      expect((await services.pools.get(me, pool.id)).participants).toBe(3);
    });

    it('a pool with few participants reports caveats instead of p-values; with enough, p-values', async () => {
      const pool = await services.pools.create(me, { name: 'Small group' });
      // Differences (focused − passive total value): +5, +3, −1.
      const cards = [
        makeCard('small-aaaa', [2, 3], [4, 3, 3]),
        makeCard('small-bbbb', [1, 2], [3, 3]),
        makeCard('small-cccc', [4, 3], [3, 3]),
      ];
      await services.pools.importCards(me, pool.id, { cards });
      const { analysis, points, phaseLabels } = await services.pools.report(me, pool.id);
      expect(analysis).toMatchObject({
        participants: 3,
        templateId: WEEK_VS_20_MINUTES.id,
        focusedWins: 2,
        passiveWins: 1,
        ties: 0,
      });
      expect([...analysis.differences].sort((x, y) => x - y)).toEqual([-1, 3, 5]);
      expect(analysis.signTest).not.toHaveProperty('pValue');
      expect(analysis.wilcoxon).not.toHaveProperty('pValue');
      expect(analysis.signTest).toMatchObject({
        positive: 2,
        negative: 1,
        caveat: expect.stringContaining('3 pairs'),
      });
      expect(analysis.caveats).toEqual(
        expect.arrayContaining([
          (analysis.signTest as { caveat: string }).caveat,
          (analysis.wilcoxon as { caveat: string }).caveat,
        ]),
      );
      expect(analysis.focusedWinShare?.estimate).toBeCloseTo(2 / 3, 10);
      expect(analysis.medianDifference?.estimate).toBe(3);
      expect(phaseLabels).toEqual(['A week of noticing', 'One focused session']);
      expect([...points].sort((x, y) => x.participant.localeCompare(y.participant))).toEqual([
        { participant: 'small-aaaa', passive: 5, focused: 10 },
        { participant: 'small-bbbb', passive: 3, focused: 6 },
        { participant: 'small-cccc', passive: 7, focused: 6 },
      ]);

      // Six participants who all did better focused: both exact tests give p = 2/2^6.
      const big = await services.pools.create(me, { name: 'Six of six' });
      await services.pools.importCards(me, big.id, {
        cards: [1, 2, 3, 4, 5, 6].map((k) => makeCard(`six-of-six-${k}`, [1], Array(k).fill(2))),
      });
      const full = await services.pools.report(me, big.id);
      expect(full.analysis.focusedWins).toBe(6);
      expect((full.analysis.signTest as { pValue: number }).pValue).toBeCloseTo(2 / 64, 12);
      expect((full.analysis.wilcoxon as { pValue: number }).pValue).toBeCloseTo(2 / 64, 12);
      // The same pool always gives the same report (the bootstrap is seeded by the pool).
      expect(await services.pools.report(me, big.id)).toEqual(full);
    });

    it("takes a card exported from one's own finished experiment, and keeps pools private", async () => {
      const created = await services.experiments.create(me, weekInput());
      await ideaAt(HOUR, 'Passive alpha');
      await ideaAt(2 * HOUR, 'Passive beta');
      time.set(2 * DAY);
      await step(created.id, 'startFocused');
      await ideaAt(2 * DAY + MIN, 'Focused gamma');
      time.set(2 * DAY + 20 * MIN);
      await step(created.id, 'startRating');
      await rateAll(created.id, (text) => (text.startsWith('Focused') ? 5 : 2));
      await step(created.id, 'report');
      const card = await services.experiments.card(me, created.id, { shareTexts: true });
      expect(card.phases.map((p) => p.valueSum)).toEqual([4, 5]);

      const pool = await services.pools.create(me, { name: 'Mine' });
      // Exported as a file and read back.
      const imported = await services.pools.importCards(me, pool.id, {
        cards: [JSON.parse(JSON.stringify(card))],
      });
      expect(imported).toMatchObject({ added: 1, pool: { participants: 1 } });
      expect((await services.pools.report(me, pool.id)).points).toEqual([
        { participant: card.participant, passive: 4, focused: 5 },
      ]);
      const sameAgain = await services.pools.importCards(me, pool.id, {
        cards: [await services.experiments.card(me, created.id, { shareTexts: true })],
      });
      expect(sameAgain).toMatchObject({ added: 0, alreadyInPool: 1 });

      await ensureUser(env.store, OTHER, 'Other', time.clock);
      await expectError(services.pools.get(OTHER, pool.id), 'not_found');
      await expectError(services.pools.report(OTHER, pool.id), 'not_found');
      await expectError(services.pools.importCards(OTHER, pool.id, { cards: [card] }), 'not_found');
      expect(await services.pools.list(OTHER)).toEqual([]);
      expect((await services.pools.list(me)).map((p) => p.id)).toEqual([pool.id]);
    });

    it('refuses a pool for a template that does not rate ideas, and a nameless pool', async () => {
      const error = await expectError(
        services.pools.create(me, { name: 'Interruptions', templateId: BASELINE_VS_CHANGE.id }),
        'validation',
      );
      expect(fieldsOf(error)).toEqual(['templateId']);
      expect(fieldsOf(await expectError(services.pools.create(me, { name: '  ' }), 'validation'))).toEqual([
        'name',
      ]);
      expect(await services.pools.list(me)).toEqual([]);
    });
  });
});
