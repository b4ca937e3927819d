import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_ACTOR as ME } from '../src/services/context.js';
import { type ManualClock, manualClock, openEnv, type TestEnv } from './harness/fixtures.js';
import { ENGINES } from './harness/stores.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(ENGINES)('backups with plans, practice and reviews on %s', (engine) => {
  const envs: TestEnv[] = [];
  afterEach(async () => {
    for (const env of envs.splice(0)) await env.cleanup();
  });

  async function open(time: ManualClock) {
    const env = await openEnv(engine, time.clock);
    envs.push(env);
    return env;
  }

  it('round-trips plans, own exercises, practice, interruptions, reviews and the time zone, and only once', async () => {
    const time = manualClock();
    const a = await open(time);
    await a.services.settings.update(ME, { timeZone: 'Europe/Berlin' });
    const idea = await a.services.ideas.capture(ME, { text: 'Summarise one paper a week' });
    const exercise = await a.services.exercises.create(ME, {
      subSkill: 'reading',
      title: 'Ten-line summary',
      instructions: 'Summarise the paper in ten lines, then compare with the abstract.',
    });
    const practice = await a.services.plans.create(ME, {
      title: 'Read and summarise papers',
      kind: 'practice',
      ideaIds: [idea.id],
      exerciseId: exercise.id,
      nextAction: 'Pick this week’s paper',
      cadence: '3x30/week',
      successSignal: 'A summary in under an hour',
      reviewOn: '2026-03-16',
    });
    const process = await a.services.plans.create(ME, {
      title: 'Plan the week on Monday mornings',
      kind: 'process',
      nextAction: 'Block Monday 9:00',
      successSignal: 'A written plan every Monday',
      reviewOn: '2026-03-09',
    });
    time.advance(HOUR);
    await a.services.practice.log(ME, {
      planId: practice.id,
      minutes: 30,
      difficulty: 3,
      note: 'hard going',
    });
    await a.services.practice.interrupt(ME, { reason: 'chat', durationMinutes: 5 });
    time.advance(DAY);
    await a.services.plans.review(ME, process.id, { decision: 'drop', answers: [] });
    await a.services.reviews.submitWeekly(ME, { weekOf: '2026-03-02', answers: [], decisions: [] });

    const backup = await a.services.backup.createBackup(ME);
    expect(backup.data.plans?.map((p) => p.id).sort()).toEqual([practice.id, process.id].sort());
    expect(backup.data.exercises?.map((e) => e.id)).toEqual([exercise.id]);
    expect(backup.data.practice).toHaveLength(1);
    expect(backup.data.interruptions).toHaveLength(1);
    expect(backup.data.reviews?.weekly).toHaveLength(1);
    expect(backup.data.reviews?.plans).toHaveLength(1);
    expect(backup.data.settings).toEqual({ timeZone: 'Europe/Berlin' });

    const b = await open(time);
    const first = await b.services.backup.import(ME, JSON.stringify(backup));
    expect(first.plans).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(first.exercises).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(first.practice).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(first.interruptions).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(first.reviews).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect((await b.services.backup.createBackup(ME)).data).toEqual(backup.data);

    const again = await b.services.backup.import(ME, JSON.stringify(backup));
    for (const kind of ['plans', 'exercises', 'practice', 'interruptions', 'reviews'] as const)
      expect(again[kind].created + again[kind].updated, kind).toBe(0);

    // The restored copy works like the original: the plan page and the dashboard agree.
    const restored = await b.services.plans.get(ME, practice.id);
    expect(restored.practice).toEqual((await a.services.plans.get(ME, practice.id)).practice);
    expect(restored.exercise?.title).toBe('Ten-line summary');
    expect((await b.services.dashboard.get(ME)).followThrough).toEqual(
      (await a.services.dashboard.get(ME)).followThrough,
    );
  });

  it('keeps the newer copy of a plan and a time zone chosen on this machine', async () => {
    const time = manualClock();
    const a = await open(time);
    const plan = await a.services.plans.create(ME, {
      title: 'Headphones during deep work',
      kind: 'environment',
      nextAction: 'Buy headphones',
      successSignal: 'Fewer interruptions',
      reviewOn: '2026-03-20',
    });
    await a.services.settings.update(ME, { timeZone: 'Asia/Tokyo' });
    const old = JSON.stringify(await a.services.backup.createBackup(ME));
    time.advance(HOUR);
    await a.services.plans.update(ME, plan.id, { nextAction: 'Order the quiet ones' });
    await a.services.settings.update(ME, { timeZone: 'America/New_York' });

    const summary = await a.services.backup.import(ME, old);
    expect(summary.plans).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect((await a.services.plans.get(ME, plan.id)).nextAction).toBe('Order the quiet ones');
    expect((await a.services.settings.get(ME)).timeZone).toBe('America/New_York');
  });
});
