/**
 * Plan fixtures for the plan rules' tests (not a test file itself: vitest collects only `*.test.ts`).
 */
import type { Plan } from './plan.js';

/** An active process plan with no cadence, created 2 March 2026 and due for review on 30 April; `extra` overrides any field. */
export function plan(id: string, extra: Partial<Plan>): Plan {
  return {
    id,
    title: `Plan ${id}`,
    kind: 'process',
    ideaIds: [],
    areaId: null,
    subSkill: null,
    exerciseId: null,
    nextAction: 'Start',
    cadence: null,
    successSignal: 'It works',
    reviewOn: '2026-04-30',
    state: 'active',
    createdAt: '2026-03-02T08:00:00.000Z',
    updatedAt: '2026-03-02T08:00:00.000Z',
    decidedAt: null,
    ...extra,
  };
}
