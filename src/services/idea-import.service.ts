import { WhetstoneError } from '../core/errors.js';
import { type IdeaDraft, ideaDrafts } from '../core/idea-import.js';
import type { Idea } from '../core/ideas.js';
import { canonicalInstant } from '../core/time.js';
import { startOfDay } from '../core/time-zone.js';
import type { Store } from '../store/connect.js';
import { IdeaRepository } from '../store/idea.repository.js';
import { inTransaction } from '../store/transaction.js';
import type { AreaService } from './area.service.js';
import type { Blinding } from './blinding.js';
import type { Actor, Clock } from './context.js';
import type { SettingsService } from './settings.service.js';

/** What an import of CSV or Markdown did, or (dry run) would do. */
export interface IdeaImportResult {
  dryRun: boolean;
  /** The ideas created (or that would be), in the file's order, each with where it was. */
  created: { where: string; idea: Idea }[];
  /** Items whose id is already one of this person's ideas: left as they are. */
  alreadyThere: number;
}

/**
 * Imports ideas from a CSV file (the columns `whet export --format csv` writes) or a Markdown list.
 * Everything is checked before anything is written, and the ideas are written in one transaction:
 * a bad row names itself and nothing is created.
 */
export class IdeaImportService {
  constructor(
    private readonly store: Store,
    private readonly areas: AreaService,
    private readonly settings: SettingsService,
    private readonly blinding: Blinding,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  async import(
    actor: Actor,
    format: 'csv' | 'md',
    text: string,
    options: { dryRun: boolean },
  ): Promise<IdeaImportResult> {
    const drafts = ideaDrafts(format, text);
    const timeZone = await this.settings.timeZone(actor);
    const now = canonicalInstant(this.clock().toISOString());
    const ideas: { where: string; idea: Idea }[] = [];
    for (const draft of drafts) {
      const idea = await this.ideaOf(actor, draft, timeZone, now);
      if (idea.value !== null) await this.blinding.assertMayValue(actor, idea, `${draft.where}: value`);
      ideas.push({ where: draft.where, idea });
    }
    const write = async (repository: IdeaRepository, dryRun: boolean): Promise<IdeaImportResult> => {
      const result: IdeaImportResult = { dryRun, created: [], alreadyThere: 0 };
      const seen = new Set<string>();
      for (const entry of ideas) {
        const { idea } = entry;
        if (seen.has(idea.id) || (await repository.findById(actor.userId, idea.id))) {
          result.alreadyThere++;
          continue;
        }
        seen.add(idea.id);
        // An id another account uses stays theirs; this idea gets a new one.
        const id = (await repository.existsForAnotherUser(actor.userId, idea.id)) ? this.newId() : idea.id;
        const created = { where: entry.where, idea: { ...idea, id } };
        if (!dryRun) await repository.insert(actor.userId, created.idea);
        result.created.push(created);
      }
      return result;
    };
    if (options.dryRun) return write(new IdeaRepository(this.store.db, this.store.engine), true);
    return inTransaction(this.store, (trx) => write(new IdeaRepository(trx, this.store.engine), false));
  }

  /** The idea a draft becomes: its area resolved, its times filled in. */
  private async ideaOf(actor: Actor, draft: IdeaDraft, timeZone: string, now: string): Promise<Idea> {
    const createdAt = draft.createdAt
      ? canonicalInstant(draft.createdAt)
      : draft.capturedOn
        ? startOfDay(draft.capturedOn, timeZone)
        : now;
    const updatedAt = draft.updatedAt ? canonicalInstant(draft.updatedAt) : createdAt;
    return {
      id: draft.id ?? this.newId(),
      text: draft.text,
      areaId: await this.areaOf(actor, draft),
      source: draft.source,
      status: draft.status,
      value: draft.value,
      effort: draft.effort,
      context: draft.context || null,
      createdAt,
      updatedAt,
      statusChangedAt: updatedAt,
      sessionId: null,
      questionId: null,
    };
  }

  /** The area the draft names (which must exist and be open), else the heading's if it is one. */
  private async areaOf(actor: Actor, draft: IdeaDraft): Promise<string | null> {
    if (draft.area) return this.areas.resolve(actor, draft.area, 'file', `${draft.where}: area`);
    if (!draft.areaHint) return null;
    try {
      return await this.areas.resolve(actor, draft.areaHint, 'file');
    } catch (error) {
      if (error instanceof WhetstoneError && error.code === 'validation') return null;
      throw error;
    }
  }
}
