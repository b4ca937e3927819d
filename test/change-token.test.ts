import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_ACTOR as ME } from '../src/services/context.js';
import { openEnv, steppingClock, type TestEnv } from './harness/fixtures.js';
import { ENGINES } from './harness/stores.js';

/** The token behind the live `/events` stream: it must move whenever the user's data changed. */
describe.each(ENGINES)('the change token on %s', (engine) => {
  let env: TestEnv;
  afterEach(async () => {
    await env.cleanup();
  });

  it('moves after each kind of write the web app shows live', async () => {
    env = await openEnv(engine, steppingClock());
    const { services } = env;
    const tokens = [await services.changes.token(ME)];
    const moved = async (what: string) => {
      const token = await services.changes.token(ME);
      expect(token, what).not.toBe(tokens.at(-1));
      tokens.push(token);
    };
    const idea = await services.ideas.capture(ME, { text: 'Block mornings for writing' });
    await moved('idea captured');
    await services.experiments.create(ME, {
      templateId: 'week-vs-20-minutes',
      prediction: { text: 'Focused wins', favoured: 'focused' },
      start: true,
    });
    await moved('experiment started');
    const plan = await services.plans.create(ME, {
      title: 'Write before email',
      kind: 'process',
      ideaIds: [idea.id],
      nextAction: 'Close the mail app at 9',
      successSignal: 'Two pages before 10',
      reviewOn: '2026-03-16',
    });
    await moved('plan created');
    await services.practice.log(ME, { planId: plan.id, minutes: 25 });
    await moved('practice logged');
    await services.practice.interrupt(ME, { reason: 'chat' });
    await moved('interruption logged');
    await services.reviews.submitWeekly(ME, { weekOf: '2026-03-02' });
    await moved('weekly review saved');
  });
});
