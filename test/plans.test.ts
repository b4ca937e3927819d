/**
 * Plans and deliberate practice through the services on both engines: an idea carried through a
 * plan, practice and a review to a kept (or dropped, or adjusted) change; bad input refused with
 * the field named and nothing written; the weekly review's numbers, the dashboard and the calendar
 * feed hand-checked against data created at controlled times in the person's zone.
 */
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Idea } from '../src/core/ideas.js';
import { datesBetween } from '../src/core/local-date.js';
import { WEEKLY_REVIEW_PROMPTS } from '../src/core/plans/review.js';
import type { Services } from '../src/services/app.js';
import { type Actor, LOCAL_ACTOR } from '../src/services/context.js';
import type { PlanView } from '../src/services/plan.service.js';
import { systemTimeZone } from '../src/services/settings.service.js';
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
import { weekInput } from './support/experiments.js';

// A Monday.
const START = '2026-03-02T09:00:00.000Z';

const practicePlan = (extra: Record<string, unknown> = {}) => ({
  title: 'Summarise one paper a week',
  kind: 'practice',
  subSkill: 'reading',
  nextAction: 'Pick the paper for Tuesday',
  cadence: '3x30/week',
  successSignal: 'A summary in under an hour',
  reviewOn: '2026-03-16',
  ...extra,
});

const processPlan = (extra: Record<string, unknown> = {}) => ({
  title: 'No e-mail before noon',
  kind: 'process',
  nextAction: 'Turn off mail notifications',
  successSignal: 'Two focused mornings a week',
  reviewOn: '2026-03-16',
  ...extra,
});

interface ParsedEvent {
  uid: string;
  summary: string;
  allDay: boolean;
  start: string;
  end: string;
  startDate: string;
}

/** Parses an ICS text with ical.js, a parser independent of the generator. */
function parseIcs(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      allDay: event.startDate.isDate,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      startDate: event.startDate.toString().slice(0, 10),
    };
  });
}

