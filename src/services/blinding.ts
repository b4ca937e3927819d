import { blindPhaseOf, blindValueRefused, type CountedIdea } from '../core/experiments/counting.js';
import type { Store } from '../store/connect.js';
import { ExperimentRepository } from '../store/experiment.repository.js';
import type { Actor, Clock } from './context.js';

/**
 * The one place that decides whether an idea may be given a value now: ideas that count to the
 * person's running experiment are valued only in its blind queue (src/core/experiments/counting.ts).
 * Every path that stores a value — capture, edit, a session's end screen — asks here.
 */
export class Blinding {
  private readonly experiments: ExperimentRepository;

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.experiments = new ExperimentRepository(store.db, store.engine);
  }

  /** Refuses a value for an idea while it counts to a running experiment. */
  async assertMayValue(actor: Actor, idea: CountedIdea, field = 'value'): Promise<void> {
    const active = await this.experiments.findActive(actor.userId);
    if (active && blindPhaseOf(active.record, idea, this.clock())) throw blindValueRefused(field);
  }

  /** The ids among `ideas` whose value is given in the running experiment's blind rating. */
  async blindIds(
    actor: Actor,
    ideas: readonly (CountedIdea & { id: string })[],
  ): Promise<ReadonlySet<string>> {
    const active = ideas.length ? await this.experiments.findActive(actor.userId) : undefined;
    if (!active) return new Set();
    const now = this.clock();
    return new Set(ideas.filter((i) => blindPhaseOf(active.record, i, now)).map((i) => i.id));
  }
}
