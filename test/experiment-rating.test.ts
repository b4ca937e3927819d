/**
 * The blind triage and ratings you can correct (issue 10, items 2 and 4): all counted ideas of
 * both phases are triaged mixed, without phase, and what is set aside is left out of the result
 * and counted per phase in the report; ratings can be undone and changed until the rating is
 * finished, and not after.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdeaPhaseReport } from '../src/core/experiments/report-view.js';
import type { Services } from '../src/services/app.js';
import { LOCAL_ACTOR } from '../src/services/context.js';
import {
  expectError,
  fieldsOf,
  type ManualClock,
  manualClock,
  openEnv,
  type TestEnv,
} from './harness/fixtures.js';
import { ENGINES } from './harness/stores.js';
import { DAY, HOUR, MIN, weekInput } from './support/experiments.js';

const START = '2026-03-02T09:00:00.000Z';

describe.each(ENGINES)('triage and rating on %s', (engine) => {
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

  const step = (id: string, action: string) => services.experiments.step(me, id, { action });

  /** An experiment in blind rating with three passive ideas and two focused ones. */
  async function inRating(): Promise<string> {
    const { id } = await services.experiments.create(me, weekInput());
    for (const [i, text] of [
      'Passive: reread the grant',
      'Passive: buy milk',
      'Passive: weekly review',
    ].entries()) {
      time.set(HOUR * (i + 1));
      await services.ideas.capture(me, { text });
    }
    time.set(2 * DAY + MIN);
    await step(id, 'startFocused');
    time.set(2 * DAY + 2 * MIN);
    await services.ideas.capture(me, { text: 'Focused: pre-register' });
    time.set(2 * DAY + 3 * MIN);
    await services.ideas.capture(me, { text: 'Focused: pre-register (again)' });
    time.set(2 * DAY + 30 * MIN);
    await step(id, 'startRating');
    return id;
  }

  const tokenOf = async (id: string, text: string) =>
    (await services.experiments.ratingQueue(me, id)).triage.find((i) => i.text === text)!.token;

  it('sets aside with a reason, takes back, refuses bad input, then counts what was set aside per phase', async () => {
    const id = await inRating();
    const milk = await tokenOf(id, 'Passive: buy milk');
    const again = await tokenOf(id, 'Focused: pre-register (again)');
    const grant = await tokenOf(id, 'Passive: reread the grant');

    const blank = await expectError(
      services.experiments.triage(me, id, { token: milk, excluded: '  ' }),
      'validation',
    );
    expect(fieldsOf(blank)).toEqual(['excluded']);
    await expectError(services.experiments.triage(me, id, { token: 'nope', excluded: 'x' }), 'not_found');

    await services.experiments.triage(me, id, { token: milk, excluded: 'A task, not an idea' });
    await services.experiments.triage(me, id, { token: again, excluded: 'A duplicate of another idea' });
    await services.experiments.triage(me, id, { token: grant, excluded: 'Not an improvement idea' });
    const back = await services.experiments.triage(me, id, { token: grant, excluded: null });
    expect(back).toMatchObject({ stage: 'triage', total: 3, excluded: 2 });
    // The triage list carries texts and reasons only: no phase.
    expect(JSON.stringify(back)).not.toMatch(/passive"|focused"|"phase"/);

    await step(id, 'finishTriage');
    await expectError(services.experiments.triage(me, id, { token: grant, excluded: 'late' }), 'conflict');
    const refused = await expectError(
      services.experiments.rate(me, id, { token: milk, value: 3 }),
      'conflict',
    );
    expect(fieldsOf(refused)).toEqual(['token']);

    for (let q = await services.experiments.ratingQueue(me, id); q.next; ) {
      time.advance(MIN);
      q = await services.experiments.rate(me, id, {
        token: q.next.token,
        value: q.next.text.startsWith('Focused') ? 5 : 3,
      });
    }
    await step(id, 'report');
    const report = await services.experiments.report(me, id);
    if (report.kind !== 'ideas') throw new Error('an idea report');
    const [passive, focused] = report.phases as [IdeaPhaseReport, IdeaPhaseReport];
    // Two passive ideas kept at 3 each; one focused idea kept at 5.
    expect([passive.rated, passive.totalValue, focused.rated, focused.totalValue]).toEqual([2, 6, 1, 5]);
    expect(passive.excluded).toEqual([{ reason: 'A task, not an idea', count: 1 }]);
    expect(focused.excluded).toEqual([{ reason: 'A duplicate of another idea', count: 1 }]);
    const card = await services.experiments.card(me, id, { shareTexts: false });
    expect(card.phases.map((p) => p.count)).toEqual([2, 1]);
  });

  it('undoes the last rating and changes any rating until the rating is finished', async () => {
    const id = await inRating();
    await step(id, 'finishTriage');
    await expectError(services.experiments.undoRating(me, id), 'conflict');

    let q = await services.experiments.ratingQueue(me, id);
    const firstToken = q.next!.token;
    q = await services.experiments.rate(me, id, { token: firstToken, value: 2 });
    time.advance(MIN);
    const slipped = q.next!;
    q = await services.experiments.rate(me, id, { token: slipped.token, value: 1 }); // a slip
    expect(q.ratings.map((r) => [r.token, r.value])).toEqual([
      [slipped.token, 1],
      [firstToken, 2],
    ]);
    // Undo takes back the slip, and that idea is shown again.
    q = await services.experiments.undoRating(me, id);
    expect(q).toMatchObject({ rated: 1, next: { token: slipped.token } });
    q = await services.experiments.rate(me, id, { token: slipped.token, value: 4 });
    // Any rating can change, also without undo, and the same instant twice still orders them.
    q = await services.experiments.rate(me, id, { token: firstToken, value: 5 });
    expect(q.ratings[0]).toMatchObject({ token: firstToken, value: 5 });
    expect(q.rated).toBe(2);

    while (q.next) q = await services.experiments.rate(me, id, { token: q.next.token, value: 3 });
    // All rated, not finished: still changeable.
    q = await services.experiments.undoRating(me, id);
    expect(q.next).not.toBeNull();
    q = await services.experiments.rate(me, id, { token: q.next!.token, value: 2 });
    await step(id, 'report');
    await expectError(services.experiments.rate(me, id, { token: firstToken, value: 1 }), 'conflict');
    await expectError(services.experiments.undoRating(me, id), 'conflict');
    const report = await services.experiments.report(me, id);
    if (report.kind !== 'ideas') throw new Error('an idea report');
    const values = report.phases.flatMap((p) => p.ratings.flatMap((n, i) => Array(n).fill(i + 1)));
    expect(values.sort()).toEqual([2, 3, 3, 4, 5]);
  });
});
