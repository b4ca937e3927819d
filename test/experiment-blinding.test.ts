/**
 * Blinding that holds (docs/decisions/0011): while an experiment rates its ideas blind, no path
 * through the services stores a value for an idea that counts to one of its phases — capture,
 * edit, a session's capture or its end screen — and each refusal names the field and stores
 * nothing. Ideas outside the phases, and every idea once the report exists, take values as before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExperimentView } from '../src/core/experiments/view.js';
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

describe.each(ENGINES)('blind values on %s', (engine) => {
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

  const step = (id: string, action: string): Promise<ExperimentView> =>
    services.experiments.step(me, id, { action });

  async function refusedValue(work: Promise<unknown>): Promise<void> {
    const error = await expectError(work, 'conflict');
    expect(fieldsOf(error)).toEqual(['value']);
    expect(error.message).toMatch(/^value: .*blind rating/);
  }

  it('refuses a value at capture and on edit for ideas of either phase, and stores nothing', async () => {
    const before = await services.ideas.capture(me, { text: 'Noted before the experiment' });
    time.set(MIN);
    const experiment = await services.experiments.create(me, weekInput());
    expect(experiment.blindCapture).toBe(true);

    time.set(HOUR);
    await refusedValue(services.ideas.capture(me, { text: 'Valued while noticing', value: 4 }));
    const passiveIdea = await services.ideas.capture(me, { text: 'Noticed during the week' });
    await refusedValue(services.ideas.update(me, passiveIdea.id, { value: 3 }));
    // Everything but the value stays editable, and clearing a value is never refused.
    expect(await services.ideas.update(me, passiveIdea.id, { effort: 'S', value: null })).toMatchObject({
      effort: 'S',
      value: null,
    });
    // An idea from before the experiment counts to no phase.
    expect((await services.ideas.update(me, before.id, { value: 2 })).value).toBe(2);

    time.set(2 * DAY + 2 * MIN);
    await step(experiment.id, 'startFocused');
    time.set(2 * DAY + 5 * MIN);
    await refusedValue(services.ideas.capture(me, { text: 'Valued in the focused minutes', value: 5 }));
    await refusedValue(services.ideas.update(me, passiveIdea.id, { value: 1 }));

    const texts = (await services.ideas.list(me, {})).items.map((i) => i.text);
    expect(texts).toEqual(['Noticed during the week', 'Noted before the experiment']);
    expect((await services.experiments.get(me, experiment.id)).recorded).toEqual({ passive: 1, focused: 0 });
  });

  it('a focused session skips the value of its counted ideas and refuses one on its end screen', async () => {
    time.set(MIN);
    const experiment = await services.experiments.create(me, weekInput());
    time.set(2 * DAY + 2 * MIN);
    await step(experiment.id, 'startFocused');

    const session = await services.sessions.start(me, { minutes: 20 });
    time.set(2 * DAY + 4 * MIN);
    await refusedValue(services.sessions.capture(me, session.id, { text: 'With a value', value: 4 }));
    const idea = await services.sessions.capture(me, session.id, { text: 'Write the pilot plan first' });
    time.set(2 * DAY + 10 * MIN);
    const ended = await services.sessions.end(me, session.id);
    expect(ended.blindIdeaIds).toEqual([idea.id]);
    await refusedValue(services.sessions.rate(me, session.id, idea.id, { value: 5 }));
    expect((await services.sessions.rate(me, session.id, idea.id, { effort: 'M' })).effort).toBe('M');
    expect((await services.ideas.get(me, idea.id)).value).toBeNull();
  });

  it('in blind rating the queue gives the values; after the report every idea takes one again', async () => {
    time.set(MIN);
    const experiment = await services.experiments.create(me, weekInput());
    time.set(HOUR);
    const idea = await services.ideas.capture(me, { text: 'Read one methods paper a week' });
    time.set(2 * DAY + 2 * MIN);
    await step(experiment.id, 'startFocused');
    time.set(2 * DAY + 30 * MIN);
    expect((await step(experiment.id, 'startRating')).blindCapture).toBe(false);
    await refusedValue(services.ideas.update(me, idea.id, { value: 4 }));
    // An idea noted after the focused phase counts to neither phase.
    const later = await services.ideas.capture(me, { text: 'After the experiment', value: 3 });
    expect(later.value).toBe(3);

    await step(experiment.id, 'finishTriage');
    const queue = await services.experiments.ratingQueue(me, experiment.id);
    await services.experiments.rate(me, experiment.id, { token: queue.next!.token, value: 4 });
    await step(experiment.id, 'report');
    expect((await services.ideas.update(me, idea.id, { value: 2 })).value).toBe(2);
  });

  it('a draft, an abandoned experiment and a measurement experiment leave values alone', async () => {
    const draft = await services.experiments.create(me, weekInput({ start: false }));
    expect(draft.blindCapture).toBe(false);
    time.set(HOUR);
    expect((await services.ideas.capture(me, { text: 'While the plan is a draft', value: 3 })).value).toBe(3);
    await step(draft.id, 'abandon');

    time.set(2 * HOUR);
    const measured = await services.experiments.create(me, {
      templateId: 'baseline-vs-change',
      prediction: { text: 'Fewer interruptions with the door closed', favoured: 'focused' },
      measurement: { name: 'interruptions per day', better: 'lower' },
      start: true,
    });
    expect(measured.state).toBe('passive');
    time.set(3 * HOUR);
    expect((await services.ideas.capture(me, { text: 'Noted while measuring', value: 5 })).value).toBe(5);
  });
});
