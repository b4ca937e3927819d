/**
 * Phases that say which ideas count (issue 10, item 2): the passive phase ends at its planned
 * end by itself; a focused session during it is asked for first and its ideas stay out of it;
 * the focused phase of "one 20-minute session" is that session and ends with it; an early start
 * of the focused phase needs a confirmation that the experiment keeps.
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

describe.each(ENGINES)('experiment phases on %s', (engine) => {
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

  const step = (id: string, action: string, extra: object = {}): Promise<ExperimentView> =>
    services.experiments.step(me, id, { action, ...extra });

  it('starting the focused phase early asks for confirmation, and the experiment keeps it', async () => {
    const experiment = await services.experiments.create(me, weekInput()); // 2 days of noticing
    time.set(DAY);
    const refused = await expectError(step(experiment.id, 'startFocused'), 'conflict');
    expect(fieldsOf(refused)).toEqual(['early']);
    expect(refused.message).toContain('ends it early');
    expect((await services.experiments.get(me, experiment.id)).state).toBe('passive');

    const focused = await step(experiment.id, 'startFocused', { early: true });
    expect(focused).toMatchObject({ state: 'focused', passiveEndedEarly: true });
    expect(focused.phases[0].endedAt).toBe(time.at(DAY));
  });

  it('a session during the passive week is asked for first, and its ideas do not count to it', async () => {
    const experiment = await services.experiments.create(me, weekInput());
    time.set(HOUR);
    const refused = await expectError(services.sessions.start(me, { minutes: 10 }), 'conflict');
    expect(fieldsOf(refused)).toEqual(['outsideExperiment']);
    expect(await services.sessions.active(me)).toBeUndefined();

    const session = await services.sessions.start(me, { minutes: 10, outsideExperiment: true });
    time.set(HOUR + MIN);
    const fromSession = await services.sessions.capture(me, session.id, { text: 'From the extra session' });
    const noted = await services.ideas.capture(me, { text: 'Noticed while working' });
    time.set(HOUR + 5 * MIN);
    const ended = await services.sessions.end(me, session.id);
    // Not counted, so not blind: the session's end screen takes its value.
    expect(ended.blindIdeaIds).toEqual([]);
    expect((await services.sessions.rate(me, session.id, fromSession.id, { value: 4 })).value).toBe(4);
    expect((await services.experiments.get(me, experiment.id)).recorded).toEqual({ passive: 1, focused: 0 });
    // The experiment's phases are untouched by that session.
    expect((await services.experiments.get(me, experiment.id)).phases[1].sessionId).toBeNull();
    await expectError(services.ideas.update(me, noted.id, { value: 3 }), 'conflict');
  });

  it('the passive phase ends at its planned end; ideas after it count to no phase until the focused one starts', async () => {
    const experiment = await services.experiments.create(me, weekInput());
    time.set(DAY);
    await services.ideas.capture(me, { text: 'In the week' });
    time.set(2 * DAY + HOUR);
    const over = await services.experiments.get(me, experiment.id);
    expect(over.status.headline).toContain('count to no phase');
    expect(over.blindCapture).toBe(false);
    const between = await services.ideas.capture(me, { text: 'Between the phases', value: 2 });
    expect(between.value).toBe(2);
    // No confirmation is needed any more, and the passive phase closed at its planned end.
    const focused = await step(experiment.id, 'startFocused');
    expect(focused.phases[0].endedAt).toBe(time.at(2 * DAY));
    expect(focused.passiveEndedEarly).toBe(false);
    expect(focused.recorded).toEqual({ passive: 1, focused: 0 });
  });

  it('the focused phase of one session is that session: its length by default, ending when it ends', async () => {
    const experiment = await services.experiments.create(me, weekInput());
    time.set(2 * DAY + MIN);
    await step(experiment.id, 'startFocused');
    time.set(2 * DAY + 2 * MIN);
    const session = await services.sessions.start(me, {});
    expect(session.plannedMs).toBe(20 * MIN);
    const linked = await services.experiments.get(me, experiment.id);
    expect(linked.phases[1].sessionId).toBe(session.id);
    expect(linked.status.headline).toContain('ends when your session ends');

    // The session runs past the phase's 20 planned minutes: its ideas still count.
    time.set(2 * DAY + 25 * MIN);
    await services.sessions.capture(me, session.id, { text: 'A late idea from the session' });
    time.set(2 * DAY + 27 * MIN);
    await services.sessions.end(me, session.id);
    const ended = await services.experiments.get(me, experiment.id);
    expect(ended.phases[1].endedAt).toBe(time.at(2 * DAY + 27 * MIN));
    expect(ended.recorded).toEqual({ passive: 0, focused: 1 });
    expect(ended.status).toMatchObject({ nextStep: 'startRating' });
    // A second session is not the phase (it is over) and is not asked for.
    await services.sessions.complete(me, session.id, {});
    const second = await services.sessions.start(me, { minutes: 5 });
    expect((await services.experiments.get(me, experiment.id)).phases[1].sessionId).toBe(session.id);
    expect(second.plannedMs).toBe(5 * MIN);
  });
});