describe.each(ENGINES)('plans and practice on %s', (engine) => {
  let env: TestEnv;
  let time: ManualClock;
  let services: Services;
  const me = LOCAL_ACTOR;

  beforeEach(async () => {
    time = manualClock(START);
    env = await openEnv(engine, time.clock);
    services = env.services;
    await services.settings.update(me, { timeZone: 'UTC' });
  });

  afterEach(async () => {
    await env.cleanup();
  });

  /** Moves the clock to an ISO instant (forwards or back). */
  const setTime = (iso: string) => time.set(Date.parse(iso) - Date.parse(START));

  async function idea(text: string, source = 'noticed', actor: Actor = me): Promise<Idea> {
    return services.ideas.capture(actor, { text, source });
  }

  const status = async (id: string, actor: Actor = me) => (await services.ideas.get(actor, id)).status;

  /** Everything that a refused write must leave untouched. */
  async function written(actor: Actor = me) {
    return {
      plans: await services.plans.list(actor),
      practice: await services.practice.list(actor),
      interruptions: await services.practice.interruptions(actor),
      reviews: await services.reviews.history(actor),
    };
  }

  describe('from an idea to a reviewed change', () => {
    it('plan -> planned, first practice -> trying, review keep -> adopted', async () => {
      const summary = await idea('Practise summarising papers');
      const plan = await services.plans.create(
        me,
        practicePlan({ ideaIds: [summary.id], exerciseId: 'reading-one-page-summary' }),
      );
      expect(plan).toMatchObject({
        state: 'active',
        kind: 'practice',
        subSkill: 'reading',
        areaId: 'reading',
        exerciseId: 'reading-one-page-summary',
        cadence: { perWeek: 3, minutes: 30, at: '09:00' },
        cadenceText: '3 × 30 min a week',
        ideaIds: [summary.id],
        ideas: [{ id: summary.id, text: summary.text, status: 'planned' }],
        practice: { blocks: 0, minutes: 0, lastAt: null },
        reviewDue: false,
        allowedActions: ['startReview'],
        reviews: [],
        createdAt: START,
        decidedAt: null,
      });
      expect(plan.exercise?.id).toBe('reading-one-page-summary');
      expect(await status(summary.id)).toBe('planned');
      expect((await services.plans.forIdea(me, summary.id)).map((p) => p.id)).toEqual([plan.id]);

      time.advance(3_600_000);
      const block = await services.practice.log(me, {
        planId: plan.id,
        minutes: 30,
        difficulty: 3,
        note: '  Took 50 minutes  ',
      });
      expect(block).toMatchObject({
        planId: plan.id,
        // Practice of a plan counts as the plan's exercise.
        exerciseId: 'reading-one-page-summary',
        minutes: 30,
        difficulty: 3,
        note: 'Took 50 minutes',
        at: time.now(),
      });
      expect(await status(summary.id)).toBe('trying');
      time.advance(3_600_000);
      await services.practice.log(me, { planId: plan.id, minutes: 45 });
      expect(await status(summary.id)).toBe('trying');
      expect((await services.plans.get(me, plan.id)).practice).toEqual({
        blocks: 2,
        minutes: 75,
        lastAt: time.now(),
      });

      setTime('2026-03-16T08:00:00.000Z');
      expect((await services.plans.get(me, plan.id)).reviewDue).toBe(true);
      const kept = await services.plans.review(me, plan.id, {
        decision: 'keep',
        answers: [{ promptId: 'signal', text: 'Two summaries took under an hour' }],
        note: 'Part of my week now',
      });
      expect(kept).toMatchObject({
        state: 'kept',
        decidedAt: time.now(),
        allowedActions: [],
        reviewDue: false,
        ideas: [{ id: summary.id, status: 'adopted' }],
      });
      expect(kept.reviews).toEqual([
        {
          id: expect.any(String),
          planId: plan.id,
          answers: [{ promptId: 'signal', text: 'Two summaries took under an hour' }],
          decision: 'keep',
          note: 'Part of my week now',
          reviewOn: '2026-03-16',
          newReviewOn: null,
          newCadence: null,
          newNextAction: null,
          createdAt: time.now(),
        },
      ]);
      expect(await status(summary.id)).toBe('adopted');
      // A kept plan is final.
      await expectError(services.plans.step(me, plan.id, { action: 'startReview' }), 'illegal_transition');
      await expectError(services.plans.update(me, plan.id, { title: 'Another' }), 'conflict');
    });

    it('a plan kept without any practice still adopts its idea', async () => {
      const mail = await idea('Mail only after lunch');
      const plan = await services.plans.create(me, processPlan({ ideaIds: [mail.id] }));
      await services.plans.review(me, plan.id, { decision: 'keep' });
      expect(await status(mail.id)).toBe('adopted');
    });

    it('drops an idea only when every plan for it was dropped', async () => {
      const focus = await idea('Protect the mornings');
      const other = await idea('Unrelated idea');
      const first = await services.plans.create(me, processPlan({ ideaIds: [focus.id] }));
      const second = await services.plans.create(
        me,
        processPlan({ title: 'Headphones on until 11', kind: 'environment', ideaIds: [focus.id, other.id] }),
      );
      await services.plans.review(me, first.id, { decision: 'drop' });
      expect(await status(focus.id)).toBe('planned');
      expect((await services.plans.get(me, first.id)).state).toBe('dropped');

      await services.plans.step(me, second.id, { action: 'startReview' });
      expect(await status(focus.id)).toBe('planned');
      await services.plans.review(me, second.id, { decision: 'drop', note: 'Did not help' });
      expect(await status(focus.id)).toBe('dropped');
      expect(await status(other.id)).toBe('dropped');
    });

    it('one kept plan adopts the idea even when another is dropped', async () => {
      const shared = await idea('Write every morning');
      const a = await services.plans.create(me, processPlan({ ideaIds: [shared.id] }));
      const b = await services.plans.create(me, processPlan({ title: 'Other plan', ideaIds: [shared.id] }));
      await services.plans.review(me, a.id, { decision: 'keep' });
      await services.plans.review(me, b.id, { decision: 'drop' });
      expect(await status(shared.id)).toBe('adopted');
    });

    it('adjust with a new date puts the plan back to work with the new cadence', async () => {
      const reading = await idea('Read more papers');
      const plan = await services.plans.create(me, practicePlan({ ideaIds: [reading.id] }));
      setTime('2026-03-16T10:00:00.000Z');
      const adjusted = await services.plans.review(me, plan.id, {
        decision: 'adjust',
        answers: [{ promptId: 'obstacles', text: 'Three blocks never fitted' }],
        reviewOn: '2026-04-13',
        cadence: 'weekdays 20 at 07:30',
        nextAction: 'Read before opening mail',
      });
      expect(adjusted).toMatchObject({
        state: 'active',
        reviewOn: '2026-04-13',
        cadence: { rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', minutes: 20, at: '07:30', perWeek: null },
        cadenceText: '5 × 20 min a week (weekdays at 07:30)',
        nextAction: 'Read before opening mail',
        decidedAt: time.now(),
        allowedActions: ['startReview'],
      });
      expect(adjusted.reviews.at(-1)).toMatchObject({
        decision: 'adjust',
        reviewOn: '2026-03-16',
        newReviewOn: '2026-04-13',
        newCadence: { minutes: 20, at: '07:30' },
        newNextAction: 'Read before opening mail',
      });

      // Without a date the plan waits in `adjusted` until it is resumed.
      time.advance(60_000);
      const waiting = await services.plans.review(me, plan.id, { decision: 'adjust' });
      expect(waiting).toMatchObject({ state: 'adjusted', allowedActions: ['resume'] });
      // A plan waiting in `adjusted` counts as trying its idea.
      expect(await status(reading.id)).toBe('trying');
      await expectError(services.plans.resume(me, plan.id, { reviewOn: '2026-03-01' }), 'validation');
      const resumed = await services.plans.resume(me, plan.id, {
        reviewOn: '2026-05-01',
        cadence: 'daily 15',
      });
      expect(resumed).toMatchObject({
        state: 'active',
        reviewOn: '2026-05-01',
        cadence: { rule: 'FREQ=DAILY', minutes: 15 },
      });
      expect(await status(reading.id)).toBe('trying');
    });

    it('refuses illegal review steps and leaves the plan as it was', async () => {
      const plan = await services.plans.create(me, processPlan());
      const unknownAction = await expectError(
        services.plans.step(me, plan.id, { action: 'keep' }),
        'validation',
      );
      expect(fieldsOf(unknownAction)).toEqual(['action']);
      const cancel = await expectError(
        services.plans.step(me, plan.id, { action: 'cancelReview' }),
        'illegal_transition',
      );
      expect(fieldsOf(cancel)).toEqual(['state']);
      expect(cancel.message).toContain('allowed next steps: startReview');
      await expectError(services.plans.resume(me, plan.id, { reviewOn: '2026-04-01' }), 'illegal_transition');
      const dateWithKeep = await expectError(
        services.plans.review(me, plan.id, { decision: 'keep', reviewOn: '2026-04-01' }),
        'validation',
      );
      expect(fieldsOf(dateWithKeep)).toEqual(['reviewOn']);
      const cadenceWithoutDate = await expectError(
        services.plans.review(me, plan.id, { decision: 'adjust', cadence: 'daily 20' }),
        'validation',
      );
      expect(fieldsOf(cadenceWithoutDate)).toEqual(['reviewOn']);
      const badDecision = await expectError(
        services.plans.review(me, plan.id, { decision: 'maybe' }),
        'validation',
      );
      expect(fieldsOf(badDecision)).toEqual(['decision']);
      const badPrompt = await expectError(
        services.plans.review(me, plan.id, { decision: 'keep', answers: [{ promptId: 'nope', text: 'x' }] }),
        'validation',
      );
      expect(fieldsOf(badPrompt)).toEqual(['answers.0.promptId']);
      const unchanged = await services.plans.get(me, plan.id);
      expect(unchanged).toMatchObject({ state: 'active', reviews: [], updatedAt: plan.updatedAt });

      await services.plans.step(me, plan.id, { action: 'startReview' });
      const again = await expectError(
        services.plans.step(me, plan.id, { action: 'startReview' }),
        'illegal_transition',
      );
      expect(again.message).toContain('the plan is reviewing');
      expect((await services.plans.step(me, plan.id, { action: 'cancelReview' })).state).toBe('active');
      await services.plans.review(me, plan.id, { decision: 'drop' });
      await expectError(services.plans.review(me, plan.id, { decision: 'keep' }), 'illegal_transition');
      expect((await services.plans.get(me, plan.id)).reviews).toHaveLength(1);
    });

    it('edits an open plan; a practice routine keeps a cadence', async () => {
      const plan = await services.plans.create(me, practicePlan());
      time.advance(60_000);
      const edited = await services.plans.update(me, plan.id, {
        title: 'Summarise two papers a week',
        cadence: 'MO,TH 45',
      });
      expect(edited).toMatchObject({
        title: 'Summarise two papers a week',
        cadence: { rule: 'FREQ=WEEKLY;BYDAY=MO,TH', minutes: 45, perWeek: null },
        updatedAt: time.now(),
      });
      const noCadence = await expectError(
        services.plans.update(me, plan.id, { cadence: null }),
        'validation',
      );
      expect(fieldsOf(noCadence)).toEqual(['cadence']);
      const past = await expectError(
        services.plans.update(me, plan.id, { reviewOn: '2026-03-01' }),
        'validation',
      );
      expect(fieldsOf(past)).toEqual(['reviewOn']);
      expect((await services.plans.get(me, plan.id)).title).toBe('Summarise two papers a week');
      await expectError(services.plans.get(me, 'nosuchplan'), 'not_found');
      await expectError(services.plans.update(me, 'nosuchplan', { title: 'x' }), 'not_found');
    });

    it('unlinks a deleted idea from its plans; the plan can still be edited with its own idea list', async () => {
      const kept = await idea('Still here');
      const gone = await idea('Deleted later');
      const plan = await services.plans.create(me, processPlan({ ideaIds: [kept.id, gone.id] }));
      await services.ideas.remove(me, gone.id);
      const view = await services.plans.get(me, plan.id);
      expect(view.ideas.map((i) => i.id)).toEqual([kept.id]);
      expect(view.ideaIds).toEqual([kept.id]);
      expect((await services.plans.forIdea(me, gone.id)).map((p) => p.id)).toEqual([]);
      // A stale list that still names the deleted idea is refused at that idea; the plan's own list works.
      const stale = await expectError(
        services.plans.update(me, plan.id, { ideaIds: [kept.id, gone.id], title: 'Renamed' }),
        'validation',
      );
      expect(fieldsOf(stale)).toEqual(['ideaIds.1']);
      const edited = await services.plans.update(me, plan.id, { ideaIds: view.ideaIds, title: 'Renamed' });
      expect(edited).toMatchObject({ title: 'Renamed', ideas: [{ id: kept.id }] });
      // A deleted idea cannot be linked anew, and the index named is the one in the input.
      const other = await services.plans.create(me, processPlan({ title: 'Other' }));
      const error = await expectError(
        services.plans.update(me, other.id, { ideaIds: [kept.id, kept.id, gone.id] }),
        'validation',
      );
      expect(fieldsOf(error)).toEqual(['ideaIds.2']);
    });

    it('lists plans by review date and filters by state', async () => {
      const later = await services.plans.create(me, processPlan({ title: 'Later', reviewOn: '2026-04-01' }));
      const sooner = await services.plans.create(
        me,
        processPlan({ title: 'Sooner', reviewOn: '2026-03-10' }),
      );
      const dropped = await services.plans.create(me, processPlan({ title: 'Gone', reviewOn: '2026-03-05' }));
      await services.plans.review(me, dropped.id, { decision: 'drop' });
      const ids = async (filter?: { state?: string }) =>
        (await services.plans.list(me, filter)).map((p: PlanView) => p.id);
      expect(await ids()).toEqual([dropped.id, sooner.id, later.id]);
      expect(await ids({ state: 'open' })).toEqual([sooner.id, later.id]);
      expect(await ids({ state: 'dropped' })).toEqual([dropped.id]);
      expect(await ids({ state: 'all' })).toHaveLength(3);
      const typo = await expectError(services.plans.list(me, { state: 'droped' }), 'validation');
      expect(fieldsOf(typo)).toEqual(['state']);
    });
  });

  describe('bad input: a clear error naming the field, and nothing written', () => {
    it("refuses a plan linked to another user's idea", async () => {
      await ensureUser(env.store, OTHER, 'Other', time.clock);
      const theirs = await idea('Their private idea', 'noticed', OTHER);
      const mine = await idea('My idea');
      const before = await written();

      const error = await expectError(
        services.plans.create(me, processPlan({ ideaIds: [theirs.id] })),
        'validation',
      );
      expect(fieldsOf(error)).toEqual(['ideaIds.0']);
      expect(error.message).not.toContain(theirs.text);
      const mixed = await expectError(
        services.plans.create(me, processPlan({ ideaIds: [mine.id, theirs.id] })),
        'validation',
      );
      expect(fieldsOf(mixed)).toEqual(['ideaIds.1']);
      const repeated = await expectError(
        services.plans.create(me, processPlan({ ideaIds: [mine.id, mine.id, theirs.id] })),
        'validation',
      );
      expect(fieldsOf(repeated)).toEqual(['ideaIds.2']);

      expect(await written()).toEqual(before);
      expect(await status(mine.id)).toBe('new');
      expect(await status(theirs.id, OTHER)).toBe('new');
      expect(await services.plans.forIdea(me, theirs.id)).toEqual([]);
      expect(await services.plans.forIdea(OTHER, theirs.id)).toEqual([]);

      // Nor can an existing plan be re-linked to it, and the other user cannot see my plan.
      const plan = await services.plans.create(me, processPlan({ ideaIds: [mine.id] }));
      const relink = await expectError(
        services.plans.update(me, plan.id, { ideaIds: [mine.id, theirs.id] }),
        'validation',
      );
      expect(fieldsOf(relink)).toEqual(['ideaIds.1']);
      expect((await services.plans.get(me, plan.id)).ideaIds).toEqual([mine.id]);
      await expectError(services.plans.get(OTHER, plan.id), 'not_found');
      await expectError(services.plans.review(OTHER, plan.id, { decision: 'drop' }), 'not_found');
      expect((await services.plans.get(me, plan.id)).state).toBe('active');
      expect(await services.plans.list(OTHER)).toEqual([]);
    });

    it('refuses an unknown or archived area', async () => {
      const unknown = await expectError(
        services.plans.create(me, processPlan({ areaId: 'astrology' })),
        'validation',
      );
      expect(fieldsOf(unknown)).toEqual(['areaId']);
      await services.areas.update(me, 'energy', { archived: true });
      const archived = await expectError(
        services.plans.create(me, processPlan({ areaId: 'energy' })),
        'validation',
      );
      expect(fieldsOf(archived)).toEqual(['areaId']);
      expect(archived.message).toContain('archived');
      expect(await services.plans.list(me)).toEqual([]);
      expect((await services.plans.create(me, processPlan({ areaId: 'environment' }))).areaId).toBe(
        'environment',
      );
    });

    it('refuses a cadence it cannot read, and a practice routine without one', async () => {
      for (const cadence of ['whenever I feel like it', 'FREQ=YEARLY', '3x500/week']) {
        const error = await expectError(services.plans.create(me, practicePlan({ cadence })), 'validation');
        expect(fieldsOf(error), cadence).toEqual(['cadence']);
      }
      const none = await expectError(
        services.plans.create(me, practicePlan({ cadence: null })),
        'validation',
      );
      expect(fieldsOf(none)).toEqual(['cadence']);
      const nothingToPractise = await expectError(
        services.plans.create(me, practicePlan({ subSkill: undefined })),
        'validation',
      );
      expect(fieldsOf(nothingToPractise)).toEqual(['subSkill']);
      const unknownExercise = await expectError(
        services.plans.create(me, practicePlan({ exerciseId: 'no-such-exercise' })),
        'validation',
      );
      expect(fieldsOf(unknownExercise)).toEqual(['exerciseId']);
      const missing = await expectError(services.plans.create(me, { kind: 'practice' }), 'validation');
      expect(fieldsOf(missing)).toEqual(
        expect.arrayContaining(['title', 'nextAction', 'successSignal', 'reviewOn']),
      );
      expect(await services.plans.list(me)).toEqual([]);
    });

    it("checks the review date in the user's own zone", async () => {
      // 11:30 UTC on Monday 2 March is already 00:30 on Tuesday 3 March in Auckland (UTC+13).
      setTime('2026-03-02T11:30:00.000Z');
      const utc = await services.plans.create(me, processPlan({ reviewOn: '2026-03-02' }));
      expect(utc.reviewDue).toBe(true);

      await services.settings.update(me, { timeZone: 'Pacific/Auckland' });
      const past = await expectError(
        services.plans.create(me, processPlan({ reviewOn: '2026-03-02' })),
        'validation',
      );
      expect(fieldsOf(past)).toEqual(['reviewOn']);
      expect(past.message).toContain('today is 2026-03-03 in Pacific/Auckland');
      expect(await services.plans.list(me)).toHaveLength(1);
      expect((await services.plans.create(me, processPlan({ reviewOn: '2026-03-03' }))).reviewOn).toBe(
        '2026-03-03',
      );
      const tooFar = await expectError(
        services.plans.create(me, processPlan({ reviewOn: '2027-06-01' })),
        'validation',
      );
      expect(fieldsOf(tooFar)).toEqual(['reviewOn']);
      const notADate = await expectError(
        services.plans.create(me, processPlan({ reviewOn: '2026-02-30' })),
        'validation',
      );
      expect(fieldsOf(notADate)).toEqual(['reviewOn']);
    });

    it('refuses absurd practice blocks and practice for a plan that is not there', async () => {
      const plan = await services.plans.create(me, practicePlan());
      const before = await written();
      for (const minutes of [2000, 0, -30, 12.5, '30']) {
        const error = await expectError(
          services.practice.log(me, { planId: plan.id, minutes }),
          'validation',
        );
        expect(fieldsOf(error), String(minutes)).toEqual(['minutes']);
      }
      const unknownPlan = await expectError(
        services.practice.log(me, { planId: 'nosuchplan', minutes: 30 }),
        'validation',
      );
      expect(fieldsOf(unknownPlan)).toEqual(['planId']);
      await ensureUser(env.store, OTHER, 'Other', time.clock);
      const theirs = await expectError(
        services.practice.log(OTHER, { planId: plan.id, minutes: 30 }),
        'validation',
      );
      expect(fieldsOf(theirs)).toEqual(['planId']);
      const difficulty = await expectError(
        services.practice.log(me, { planId: plan.id, minutes: 30, difficulty: 6 }),
        'validation',
      );
      expect(fieldsOf(difficulty)).toEqual(['difficulty']);
      const future = await expectError(
        services.practice.log(me, { minutes: 30, at: '2026-03-02T10:00:00Z' }),
        'validation',
      );
      expect(fieldsOf(future)).toEqual(['at']);
      const exercise = await expectError(
        services.practice.log(me, { minutes: 30, exerciseId: 'not-an-exercise' }),
        'validation',
      );
      expect(fieldsOf(exercise)).toEqual(['exerciseId']);
      expect(await written()).toEqual(before);
      expect(await services.practice.list(OTHER)).toEqual([]);
    });
  });

  describe('practice logs, exercises and interruptions', () => {
    it('logs practice outside a plan, lists by time window and deletes', async () => {
      setTime('2026-03-02T12:00:00.000Z');
      const a = await services.practice.log(me, {
        minutes: 25,
        exerciseId: 'coding-rewrite-from-memory',
        at: '2026-03-02T09:30:00Z',
      });
      const b = await services.practice.log(me, { minutes: 40, at: '2026-03-02T11:15:00+01:00' });
      const c = await services.practice.log(me, { minutes: 10 });
      expect(a).toMatchObject({ planId: null, exerciseId: 'coding-rewrite-from-memory', difficulty: null });
      // Stored as UTC with milliseconds whatever offset it was given with.
      expect(b.at).toBe('2026-03-02T10:15:00.000Z');
      expect((await services.practice.list(me)).map((l) => l.id)).toEqual([a.id, b.id, c.id]);
      const window = await services.practice.list(me, {
        from: '2026-03-02T09:30:00.000Z',
        to: '2026-03-02T12:00:00.000Z',
      });
      expect(window.map((l) => l.id)).toEqual([a.id, b.id]);

      await ensureUser(env.store, OTHER, 'Other', time.clock);
      await expectError(services.practice.remove(OTHER, a.id), 'not_found');
      await services.practice.remove(me, a.id);
      await expectError(services.practice.remove(me, a.id), 'not_found');
      expect((await services.practice.list(me)).map((l) => l.id)).toEqual([b.id, c.id]);
    });

    it('reads a time window given with any offset as the instants it names', async () => {
      setTime('2026-03-02T12:00:00.000Z');
      const inside = await services.practice.log(me, { minutes: 20, at: '2026-03-02T09:30:00Z' });
      await services.practice.log(me, { minutes: 20, at: '2026-03-02T08:30:00Z' });
      // 10:00+01:00 is 09:00 UTC and 11:00+01:00 is 10:00 UTC: the 09:30 block lies between.
      const practice = await services.practice.list(me, {
        from: '2026-03-02T10:00:00+01:00',
        to: '2026-03-02T11:00:00+01:00',
      });
      expect(practice.map((l) => l.id)).toEqual([inside.id]);
      const interruption = await services.practice.interrupt(me, { at: '2026-03-02T09:00:00Z' });
      // An instant without milliseconds is the same instant as the stored one with them.
      const exact = await services.practice.interruptions(me, {
        from: '2026-03-02T09:00:00Z',
        to: '2026-03-02T09:00:01Z',
      });
      expect(exact.map((i) => i.id)).toEqual([interruption.id]);
      const bad = await expectError(services.practice.list(me, { from: 'yesterday' }), 'validation');
      expect(fieldsOf(bad)).toEqual(['from']);
      const badTo = await expectError(
        services.practice.interruptions(me, { to: '2026-13-01' }),
        'validation',
      );
      expect(fieldsOf(badTo)).toEqual(['to']);
    });

    it('offers the built-in library and the own exercises a plan can use', async () => {
      const builtin = await services.exercises.list(me);
      expect(builtin.length).toBeGreaterThan(8);
      expect(builtin.every((e) => e.builtin)).toBe(true);
      expect(services.exercises.subSkills().map((s) => s.id)).toContain('reading');
      const writing = await services.exercises.list(me, { subSkill: 'writing' });
      expect(writing.length).toBeGreaterThan(0);
      expect(writing.every((e) => e.subSkill === 'writing')).toBe(true);

      const own = await services.exercises.create(me, {
        subSkill: 'statistics',
        title: 'Derive a test by hand',
        instructions: 'Pick a test you used this week and derive its statistic on paper.',
      });
      expect(own).toMatchObject({ id: expect.stringMatching(/^own-/), builtin: false, minutes: 30 });
      expect((await services.exercises.list(me, { subSkill: 'statistics' })).map((e) => e.id)).toEqual([
        own.id,
      ]);
      const bad = await expectError(
        services.exercises.create(me, { subSkill: 'Stats!', title: '' }),
        'validation',
      );
      expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['subSkill', 'title', 'instructions']));

      const plan = await services.plans.create(me, practicePlan({ subSkill: undefined, exerciseId: own.id }));
      expect(plan).toMatchObject({ subSkill: 'statistics', areaId: null, exercise: { id: own.id } });

      await ensureUser(env.store, OTHER, 'Other', time.clock);
      expect((await services.exercises.list(OTHER)).some((e) => e.id === own.id)).toBe(false);
      const notTheirs = await expectError(
        services.plans.create(OTHER, practicePlan({ subSkill: undefined, exerciseId: own.id })),
        'validation',
      );
      expect(fieldsOf(notTheirs)).toEqual(['exerciseId']);
    });

    it('logs interruptions with and without a reason or duration', async () => {
      setTime('2026-03-02T15:00:00.000Z');
      const bare = await services.practice.interrupt(me, undefined);
      expect(bare).toMatchObject({ at: time.now(), reason: null, durationMinutes: null });
      const slack = await services.practice.interrupt(me, {
        reason: '  Slack ping  ',
        durationMinutes: 12,
        at: '2026-03-02T14:00:00Z',
      });
      expect(slack).toMatchObject({
        reason: 'Slack ping',
        durationMinutes: 12,
        at: '2026-03-02T14:00:00.000Z',
      });
      time.advance(60_000);
      const blank = await services.practice.interrupt(me, { reason: '' });
      expect(blank.reason).toBeNull();
      expect((await services.practice.interruptions(me)).map((i) => i.id)).toEqual([
        slack.id,
        bare.id,
        blank.id,
      ]);

      for (const durationMinutes of [0, 1000, 2.5]) {
        const error = await expectError(services.practice.interrupt(me, { durationMinutes }), 'validation');
        expect(fieldsOf(error)).toEqual(['durationMinutes']);
      }
      const future = await expectError(
        services.practice.interrupt(me, { at: '2026-03-03T15:00:00Z' }),
        'validation',
      );
      expect(fieldsOf(future)).toEqual(['at']);
      const unknownField = await expectError(services.practice.interrupt(me, { why: 'x' }), 'validation');
      expect(fieldsOf(unknownField)).toEqual(['why']);
      expect(await services.practice.interruptions(me)).toHaveLength(3);

      await ensureUser(env.store, OTHER, 'Other', time.clock);
      expect(await services.practice.interruptions(OTHER)).toEqual([]);
      await expectError(services.practice.removeInterruption(OTHER, slack.id), 'not_found');
      await services.practice.removeInterruption(me, slack.id);
      expect((await services.practice.interruptions(me)).map((i) => i.id)).toEqual([bare.id, blank.id]);
    });
  });

  describe('the weekly review', () => {
    /**
     * The week of Monday 9 March 2026 in Berlin (UTC+1): it runs from 2026-03-08T23:00Z to
     * 2026-03-15T23:00Z. Data on both sides of both edges.
     */
    async function berlinWeek() {
      await services.settings.update(me, { timeZone: 'Europe/Berlin' });
      setTime('2026-03-02T09:00:00.000Z');
      const daily = await services.plans.create(me, practicePlan({ reviewOn: '2026-03-13' }));
      const mail = await services.plans.create(me, processPlan({ reviewOn: '2026-04-20' }));
      setTime('2026-03-08T22:30:00.000Z'); // Sunday 23:30 in Berlin: the week before
      await idea('Before the week', 'noticed');
      setTime('2026-03-08T23:30:00.000Z'); // Monday 00:30 in Berlin
      await idea('Monday, just after midnight', 'noticed');
      setTime('2026-03-10T10:00:00.000Z');
      await idea('From a chat with Ana', 'conversation');
      setTime('2026-03-11T12:00:00.000Z');
      const writing = await services.plans.create(
        me,
        practicePlan({
          title: 'Write 20 minutes',
          subSkill: 'writing',
          cadence: 'MO,WE,FR 20',
          reviewOn: '2026-04-01',
        }),
      );
      setTime('2026-03-14T12:00:00.000Z');
      await idea('While reviewing last month', 'review');
      setTime('2026-03-15T23:30:00.000Z'); // Monday 16th 00:30 in Berlin: the week after
      await idea('After the week', 'session');

      setTime('2026-03-16T08:00:00.000Z');
      const log = (planId: string | null, minutes: number, at: string) =>
        services.practice.log(me, {
          ...(planId ? { planId } : { exerciseId: 'writing-one-claim-paragraph' }),
          minutes,
          at,
        });
      await log(daily.id, 15, '2026-03-08T23:10:00Z'); // Monday 00:10 in Berlin: in
      await log(daily.id, 30, '2026-03-09T08:00:00Z');
      await log(daily.id, 45, '2026-03-12T10:00:00Z');
      await log(daily.id, 20, '2026-03-15T23:30:00Z'); // Monday 16th in Berlin: out
      await log(daily.id, 60, '2026-03-08T22:50:00Z'); // Sunday 8th in Berlin: out
      await log(writing.id, 20, '2026-03-13T07:00:00Z');
      await log(null, 25, '2026-03-14T09:00:00Z');
      const interrupt = (at: string, durationMinutes?: number) =>
        services.practice.interrupt(me, durationMinutes === undefined ? { at } : { at, durationMinutes });
      await interrupt('2026-03-10T09:15:00Z', 10);
      await interrupt('2026-03-10T13:00:00Z');
      await interrupt('2026-03-15T22:59:00Z', 5); // Sunday 23:59 in Berlin: in
      await interrupt('2026-03-15T23:05:00Z', 30); // Monday 16th: out
      await interrupt('2026-03-08T22:00:00Z', 30); // Sunday 8th: out
      return { daily, mail, writing };
    }

    it("shows the week's numbers in the user's zone, equal to the hand-counted ones", async () => {
      const { daily, writing } = await berlinWeek();
      const page = await services.reviews.week(me, '2026-03-11');
      expect(page.prompts).toEqual(WEEKLY_REVIEW_PROMPTS);
      expect(page.review).toBeNull();
      expect(page.summary).toEqual({
        weekOf: '2026-03-09',
        weekEnd: '2026-03-15',
        timeZone: 'Europe/Berlin',
        ideas: { total: 3, bySource: { noticed: 1, session: 0, conversation: 1, review: 1, imported: 0 } },
        practice: {
          blocks: 5,
          minutes: 15 + 30 + 45 + 20 + 25,
          unplannedMinutes: 25,
          plans: [
            {
              planId: daily.id,
              title: daily.title,
              cadence: '3 × 30 min a week',
              expectedBlocks: 3,
              expectedMinutes: 90,
              loggedBlocks: 3,
              loggedMinutes: 90,
              ratio: 1,
              prorated: null,
            },
            {
              // Created on Wednesday: only Wednesday's and Friday's blocks were expected, and the
              // summary says so: counted from Wednesday, of a whole week's 3 blocks (60 minutes).
              planId: writing.id,
              title: 'Write 20 minutes',
              cadence: '3 × 20 min a week (Mon, Wed, Fri at 09:00)',
              expectedBlocks: 2,
              expectedMinutes: 40,
              loggedBlocks: 1,
              loggedMinutes: 20,
              ratio: 0.5,
              prorated: { from: '2026-03-11', to: '2026-03-15', fullBlocks: 3, fullMinutes: 60 },
            },
          ],
        },
        interruptions: { count: 3, minutes: 15 },
        plansDue: [
          { planId: daily.id, title: daily.title, state: 'active', reviewOn: '2026-03-13', overdue: true },
        ],
      });
      // Without a date: this week (Monday 16 March in Berlin).
      const now = await services.reviews.week(me);
      expect(now.summary).toMatchObject({
        weekOf: '2026-03-16',
        ideas: { total: 1, bySource: { session: 1 } },
        practice: { blocks: 1, minutes: 20 },
        interruptions: { count: 1, minutes: 30 },
      });
      const bad = await expectError(services.reviews.week(me, 'last week'), 'validation');
      expect(fieldsOf(bad)).toEqual(['week']);
    });

    it('applies the decisions to the plans atomically: a bad one writes nothing, not even the review', async () => {
      const { daily, mail } = await berlinWeek();
      const summary = await idea('Summaries');
      const mornings = await idea('Quiet mornings');
      await services.plans.update(me, daily.id, { ideaIds: [summary.id] });
      await services.plans.update(me, mail.id, { ideaIds: [mornings.id] });
      await ensureUser(env.store, OTHER, 'Other', time.clock);
      const theirs = await services.plans.create(OTHER, processPlan({ reviewOn: '2026-04-01' }));
      const before = await written();
      const answers = [{ promptId: 'went-well', text: 'Two mornings without mail' }];

      const unknown = await expectError(
        services.reviews.submitWeekly(me, {
          weekOf: '2026-03-09',
          answers,
          decisions: [
            { planId: daily.id, decision: 'keep' },
            { planId: 'nosuchplan', decision: 'drop' },
          ],
        }),
        'validation',
      );
      expect(fieldsOf(unknown)).toEqual(['decisions.1.planId']);
      const notMine = await expectError(
        services.reviews.submitWeekly(me, {
          weekOf: '2026-03-09',
          decisions: [
            { planId: mail.id, decision: 'drop' },
            { planId: theirs.id, decision: 'drop' },
          ],
        }),
        'validation',
      );
      expect(fieldsOf(notMine)).toEqual(['decisions.1.planId']);
      expect(await written()).toEqual(before);
      expect(await status(summary.id)).toBe('trying');
      expect(await status(mornings.id)).toBe('planned');
      expect((await services.reviews.week(me, '2026-03-09')).review).toBeNull();
      expect((await services.plans.get(OTHER, theirs.id)).state).toBe('active');

      for (const [input, field] of [
        [{ weekOf: '2026-03-10' }, 'weekOf'],
        [{ weekOf: '2026-03-23' }, 'weekOf'],
        [{ weekOf: '2026-03-09', answers: [{ promptId: 'mood', text: 'fine' }] }, 'answers.0.promptId'],
        [
          {
            weekOf: '2026-03-09',
            decisions: [
              { planId: daily.id, decision: 'keep' },
              { planId: daily.id, decision: 'drop' },
            ],
          },
          'decisions.1.planId',
        ],
        [
          { weekOf: '2026-03-09', decisions: [{ planId: daily.id, decision: 'perhaps' }] },
          'decisions.0.decision',
        ],
      ] as const) {
        const error = await expectError(services.reviews.submitWeekly(me, input), 'validation');
        expect(fieldsOf(error), JSON.stringify(input)).toContain(field);
      }
      expect(await written()).toEqual(before);

      const review = await services.reviews.submitWeekly(me, {
        weekOf: '2026-03-09',
        answers,
        decisions: [
          { planId: daily.id, decision: 'keep', note: 'Works' },
          { planId: mail.id, decision: 'drop' },
        ],
      });
      expect(review).toEqual({
        id: expect.any(String),
        weekOf: '2026-03-09',
        answers,
        decisions: [
          { planId: daily.id, decision: 'keep', note: 'Works' },
          { planId: mail.id, decision: 'drop', note: null },
        ],
        createdAt: time.now(),
      });
      expect((await services.plans.get(me, daily.id)).state).toBe('kept');
      expect((await services.plans.get(me, mail.id)).state).toBe('dropped');
      // Each plan's own history shows the decision made in the weekly review.
      expect((await services.plans.get(me, daily.id)).reviews.map((r) => [r.decision, r.note])).toEqual([
        ['keep', 'Works'],
      ]);
      expect((await services.plans.get(me, mail.id)).reviews.map((r) => [r.decision, r.note])).toEqual([
        ['drop', 'Decided in the weekly review of 2026-03-09'],
      ]);
      expect(await status(summary.id)).toBe('adopted');
      expect(await status(mornings.id)).toBe('dropped');
      expect((await services.reviews.week(me, '2026-03-09')).review).toEqual(review);
      expect(await services.reviews.weekly(me, '2026-03-09')).toEqual(review);

      // A decision the state machine refuses (the plan is already kept) undoes the others too.
      const writing = (await services.plans.list(me, { state: 'active' }))[0]!;
      time.advance(60_000);
      await expectError(
        services.reviews.submitWeekly(me, {
          weekOf: '2026-03-09',
          decisions: [
            { planId: writing.id, decision: 'drop' },
            { planId: daily.id, decision: 'drop' },
          ],
        }),
        'illegal_transition',
      );
      expect((await services.plans.get(me, writing.id)).state).toBe('active');
      expect(await services.reviews.weekly(me, '2026-03-09')).toEqual(review);
    });

    it('replaces the review when the same week is done again, and keeps the history newest first', async () => {
      await berlinWeek();
      const first = await services.reviews.submitWeekly(me, {
        weekOf: '2026-03-09',
        answers: [{ promptId: 'learned', text: 'Mornings are for writing' }],
      });
      time.advance(60_000);
      const earlier = await services.reviews.submitWeekly(me, {
        weekOf: '2026-03-02',
        answers: [{ promptId: 'one-change', text: 'Fewer meetings' }],
      });
      time.advance(60_000);
      const redone = await services.reviews.submitWeekly(me, {
        weekOf: '2026-03-09',
        answers: [
          { promptId: 'learned', text: 'Mornings are for writing, afternoons for reading' },
          { promptId: 'edge', text: 'Too comfortable' },
        ],
      });
      expect(redone.id).not.toBe(first.id);
      expect((await services.reviews.week(me, '2026-03-12')).review).toEqual(redone);
      const history = await services.reviews.history(me);
      expect(history.weekly).toEqual([redone, earlier]);
      expect(await services.reviews.weekly(me, '2026-03-09')).toEqual(redone);
      await expectError(services.reviews.weekly(me, '2026-02-23'), 'not_found');
      await ensureUser(env.store, OTHER, 'Other', time.clock);
      expect(await services.reviews.history(OTHER)).toEqual({ weekly: [], plans: [] });
      await expectError(services.reviews.weekly(OTHER, '2026-03-09'), 'not_found');
    });

    it('takes the same week again with the decisions it already applied, and applies new ones', async () => {
      const { daily, mail, writing } = await berlinWeek();
      const input = {
        weekOf: '2026-03-09',
        answers: [{ promptId: 'went-well', text: 'Reading stuck' }],
        decisions: [
          { planId: daily.id, decision: 'keep' },
          { planId: mail.id, decision: 'adjust' },
        ],
      };
      const first = await services.reviews.submitWeekly(me, input);
      const kept = await services.plans.get(me, daily.id);
      expect(kept).toMatchObject({ state: 'kept', decidedAt: first.createdAt });
      expect((await services.plans.get(me, mail.id)).state).toBe('adjusted');

      time.advance(60_000);
      const again = await services.reviews.submitWeekly(me, {
        ...input,
        answers: [{ promptId: 'went-well', text: 'Reading stuck, writing did not' }],
        decisions: [...input.decisions, { planId: writing.id, decision: 'drop' }],
      });
      expect(again.decisions).toHaveLength(3);
      expect(await services.plans.get(me, daily.id)).toMatchObject({
        state: 'kept',
        decidedAt: kept.decidedAt,
      });
      expect((await services.plans.get(me, mail.id)).state).toBe('adjusted');
      expect((await services.plans.get(me, writing.id)).state).toBe('dropped');
      expect((await services.reviews.history(me)).weekly).toEqual([again]);

      // A different decision is applied, and refused when the plan's state does not allow it.
      time.advance(60_000);
      const refused = await expectError(
        services.reviews.submitWeekly(me, { ...input, decisions: [{ planId: daily.id, decision: 'drop' }] }),
        'illegal_transition',
      );
      expect(fieldsOf(refused)).toEqual(['state']);
      expect((await services.reviews.history(me)).weekly).toEqual([again]);
    });

    it('lists single-plan reviews newest first beside the weekly ones', async () => {
      const a = await services.plans.create(me, processPlan({ title: 'A' }));
      const b = await services.plans.create(me, processPlan({ title: 'B' }));
      time.advance(60_000);
      await services.plans.review(me, a.id, { decision: 'adjust' });
      time.advance(60_000);
      await services.plans.review(me, b.id, { decision: 'drop' });
      time.advance(60_000);
      await services.plans.resume(me, a.id, { reviewOn: '2026-04-01' });
      await services.plans.review(me, a.id, { decision: 'keep' });
      const { plans } = await services.reviews.history(me);
      expect(plans.map((r) => [r.planId, r.decision])).toEqual([
        [a.id, 'keep'],
        [b.id, 'drop'],
        [a.id, 'adjust'],
      ]);
      expect(services.reviews.prompts().plan.map((p) => p.id)).toEqual(['signal', 'obstacles', 'worth-it']);
    });
  });

  describe('the dashboard', () => {
    it('adds up follow-through, practice per week, streaks and the heat map in the user zone', async () => {
      // New York: EST (UTC-5) until Sunday 8 March 2026, then EDT (UTC-4).
      await services.settings.update(me, { timeZone: 'America/New_York' });
      setTime('2026-03-02T14:00:00.000Z'); // Monday 09:00 EST
      const i1 = await idea('Keep a decision log', 'noticed');
      const i2 = await idea('Standing desk', 'conversation');
      const i3 = await idea('Write every day', 'session');
      const p1 = await services.plans.create(me, processPlan({ ideaIds: [i1.id], reviewOn: '2026-03-09' }));
      const p2 = await services.plans.create(
        me,
        processPlan({
          title: 'Standing desk',
          kind: 'environment',
          ideaIds: [i2.id],
          reviewOn: '2026-03-09',
        }),
      );
      const p3 = await services.plans.create(
        me,
        practicePlan({
          title: 'Write twice a week',
          subSkill: 'writing',
          cadence: '2x30/week',
          ideaIds: [i3.id],
          reviewOn: '2026-03-25',
        }),
      );
      setTime('2026-03-09T03:30:00.000Z'); // Sunday 8 March, 23:30 EDT: still the first week
      await idea('Read abstracts first', 'noticed');
      setTime('2026-03-09T15:00:00.000Z');
      await services.plans.review(me, p1.id, { decision: 'keep' });
      await services.plans.review(me, p2.id, { decision: 'drop' });

      setTime('2026-03-18T16:00:00.000Z'); // Wednesday 12:00 EDT
      const log = (minutes: number, at: string, planId: string | null = p3.id) =>
        services.practice.log(me, {
          minutes,
          at,
          ...(planId ? { planId } : { exerciseId: 'coding-rewrite-from-memory' }),
        });
      await log(30, '2026-03-02T15:00:00Z'); // Mon 2
      await log(30, '2026-03-03T15:00:00Z'); // Tue 3
      await log(20, '2026-03-10T14:00:00Z'); // Tue 10
      await log(15, '2026-03-11T14:00:00Z', null); // Wed 11, coding, outside any plan
      await log(10, '2026-03-14T03:30:00Z'); // Fri 13, 23:30 EDT
      await log(25, '2026-03-16T14:00:00Z'); // Mon 16
      await log(40, '2026-03-17T14:00:00Z'); // Tue 17
      await services.practice.interrupt(me, { at: '2026-02-25T15:00:00Z' }); // before the weeks shown
      await services.practice.interrupt(me, { at: '2026-03-04T14:30:00Z' }); // Wed 09:30 EST
      await services.practice.interrupt(me, { at: '2026-03-11T13:30:00Z' }); // Wed 09:30 EDT
      await services.practice.interrupt(me, { at: '2026-03-17T02:15:00Z' }); // Mon 16, 22:15 EDT

      const board = await services.dashboard.get(me, { weeks: 3 });
      expect(board.today).toBe('2026-03-18');
      expect(board.timeZone).toBe('America/New_York');
      expect(board.weeks).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
      expect(board.ideasPerWeek).toEqual([
        {
          weekOf: '2026-03-02',
          total: 4,
          bySource: { noticed: 2, session: 1, conversation: 1, review: 0, imported: 0 },
        },
        {
          weekOf: '2026-03-09',
          total: 0,
          bySource: { noticed: 0, session: 0, conversation: 0, review: 0, imported: 0 },
        },
        {
          weekOf: '2026-03-16',
          total: 0,
          bySource: { noticed: 0, session: 0, conversation: 0, review: 0, imported: 0 },
        },
      ]);
      expect(board.followThrough).toEqual({
        ideas: 4,
        withPlan: 3,
        adopted: 1,
        rate: 1 / 3,
        planRate: 3 / 4,
      });
      expect(board.practiceByArea).toEqual([
        {
          weekOf: '2026-03-02',
          minutes: 60,
          expectedMinutes: 60,
          prorated: [],
          areas: [{ areaId: 'writing', minutes: 60, expectedMinutes: 60 }],
        },
        {
          weekOf: '2026-03-09',
          minutes: 45,
          expectedMinutes: 60,
          prorated: [],
          areas: [
            { areaId: 'coding', minutes: 15, expectedMinutes: 0 },
            { areaId: 'writing', minutes: 30, expectedMinutes: 60 },
          ],
        },
        {
          weekOf: '2026-03-16',
          minutes: 65,
          expectedMinutes: 60,
          prorated: [],
          areas: [{ areaId: 'writing', minutes: 65, expectedMinutes: 60 }],
        },
      ]);
      // Practice days in New York: 2, 3 | 10, 11, 13 (12 forgiven) | 16, 17 (14 and 15 missed).
      expect(board.streaks.overall).toEqual({
        current: { days: 2, from: '2026-03-16', to: '2026-03-17' },
        longest: { days: 3, from: '2026-03-10', to: '2026-03-13' },
      });
      // The plan's own days: 2, 3 | 10 | 13 | 16, 17; the most recent of equally long runs.
      expect(board.streaks.plans).toEqual([
        {
          planId: p3.id,
          title: 'Write twice a week',
          current: { days: 2, from: '2026-03-16', to: '2026-03-17' },
          longest: { days: 2, from: '2026-03-16', to: '2026-03-17' },
        },
      ]);
      const cells = (counts: number[][]) =>
        counts.flatMap((hours, day) => hours.flatMap((n, hour) => (n > 0 ? [[day, hour, n]] : [])));
      // Both Wednesday interruptions were at 09:30 local, across the DST change; Monday's at 22:00.
      expect(board.heatMap).toMatchObject({ timeZone: 'America/New_York', total: 3, max: 2 });
      expect(cells(board.heatMap.counts)).toEqual([
        [0, 22, 1],
        [2, 9, 2],
      ]);
      expect(board.upcomingReviews).toEqual([
        {
          planId: p3.id,
          title: 'Write twice a week',
          state: 'active',
          reviewOn: '2026-03-25',
          daysLeft: 7,
          overdue: false,
        },
      ]);

      // The same records seen from UTC: other days and hours.
      await services.settings.update(me, { timeZone: 'UTC' });
      const utc = await services.dashboard.get(me, { weeks: 3 });
      expect(cells(utc.heatMap.counts)).toEqual([
        [1, 2, 1],
        [2, 13, 1],
        [2, 14, 1],
      ]);
      // In UTC the late Friday block falls on Saturday 14th: 14, 16, 17 (15 forgiven) is the run.
      expect(utc.streaks.overall).toEqual({
        current: { days: 3, from: '2026-03-14', to: '2026-03-17' },
        longest: { days: 3, from: '2026-03-14', to: '2026-03-17' },
      });
      expect(utc.ideasPerWeek.map((w) => w.total)).toEqual([3, 1, 0]);

      expect((await services.dashboard.get(me)).weeks).toHaveLength(8);
      for (const weeks of [0, 53, 2.5, Number.NaN]) {
        const error = await expectError(services.dashboard.get(me, { weeks }), 'validation');
        expect(fieldsOf(error)).toEqual(['weeks']);
      }
    });

    it('is empty, not broken, for a new user', async () => {
      const board = await services.dashboard.get(me, { weeks: 2 });
      expect(board).toMatchObject({
        followThrough: { ideas: 0, withPlan: 0, adopted: 0, rate: null, planRate: null },
        streaks: { overall: { current: { days: 0 }, longest: { days: 0 } }, plans: [] },
        heatMap: { total: 0, max: 0 },
        upcomingReviews: [],
      });
      expect(board.practiceByArea.map((w) => w.minutes)).toEqual([0, 0]);
    });
  });

  describe('the calendar', () => {
    it('serves practice blocks at the local time across DST and the review date, until revoked', async () => {
      await services.settings.update(me, { timeZone: 'Europe/Berlin' });
      setTime('2026-03-20T10:00:00.000Z');
      const plan = await services.plans.create(
        me,
        practicePlan({ title: 'Morning reading', cadence: 'daily 30 at 07:30', reviewOn: '2026-04-03' }),
      );
      const experiment = await services.experiments.create(me, weekInput());
      const feed = await services.calendar.create(me);
      expect(feed).toMatchObject({ id: expect.any(String), createdAt: time.now(), revokedAt: null });
      expect(feed.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(await services.calendar.list(me)).toEqual([
        { id: feed.id, createdAt: time.now(), revokedAt: null },
      ]);
      // Only a hash of the token is stored.
      const stored = await env.store.db.selectFrom('calendar_feeds').select('token_hash').execute();
      expect(stored.map((r) => r.token_hash)).not.toContain(feed.token);

      const text = await services.calendar.feedFor(feed.token);
      // The one-off export stops the blocks at the review date (the feed keeps its rolling window).
      const exported = parseIcs(await services.calendar.export(me));
      expect(
        exported.filter((e) => e.summary === 'Practice: Morning reading').map((e) => e.startDate),
      ).toEqual(datesBetween('2026-03-20', '2026-04-03'));
      const events = parseIcs(text);
      const blocks = events.filter((e) => e.summary === 'Practice: Morning reading');
      const block = (date: string) => blocks.find((e) => e.uid.includes(`-block-${date}T0730`));
      // 07:30 in Berlin: 06:30 UTC before the change on Sunday 29 March, 05:30 UTC from then on.
      expect(block('2026-03-28')).toMatchObject({
        start: '2026-03-28T06:30:00.000Z',
        end: '2026-03-28T07:00:00.000Z',
      });
      expect(block('2026-03-29')).toMatchObject({
        start: '2026-03-29T05:30:00.000Z',
        end: '2026-03-29T06:00:00.000Z',
      });
      expect(block('2026-03-30')).toMatchObject({ start: '2026-03-30T05:30:00.000Z' });
      // From the day the plan was made, daily, for the next 180 days.
      expect(blocks[0]?.startDate).toBe('2026-03-20');
      expect(blocks).toHaveLength(181);
      expect(events.filter((e) => e.allDay)).toEqual([
        expect.objectContaining({ summary: 'Review plan: Morning reading', startDate: '2026-04-03' }),
      ]);
      expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
      expect(blocks.every((e) => e.uid.startsWith(plan.id))).toBe(true);
      // The running experiment's phase ends are there too.
      const phaseEnds = events.filter((e) => e.summary.startsWith('Experiment phase ends'));
      expect(phaseEnds.map((e) => e.start)).toEqual(experiment.phases.map((p) => p.plannedEnd));
      expect(events).toHaveLength(blocks.length + 1 + phaseEnds.length);

      // Another user can neither see nor revoke it.
      await ensureUser(env.store, OTHER, 'Other', time.clock);
      expect(await services.calendar.list(OTHER)).toEqual([]);
      await expectError(services.calendar.revoke(OTHER, feed.id), 'not_found');
      expect(parseIcs(await services.calendar.feedFor(feed.token)).length).toBe(events.length);

      time.advance(60_000);
      await services.calendar.revoke(me, feed.id);
      await expectError(services.calendar.feedFor(feed.token), 'not_found');
      await expectError(services.calendar.revoke(me, feed.id), 'not_found');
      await expectError(services.calendar.feedFor('x'.repeat(32)), 'not_found');
      expect(await services.calendar.list(me)).toEqual([
        { id: feed.id, createdAt: feed.createdAt, revokedAt: time.now() },
      ]);
      // A new subscription works; the old link stays dead.
      const fresh = await services.calendar.create(me);
      expect(parseIcs(await services.calendar.feedFor(fresh.token))).toHaveLength(events.length);
      await expectError(services.calendar.feedFor(feed.token), 'not_found');

      // A dropped plan leaves the calendar.
      await services.plans.review(me, plan.id, { decision: 'drop' });
      expect(parseIcs(await services.calendar.feedFor(fresh.token))).toEqual(phaseEnds);
    });
  });

  describe('settings', () => {
    it('refuses an unknown zone and goes back to the system zone with null', async () => {
      expect(await services.settings.get(me)).toEqual({ timeZone: 'UTC', timeZoneSource: 'chosen' });
      for (const timeZone of ['Mars/Olympus_Mons', '+01:00', '', 42]) {
        const error = await expectError(services.settings.update(me, { timeZone }), 'validation');
        expect(fieldsOf(error), String(timeZone)).toEqual(['timeZone']);
      }
      const missing = await expectError(services.settings.update(me, {}), 'validation');
      expect(fieldsOf(missing)).toEqual(['timeZone']);
      expect(await services.settings.get(me)).toEqual({ timeZone: 'UTC', timeZoneSource: 'chosen' });
      expect(await services.settings.update(me, { timeZone: 'europe/berlin' })).toEqual({
        timeZone: 'Europe/Berlin',
        timeZoneSource: 'chosen',
      });
      expect(await services.settings.update(me, { timeZone: null })).toEqual({
        timeZone: systemTimeZone(),
        timeZoneSource: 'system',
      });
      await ensureUser(env.store, OTHER, 'Other', time.clock);
      await services.settings.update(OTHER, { timeZone: 'Asia/Tokyo' });
      expect((await services.settings.get(me)).timeZoneSource).toBe('system');
    });
  });
});
