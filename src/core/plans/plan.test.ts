import { describe, expect, it } from 'vitest';
import { thrownError } from '../errors.test-support.js';
import { newPlan, type Plan, Plan as PlanSchema, updatePlan } from './plan.js';

// 2026-03-01T23:30Z is already Monday 2 March in Berlin (UTC+1), still Sunday 1 March in New York.
const NOW = '2026-03-01T23:30:00.000Z';
const BERLIN = { now: NOW, timeZone: 'Europe/Berlin' };

const practice = {
  title: 'Summarise a paper a week',
  kind: 'practice',
  ideaIds: ['idea0001'],
  subSkill: 'reading',
  nextAction: 'Pick the paper for Monday',
  cadence: '3x30/week',
  successSignal: 'I finish a paper summary in under an hour',
  reviewOn: '2026-03-30',
};

describe('newPlan', () => {
  it('builds an active plan, filling the area from the sub-skill', () => {
    const plan = newPlan(practice, { ...BERLIN, id: 'plan0001' });
    expect(plan).toEqual({
      id: 'plan0001',
      title: 'Summarise a paper a week',
      kind: 'practice',
      ideaIds: ['idea0001'],
      areaId: 'reading',
      subSkill: 'reading',
      exerciseId: null,
      nextAction: 'Pick the paper for Monday',
      cadence: { rule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', minutes: 30, at: '09:00', perWeek: 3 },
      successSignal: 'I finish a paper summary in under an hour',
      reviewOn: '2026-03-30',
      state: 'active',
      createdAt: NOW,
      updatedAt: NOW,
      decidedAt: null,
    } satisfies Plan);
    expect(PlanSchema.safeParse(plan).success).toBe(true);
  });

  it('takes the sub-skill from a built-in exercise and the area from an explicit choice', () => {
    const plan = newPlan(
      { ...practice, subSkill: undefined, exerciseId: 'writing-reverse-outline', areaId: 'my-thesis' },
      { ...BERLIN, id: 'plan0002' },
    );
    expect(plan).toMatchObject({
      subSkill: 'writing',
      exerciseId: 'writing-reverse-outline',
      areaId: 'my-thesis',
    });
  });

  it('accepts a process change without cadence or ideas, and removes duplicate idea ids', () => {
    const plan = newPlan(
      {
        title: 'No chat before noon',
        kind: 'process',
        ideaIds: ['idea0001', 'idea0002', 'idea0001'],
        nextAction: 'Turn off notifications',
        successSignal: 'Two uninterrupted mornings a week',
        reviewOn: '2026-03-02',
      },
      { ...BERLIN, id: 'plan0003' },
    );
    expect(plan).toMatchObject({
      cadence: null,
      areaId: null,
      subSkill: null,
      ideaIds: ['idea0001', 'idea0002'],
    });
  });

  it('judges "in the past" by the local date in the person\'s zone', () => {
    // In Berlin it is already 2 March: 1 March is past. In New York it is still 1 March.
    const berlin = thrownError(() =>
      newPlan({ ...practice, reviewOn: '2026-03-01' }, { ...BERLIN, id: 'p1' }),
    );
    expect(berlin.message).toBe('reviewOn: must not be in the past (today is 2026-03-02 in Europe/Berlin)');
    expect(berlin.issues).toEqual([
      { field: 'reviewOn', message: 'must not be in the past (today is 2026-03-02 in Europe/Berlin)' },
    ]);
    const ny = newPlan(
      { ...practice, reviewOn: '2026-03-01' },
      { now: NOW, timeZone: 'America/New_York', id: 'p2' },
    );
    expect(ny.reviewOn).toBe('2026-03-01');
  });

  it.each([
    [{ reviewOn: '2027-03-04' }, 'reviewOn', 'must be at most a year ahead (on or before 2027-03-03)'],
    [{ reviewOn: '2026-02-30' }, 'reviewOn', 'must be a calendar date like 2026-11-23'],
    [{ cadence: 'sometimes' }, 'cadence', 'cannot read "sometimes" as a cadence'],
    [
      { cadence: { rule: 'FREQ=DAILY', minutes: 2000 } },
      'cadence.minutes',
      'must be a whole number of minutes',
    ],
    [{ cadence: null }, 'cadence', 'a practice routine needs a cadence, e.g. 3x30/week'],
    [{ subSkill: null }, 'subSkill', 'a practice routine needs a sub-skill or an exercise'],
    [{ exerciseId: 'coding-predict-each-run' }, 'exerciseId', 'practises coding, not reading'],
    [{ title: '   ' }, 'title', 'must not be empty'],
    [{ nextAction: 'x'.repeat(301) }, 'nextAction', 'must be at most 300 characters'],
    [{ kind: 'habit' }, 'kind', 'must be one of: process, environment, practice'],
    [{ ideaIds: Array.from({ length: 21 }, (_, i) => `idea${1000 + i}`) }, 'ideaIds', 'at most 20 ideas'],
    [{ owner: 'me' }, 'owner', 'unknown field(s): owner'],
  ])('refuses %j naming %s', (change, field, message) => {
    const error = thrownError(() => newPlan({ ...practice, ...change }, { ...BERLIN, id: 'p1' }));
    expect(error.code).toBe('validation');
    expect(error.issues[0]?.field).toBe(field);
    expect(error.issues[0]?.message).toContain(message);
  });
});

describe('updatePlan', () => {
  const plan = newPlan(practice, { ...BERLIN, id: 'plan0001' });
  const later = { now: '2026-03-05T10:00:00.000Z', timeZone: 'Europe/Berlin' };

  it('changes the given fields only and stamps updatedAt', () => {
    const updated = updatePlan(plan, { nextAction: 'Print the paper', cadence: 'weekdays 20' }, later);
    expect(updated).toEqual({
      ...plan,
      nextAction: 'Print the paper',
      cadence: { rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', minutes: 20, at: '09:00', perWeek: null },
      updatedAt: '2026-03-05T10:00:00.000Z',
    });
  });

  it('checks the merged plan: a practice routine keeps its cadence; a new review date is not past', () => {
    expect(() => updatePlan(plan, { cadence: null }, later)).toThrow(
      'cadence: a practice routine needs a cadence',
    );
    expect(updatePlan(plan, { cadence: null, kind: 'process' }, later).cadence).toBeNull();
    expect(() => updatePlan(plan, { reviewOn: '2026-03-04' }, later)).toThrow(
      'reviewOn: must not be in the past',
    );
  });

  it('refuses to change a kept or dropped plan', () => {
    const kept: Plan = { ...plan, state: 'kept' };
    const error = thrownError(() => updatePlan(kept, { title: 'x' }, later));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('plan: the plan was kept and can no longer change');
  });
});
