import { allowedTransitions, type IdeaStatus } from '../idea-status.js';
import type { PlanState } from './plan.js';

/**
 * A plan's linked ideas follow it: a new plan makes them `planned`, the first practice block (or
 * an adjustment) `trying`, keeping the plan `adopted`, dropping it `dropped`.
 */
export function ideaStatusFor(state: PlanState, hasPractice: boolean): IdeaStatus {
  switch (state) {
    case 'active':
    case 'reviewing':
      return hasPractice ? 'trying' : 'planned';
    case 'adjusted':
      return 'trying';
    case 'kept':
      return 'adopted';
    case 'dropped':
      return 'dropped';
  }
}

const RANK: Record<IdeaStatus, number> = { adopted: 4, trying: 3, planned: 2, dropped: 1, new: 0 };

/**
 * The status of an idea linked to several plans: the most advanced any of them gives (one kept
 * plan adopts the idea); `dropped` only when every plan was dropped; null without plans.
 */
export function linkedIdeaStatus(
  plans: readonly { state: PlanState; hasPractice: boolean }[],
): IdeaStatus | null {
  let best: IdeaStatus | null = null;
  for (const plan of plans) {
    const status = ideaStatusFor(plan.state, plan.hasPractice);
    if (best === null || RANK[status] > RANK[best]) best = status;
  }
  return best;
}

/**
 * The legal steps of the idea lifecycle from `from` to `to` (shortest path, `to` last; empty when
 * they are equal). A plan kept without a practice log moves its idea planned -> trying -> adopted,
 * since the lifecycle has no shortcut from planned to adopted.
 */
export function ideaStatusSteps(from: IdeaStatus, to: IdeaStatus): IdeaStatus[] {
  if (from === to) return [];
  const previous = new Map<IdeaStatus, IdeaStatus>();
  const queue: IdeaStatus[] = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const next of allowedTransitions(current)) {
      if (next === from || previous.has(next)) continue;
      previous.set(next, current);
      if (next === to) {
        const path: IdeaStatus[] = [to];
        for (let s = current; s !== from; s = previous.get(s)!) path.unshift(s);
        return path;
      }
      queue.push(next);
    }
  }
  return [];
}
