import type { IdeaStatus } from '../core/idea-status.js';
import { ideaStatusSteps, linkedIdeaStatus } from '../core/plans/linked-ideas.js';
import type { Store } from '../store/connect.js';
import { IdeaRepository } from '../store/idea.repository.js';
import { PlanRepository } from '../store/plan.repository.js';
import { PracticeRepository } from '../store/practice.repository.js';
import type { Actor } from './context.js';

/** How far along the lifecycle a status is; a plan moves its ideas forward, never back. */
const PROGRESS: Record<IdeaStatus, number> = { new: 0, planned: 1, trying: 2, adopted: 3, dropped: -1 };

/**
 * Brings the status of each idea in `ideaIds` in line with its plans (inside the caller's
 * transaction): a plan makes an idea planned, practice makes it trying, a kept plan adopts it,
 * and only when every plan was dropped is the idea dropped. A status the user moved further on
 * by hand (e.g. adopted without a plan) is left alone.
 */
export async function syncIdeaStatuses(
  trx: Store['db'],
  engine: Store['engine'],
  actor: Actor,
  ideaIds: readonly string[],
  now: string,
): Promise<void> {
  const ideas = new IdeaRepository(trx, engine);
  const plans = new PlanRepository(trx);
  const practice = new PracticeRepository(trx);
  for (const ideaId of new Set(ideaIds)) {
    const idea = await ideas.findById(actor.userId, ideaId);
    if (!idea) continue; // deleted since it was linked
    const linked = await plans.forIdea(actor.userId, ideaId);
    const states = [];
    for (const plan of linked)
      states.push({ state: plan.state, hasPractice: await practice.hasPractice(actor.userId, plan.id) });
    const target = linkedIdeaStatus(states);
    if (target === null || target === idea.status) continue;
    const forward = PROGRESS[target] > PROGRESS[idea.status];
    const givenUp = target === 'dropped' && (idea.status === 'planned' || idea.status === 'trying');
    if (!(forward || givenUp) || ideaStatusSteps(idea.status, target).length === 0) continue;
    await ideas.replace(actor.userId, { ...idea, status: target, updatedAt: now, statusChangedAt: now });
  }
}
