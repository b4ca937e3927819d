import { afterEach, describe, expect, it } from 'vitest';
import type { Backup } from '../src/core/backup.js';
import { backupChecksum } from '../src/services/backup.service.js';
import { LOCAL_ACTOR as ME } from '../src/services/context.js';
import { hashSecretToken } from '../src/services/secret-token.js';
import { expectError, type ManualClock, manualClock, openEnv, type TestEnv } from './harness/fixtures.js';
import { ENGINES } from './harness/stores.js';

const MIN = 60_000;
const DAY = 86_400_000;

describe.each(ENGINES)('backups with experiments, measurements and pools on %s', (engine) => {
  const envs: TestEnv[] = [];
  afterEach(async () => {
    for (const env of envs.splice(0)) await env.cleanup();
  });

  /** A reported week-vs-20-minutes experiment, a baseline-vs-change one under way, and a pool. */
  async function populated(time: ManualClock) {
    const env = await openEnv(engine, time.clock);
    envs.push(env);
    const { services } = env;
    const done = await services.experiments.create(ME, {
      templateId: 'week-vs-20-minutes',
      prediction: { text: 'The focused session wins', favoured: 'focused' },
      start: true,
    });
    time.advance(MIN);
    await services.ideas.capture(ME, { text: 'Keep a lab notebook for failed runs' });
    time.advance(7 * DAY);
    await services.experiments.step(ME, done.id, { action: 'startFocused' });
    time.advance(MIN);
    await services.ideas.capture(ME, { text: 'Ask Sam to review the analysis plan' });
    time.advance(MIN);
    await services.experiments.step(ME, done.id, { action: 'endFocused' });
    await services.experiments.step(ME, done.id, { action: 'startRating' });
    await services.experiments.step(ME, done.id, { action: 'finishTriage' });
    for (let q = await services.experiments.ratingQueue(ME, done.id); q.next; ) {
      time.advance(1000);
      q = await services.experiments.rate(ME, done.id, { token: q.next.token, value: 4 });
    }
    await services.experiments.step(ME, done.id, { action: 'report' });
    const card = await services.experiments.card(ME, done.id, { shareTexts: false });
    const pool = await services.pools.create(ME, { name: 'Lab pool' });
    await services.pools.importCards(ME, pool.id, { cards: [card] });

    time.advance(DAY);
    const running = await services.experiments.create(ME, {
      templateId: 'baseline-vs-change',
      prediction: { text: 'Fewer interruptions', favoured: 'focused' },
      measurement: { name: 'Interruptions', unit: 'per day', better: 'lower' },
      start: true,
    });
    time.advance(MIN);
    await services.measurements.log(ME, { name: 'interruptions', value: 6 });
    return { env, done, running, pool };
  }

  it('round-trips experiments with their rating queues, measurements and pools, and only once', async () => {
    const time = manualClock();
    const { env: a, done, running, pool } = await populated(time);
    const backup = await a.services.backup.createBackup(ME);
    expect(backup.data.experiments?.map((e) => e.record.id)).toEqual([done.id, running.id]);
    expect(backup.data.experiments?.[0]?.items.map((i) => i.value)).toEqual([4, 4]);
    expect(backup.data.measurements?.map((m) => m.value)).toEqual([6]);
    expect(backup.data.pools?.[0]?.cards).toHaveLength(1);

    const b = await openEnv(engine, time.clock);
    envs.push(b);
    const first = await b.services.backup.import(ME, JSON.stringify(backup));
    expect(first.experiments).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(first.measurements).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(first.pools).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect((await b.services.backup.createBackup(ME)).data).toEqual(backup.data);

    const again = await b.services.backup.import(ME, JSON.stringify(backup));
    expect(again.experiments).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.measurements).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(again.pools).toEqual({ created: 0, updated: 0, unchanged: 1 });

    // The restored copy reports the same result, keeps running, and pools the same card.
    expect(await b.services.experiments.report(ME, done.id)).toEqual(
      await a.services.experiments.report(ME, done.id),
    );
    expect((await b.services.experiments.active(ME))?.id).toBe(running.id);
    expect((await b.services.pools.report(ME, pool.id)).points).toEqual(
      (await a.services.pools.report(ME, pool.id)).points,
    );
  });

  /** `populated`, and a second rater who rated the reported experiment's two ideas 5 and 2. */
  async function withSecondRater(time: ManualClock, finish: boolean) {
    const populatedEnv = await populated(time);
    const { services } = populatedEnv.env;
    const { token } = await services.secondRater.invite(
      ME,
      populatedEnv.done.id,
      { name: 'Cora' },
      'http://x',
    );
    let queue = await services.secondRater.queue(token);
    for (const value of [5, 2]) {
      time.advance(1000);
      if (queue.next) queue = await services.secondRater.rate(token, { token: queue.next.token, value });
    }
    if (finish) await services.secondRater.finish(token);
    return { ...populatedEnv, token };
  }

  /** The same backup as an older release wrote it: no second rater, and its checksum to match. */
  function withoutSecondRater(backup: Backup): Backup {
    const experiments = backup.data.experiments?.map(({ secondRater: _, ...e }) => e);
    const data = { ...backup.data, experiments };
    return { ...backup, data, checksum: backupChecksum(data) };
  }

  it('carries the second rater (never the link), so a restored report shows them exactly, once', async () => {
    const time = manualClock();
    const { env: a, done, token } = await withSecondRater(time, true);
    const before = await a.services.experiments.report(ME, done.id);
    expect(before.kind === 'ideas' && before.secondRater).toMatchObject({
      raterName: 'Cora',
      finished: true,
      rated: 2,
      agreement: { pairs: 2 },
    });
    const backup = await a.services.backup.createBackup(ME);
    const carried = backup.data.experiments?.[0]?.secondRater;
    expect(carried).toMatchObject({ raterName: 'Cora', finishedAt: expect.any(String) });
    expect(carried?.ratings.map((r) => r.value).sort()).toEqual([2, 5]);
    const items = backup.data.experiments?.[0]?.items.map((i) => i.token);
    expect(carried?.ratings.map((r) => r.itemToken).every((t) => items?.includes(t))).toBe(true);
    const file = JSON.stringify(backup);
    expect(file).not.toContain(token);
    expect(file).not.toContain(hashSecretToken(token));
    expect(backup.data.experiments?.[1]?.secondRater).toBeUndefined();

    const b = await openEnv(engine, time.clock);
    envs.push(b);
    expect((await b.services.backup.import(ME, file)).experiments).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(await b.services.experiments.report(ME, done.id)).toEqual(before);
    expect((await b.services.experiments.card(ME, done.id, { shareTexts: false })).secondRater).toEqual(
      (await a.services.experiments.card(ME, done.id, { shareTexts: false })).secondRater,
    );
    expect((await b.services.backup.createBackup(ME)).data).toEqual(backup.data);
    expect((await b.services.backup.import(ME, file)).experiments).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    // An older file without the second rater changes nothing here either.
    expect((await b.services.backup.import(ME, withoutSecondRater(backup))).experiments).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(await b.services.experiments.report(ME, done.id)).toEqual(before);

    // The restored invitation's link is ended; inviting again starts a new rating.
    await expectError(b.services.secondRater.queue(token), 'not_found');
    expect((await b.services.secondRater.status(ME, done.id)).invitation).toMatchObject({
      raterName: 'Cora',
      rated: 2,
      linkEnded: true,
    });
    expect((await a.services.secondRater.status(ME, done.id)).invitation?.linkEnded).toBe(false);
    const again = await b.services.secondRater.invite(ME, done.id, { name: 'Cora' }, 'http://x');
    expect(again.invitation).toMatchObject({ rated: 0, linkEnded: false });
    expect((await b.services.secondRater.queue(again.token)).rated).toBe(0);
    const after = await b.services.experiments.report(ME, done.id);
    expect(after.kind === 'ideas' && after.secondRater).toBeUndefined();
  });

  it('restores an unfinished second rater as unfinished; an older backup without one still imports', async () => {
    const time = manualClock();
    const { env: a, done } = await withSecondRater(time, false);
    const backup = await a.services.backup.createBackup(ME);
    expect(backup.data.experiments?.[0]?.secondRater?.finishedAt).toBeNull();
    const b = await openEnv(engine, time.clock);
    envs.push(b);
    await b.services.backup.import(ME, JSON.stringify(backup));
    const restored = await b.services.experiments.report(ME, done.id);
    expect(restored).toEqual(await a.services.experiments.report(ME, done.id));
    expect(restored.kind === 'ideas' && restored.secondRater?.finished).toBe(false);

    const c = await openEnv(engine, time.clock);
    envs.push(c);
    const older = await c.services.backup.import(ME, JSON.stringify(withoutSecondRater(backup)));
    expect(older.experiments).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const report = await c.services.experiments.report(ME, done.id);
    expect(report.kind === 'ideas' && report.secondRater).toBeUndefined();
    expect((await c.services.secondRater.status(ME, done.id)).invitation).toBeNull();
  });

  it('refuses to restore an unfinished experiment next to another unfinished one, writing nothing', async () => {
    const time = manualClock();
    const { env: a } = await populated(time);
    const backup = await a.services.backup.createBackup(ME);
    const b = await openEnv(engine, time.clock);
    envs.push(b);
    await b.services.experiments.create(ME, {
      templateId: 'week-vs-20-minutes',
      prediction: { text: 'No difference', favoured: 'no-difference' },
      start: true,
    });
    await expectError(b.services.backup.import(ME, JSON.stringify(backup)), 'conflict');
    expect(await b.services.experiments.list(ME)).toHaveLength(1);
    expect(await b.services.pools.list(ME)).toEqual([]);
  });
});
