import { notFound, WhetstoneError } from '../core/errors.js';
import { idPrefixOf, pickByPrefix } from '../core/id-prefix.js';
import { assertTransition } from '../core/idea-status.js';
import {
  type Idea,
  IdeaCreateInput,
  IdeaListQuery,
  type IdeaPage,
  IdeaUpdateInput,
  newIdea,
} from '../core/ideas.js';
import { parseInput } from '../core/validation.js';
import type { Store } from '../store/connect.js';
import { IdeaRepository } from '../store/idea.repository.js';
import { PlanRepository } from '../store/plan.repository.js';
import { inTransaction } from '../store/transaction.js';
import type { AreaService } from './area.service.js';
import type { Blinding } from './blinding.js';
import type { Actor, Clock } from './context.js';

/** Use cases for improvement ideas: capture, find, edit, rate, move through the lifecycle. */
export class IdeaService {
  private readonly ideas: IdeaRepository;

  constructor(
    private readonly store: Store,
    private readonly areas: AreaService,
    private readonly blinding: Blinding,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {
    this.ideas = new IdeaRepository(store.db, store.engine);
  }

  /** Stores a new idea; it is durable once this resolves. */
  async capture(actor: Actor, input: unknown): Promise<Idea> {
    const parsed = parseInput(IdeaCreateInput, input);
    if (parsed.areaId) await this.areas.assertUsable(actor, parsed.areaId);
    const now = this.clock().toISOString();
    if (parsed.value != null) await this.blinding.assertMayValue(actor, { createdAt: now, sessionId: null });
    const idea = newIdea(parsed, this.newId(), now);
    await this.ideas.insert(actor.userId, idea);
    return idea;
  }

  async get(actor: Actor, id: string): Promise<Idea> {
    const idea = await this.ideas.findById(actor.userId, id);
    if (!idea) throw notFound('idea', id);
    return idea;
  }

  /** The full id for `idOrPrefix` (as in git, a unique prefix of at least 4 characters). */
  async resolveId(actor: Actor, idOrPrefix: string): Promise<string> {
    const matches = await this.ideas.idsWithPrefix(actor.userId, idPrefixOf('idea', idOrPrefix));
    return pickByPrefix('idea', idOrPrefix, matches);
  }

  /** Applies a partial edit; a status change must follow the lifecycle. */
  async update(actor: Actor, id: string, input: unknown): Promise<Idea> {
    const patch = parseInput(IdeaUpdateInput, input);
    const current = await this.get(actor, id);
    if (patch.areaId && patch.areaId !== current.areaId) await this.areas.assertUsable(actor, patch.areaId);
    if (patch.status) assertTransition(current.status, patch.status);
    if (patch.value != null && patch.value !== current.value)
      await this.blinding.assertMayValue(actor, current);
    const now = this.clock().toISOString();
    const statusChanged = patch.status !== undefined && patch.status !== current.status;
    const next: Idea = {
      ...current,
      text: patch.text ?? current.text,
      areaId: patch.areaId === undefined ? current.areaId : patch.areaId,
      status: patch.status ?? current.status,
      value: patch.value === undefined ? current.value : patch.value,
      effort: patch.effort === undefined ? current.effort : patch.effort,
      context: patch.context === undefined ? current.context : patch.context || null,
      updatedAt: now,
      statusChangedAt: statusChanged ? now : current.statusChangedAt,
    };
    await this.ideas.replace(actor.userId, next);
    return next;
  }

  /** Deletes an idea and unlinks it from the plans that carried it out, in one transaction. */
  async remove(actor: Actor, id: string): Promise<void> {
    await inTransaction(this.store, async (trx) => {
      if (!(await this.ideas.withTransaction(trx).delete(actor.userId, id))) throw notFound('idea', id);
      const plans = new PlanRepository(trx);
      for (const plan of await plans.forIdea(actor.userId, id))
        await plans.update(actor.userId, {
          ...plan,
          ideaIds: plan.ideaIds.filter((ideaId) => ideaId !== id),
        });
    });
  }

  /** One page of ideas matching the query, newest first. */
  /** A page of the actor's ideas; `withinAreas` narrows it to some areas (a coach's grant). */
  async list(actor: Actor, query: unknown, withinAreas: readonly string[] | null = null): Promise<IdeaPage> {
    const parsed = parseInput(IdeaListQuery, query);
    return this.ideas.list(
      actor.userId,
      {
        areaId: parsed.area,
        areaIds: withinAreas ?? undefined,
        source: parsed.source,
        status: parsed.status,
        search: parsed.q,
        since: parsed.since ? sinceInstant(parsed.since) : undefined,
      },
      parsed.limit,
      parsed.cursor,
    );
  }
}

/** A bare date means local midnight of that day, as a person typing `--since 2026-11-01` expects. */
function sinceInstant(since: string): string {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(since) ? new Date(`${since}T00:00:00`) : new Date(since);
  if (Number.isNaN(instant.getTime())) throw new WhetstoneError('validation', 'since: not a valid date');
  return instant.toISOString();
}
