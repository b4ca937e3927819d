import { createHash } from 'node:crypto';
import { areaNameKey } from '../core/areas.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  Backup,
  type BackupArea,
  type BackupData,
  type BackupSession,
  canonicalJson,
  type ImportSummary,
} from '../core/backup.js';
import { builtinDeck } from '../core/decks/builtin.js';
import type { Deck } from '../core/decks/deck.js';
import { WhetstoneError } from '../core/errors.js';
import { type ExportFormat, ideasToCsv, ideasToMarkdown } from '../core/export-formats.js';
import type { Idea } from '../core/ideas.js';
import { plansToMarkdown } from '../core/plans/markdown.js';
import { ACTIVE_STATES } from '../core/sessions/session.js';
import { canonicalInstant } from '../core/time.js';
import { toFieldIssues } from '../core/validation.js';
import { AreaRepository } from '../store/area.repository.js';
import type { Store } from '../store/connect.js';
import { DeckRepository } from '../store/deck.repository.js';
import { IdeaRepository } from '../store/idea.repository.js';
import { SessionRepository } from '../store/session.repository.js';
import { inTransaction } from '../store/transaction.js';
import { exportExperimentData, importExperimentData } from './backup-experiments.js';
import { exportPlanData, importPlanData } from './backup-plans.js';
import type { Actor, Clock } from './context.js';
import { systemTimeZone } from './settings.service.js';

export interface ExportFile {
  contentType: string;
  filename: string;
  body: string;
}

export function backupChecksum(data: BackupData): string {
  return `sha256:${createHash('sha256').update(canonicalJson(data)).digest('hex')}`;
}

/** Full backups (lossless JSON), Markdown and CSV exports, and idempotent restore. */
export class BackupService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async createBackup(actor: Actor): Promise<Backup> {
    const areas = await new AreaRepository(this.store.db, this.store.engine).list(actor.userId, true);
    const ideas = await new IdeaRepository(this.store.db, this.store.engine).listAll(actor.userId);
    const sessionRepo = new SessionRepository(this.store.db, this.store.engine);
    const sessions: BackupSession[] = [];
    for (const session of (await sessionRepo.list(actor.userId, Number.MAX_SAFE_INTEGER)).reverse()) {
      sessions.push({ ...session, questions: await sessionRepo.questions(session.id) });
    }
    const decks = await new DeckRepository(this.store.db).list(actor.userId);
    const data: BackupData = {
      areas: areas.map(({ ideaCount: _n, ...area }) => area),
      ideas,
      sessions,
      decks,
      ...(await exportExperimentData(this.store, actor)),
      ...(await exportPlanData(this.store, actor)),
    };
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: this.clock().toISOString(),
      checksum: backupChecksum(data),
      data,
    };
  }

  async export(actor: Actor, format: ExportFormat): Promise<ExportFile> {
    const backup = await this.createBackup(actor);
    const day = backup.exportedAt.slice(0, 10);
    const { areas, ideas } = backup.data;
    switch (format) {
      case 'json':
        return {
          contentType: 'application/json',
          filename: `whetstone-backup-${day}.json`,
          body: `${JSON.stringify(backup, null, 2)}\n`,
        };
      case 'md':
        return {
          contentType: 'text/markdown; charset=utf-8',
          filename: `whetstone-ideas-${day}.md`,
          body: this.markdown(backup),
        };
      case 'csv':
        return {
          contentType: 'text/csv; charset=utf-8',
          filename: `whetstone-ideas-${day}.csv`,
          body: ideasToCsv(ideas, areas),
        };
    }
  }

  /** Ideas by area, then plans, the practice log, interruptions and weekly reviews. */
  private markdown(backup: Backup): string {
    const { areas, ideas } = backup.data;
    const plans = plansToMarkdown({
      plans: backup.data.plans ?? [],
      practice: backup.data.practice ?? [],
      interruptions: backup.data.interruptions ?? [],
      weeklyReviews: backup.data.reviews?.weekly ?? [],
      planReviews: backup.data.reviews?.plans ?? [],
      ideas,
      areas,
      timeZone: backup.data.settings?.timeZone ?? systemTimeZone(),
    });
    const ideasPart = ideasToMarkdown(ideas, areas, backup.exportedAt);
    return plans ? `${ideasPart.trimEnd()}\n\n${plans}` : ideasPart;
  }

  /**
   * Restores a backup in one transaction. Records are matched by id (areas also by name), so
   * importing the same file twice changes nothing; a newer local edit of an idea is kept. With
   * `dryRun` the same work runs and is rolled back, so the summary says what an import would do.
   */
  async import(
    actor: Actor,
    raw: string | unknown,
    options: { dryRun?: boolean } = {},
  ): Promise<ImportSummary> {
    const backup = parseBackup(raw);
    try {
      return await this.restore(actor, backup, options.dryRun === true);
    } catch (error) {
      if (error instanceof DryRunDone) return error.summary;
      throw error;
    }
  }

  private restore(actor: Actor, backup: Backup, dryRun: boolean): Promise<ImportSummary> {
    return inTransaction(this.store, async (trx) => {
      const areas = new AreaRepository(trx, this.store.engine);
      const ideas = new IdeaRepository(trx, this.store.engine);
      const summary: ImportSummary = {
        areas: { created: 0, updated: 0, unchanged: 0 },
        ideas: { created: 0, updated: 0, unchanged: 0 },
        sessions: { created: 0, updated: 0, unchanged: 0 },
        decks: { created: 0, updated: 0, unchanged: 0 },
        experiments: { created: 0, updated: 0, unchanged: 0 },
        measurements: { created: 0, updated: 0, unchanged: 0 },
        pools: { created: 0, updated: 0, unchanged: 0 },
        plans: { created: 0, updated: 0, unchanged: 0 },
        exercises: { created: 0, updated: 0, unchanged: 0 },
        practice: { created: 0, updated: 0, unchanged: 0 },
        interruptions: { created: 0, updated: 0, unchanged: 0 },
        reviews: { created: 0, updated: 0, unchanged: 0 },
      };
      const existingAreas = new Map((await areas.list(actor.userId, true)).map((a) => [a.id, a]));
      const areaIdMap = new Map<string, string>();
      for (const area of backup.data.areas) {
        const nameKey = areaNameKey(area.name);
        const sameId = existingAreas.get(area.id);
        const sameName = await areas.findByNameKey(actor.userId, nameKey);
        if (sameId) {
          if (sameName && sameName.id !== area.id) throw nameClash(area);
          const { ideaCount: _n, ...current } = sameId;
          if (canonicalJson(current) === canonicalJson(area)) summary.areas.unchanged++;
          else {
            await areas.update(actor.userId, area, nameKey);
            summary.areas.updated++;
          }
          areaIdMap.set(area.id, area.id);
        } else if (sameName) {
          // The same area under another id (made separately on this machine): merge into it.
          areaIdMap.set(area.id, sameName.id);
          summary.areas.unchanged++;
        } else {
          await areas.insert(actor.userId, area, nameKey);
          areaIdMap.set(area.id, area.id);
          summary.areas.created++;
        }
      }
      for (const incoming of backup.data.ideas) {
        const idea: Idea = {
          ...incoming,
          areaId: incoming.areaId === null ? null : (areaIdMap.get(incoming.areaId) ?? incoming.areaId),
        };
        const current = await ideas.findById(actor.userId, idea.id);
        if (!current) {
          if (await ideas.existsForAnotherUser(actor.userId, idea.id)) {
            throw new WhetstoneError('conflict', `idea ${idea.id} belongs to another account`);
          }
          await ideas.insert(actor.userId, idea);
          summary.ideas.created++;
        } else if (
          canonicalJson(current) === canonicalJson(idea) ||
          Date.parse(current.updatedAt) > Date.parse(idea.updatedAt)
        ) {
          summary.ideas.unchanged++;
        } else {
          await ideas.replace(actor.userId, idea);
          summary.ideas.updated++;
        }
      }
      await importDecks(new DeckRepository(trx), actor, backup.data.decks ?? [], summary, this.clock);
      await importSessions(
        new SessionRepository(trx, this.store.engine),
        actor,
        backup.data.sessions ?? [],
        summary,
        this.clock,
      );
      await importExperimentData(
        trx,
        this.store.engine,
        actor,
        backup.data,
        summary,
        this.clock().toISOString(),
      );
      await importPlanData(trx, actor, backup.data, summary);
      if (dryRun) throw new DryRunDone(summary);
      return summary;
    });
  }
}

/** Thrown at the end of a dry run so its transaction rolls back; carries what it would have done. */
class DryRunDone extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

async function importDecks(
  decks: DeckRepository,
  actor: Actor,
  incoming: readonly Deck[],
  summary: ImportSummary,
  clock: Clock,
): Promise<void> {
  const now = clock().toISOString();
  for (const deck of incoming) {
    if (builtinDeck(deck.id)) continue; // built-in decks come with the program
    const current = await decks.find(actor.userId, deck.id);
    if (!current) {
      await decks.insert(actor.userId, { ...deck, builtin: false }, deck.createdAt ?? now);
      summary.decks.created++;
    } else if (canonicalJson(current) === canonicalJson({ ...deck, builtin: false })) {
      summary.decks.unchanged++;
    } else {
      await decks.update(actor.userId, { ...deck, builtin: false }, deck.updatedAt ?? now);
      summary.decks.updated++;
    }
  }
}

async function importSessions(
  sessions: SessionRepository,
  actor: Actor,
  incoming: readonly BackupSession[],
  summary: ImportSummary,
  clock: Clock,
): Promise<void> {
  const now = clock().toISOString();
  for (const { questions, ...session } of incoming) {
    const current = await sessions.findById(actor.userId, session.id);
    const currentQuestions = current ? await sessions.questions(session.id) : [];
    if (
      current &&
      canonicalJson({ ...current, questions: currentQuestions }) === canonicalJson({ ...session, questions })
    ) {
      summary.sessions.unchanged++;
      continue;
    }
    if (ACTIVE_STATES.includes(session.state)) {
      const active = await sessions.findActive(actor.userId);
      if (active && active.id !== session.id) {
        throw new WhetstoneError(
          'conflict',
          `session ${session.id} in the backup is still ${session.state}, and session ${active.id} is active here; end it first`,
        );
      }
    }
    if (current) {
      await sessions.update(actor.userId, session, now);
      summary.sessions.updated++;
    } else {
      await sessions.insert(actor.userId, session, now);
      summary.sessions.created++;
    }
    for (const question of questions) await sessions.putQuestion(session.id, question);
  }
}

/** Validates a backup completely before anything is written: syntax, shape, checksum, references. */
export function parseBackup(raw: string | unknown): Backup {
  let json: unknown = raw;
  if (typeof raw === 'string') {
    try {
      json = JSON.parse(raw);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw invalidBackup(`the file is not valid JSON (truncated or damaged?): ${reason}`);
    }
  }
  if (!json || typeof json !== 'object' || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw invalidBackup(`this is not a Whetstone backup (expected "format": "${BACKUP_FORMAT}")`);
  }
  const version = (json as { version?: unknown }).version;
  if (version !== BACKUP_VERSION) {
    throw invalidBackup(
      `backup version ${String(version)} is not supported (this build reads version ${BACKUP_VERSION})`,
    );
  }
  const result = Backup.safeParse(json);
  if (!result.success) {
    const issues = toFieldIssues(result.error);
    const first = issues[0];
    throw new WhetstoneError(
      'invalid_backup',
      `invalid backup: ${first?.field}: ${first?.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
      issues,
    );
  }
  // The checksum covers the data as written in the file, before defaults are filled in.
  if (backupChecksum((json as { data: BackupData }).data) !== result.data.checksum) {
    throw invalidBackup(
      'the checksum does not match the content: the file was changed or damaged after export',
    );
  }
  const backup = withCanonicalInstants(result.data);
  assertUnique(
    backup.data.areas.map((a) => a.id),
    'areas',
  );
  assertUnique(
    backup.data.ideas.map((i) => i.id),
    'ideas',
  );
  const areaIds = new Set(backup.data.areas.map((a) => a.id));
  backup.data.ideas.forEach((idea, index) => {
    if (idea.areaId !== null && !areaIds.has(idea.areaId)) {
      throw invalidBackup(
        `idea ${idea.id} refers to area "${idea.areaId}", which is not in the backup`,
        `data.ideas.${index}.areaId`,
      );
    }
  });
  return backup;
}

/** Backups from other tools may write `10:00:00Z`; the store keeps `10:00:00.000Z` (see core/time). */
function withCanonicalInstants(backup: Backup): Backup {
  const areas = backup.data.areas.map((area) => ({
    ...area,
    createdAt: canonicalInstant(area.createdAt),
    archivedAt: area.archivedAt === null ? null : canonicalInstant(area.archivedAt),
  }));
  const ideas = backup.data.ideas.map((idea) => ({
    ...idea,
    createdAt: canonicalInstant(idea.createdAt),
    updatedAt: canonicalInstant(idea.updatedAt),
    statusChangedAt: canonicalInstant(idea.statusChangedAt),
  }));
  return { ...backup, data: { ...backup.data, areas, ideas } };
}

function assertUnique(ids: string[], what: string): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) throw invalidBackup(`${what} contain the id "${id}" twice`, `data.${what}.${index}.id`);
    seen.add(id);
  });
}

function invalidBackup(message: string, field = '(file)'): WhetstoneError {
  return new WhetstoneError('invalid_backup', `invalid backup: ${message}`, [{ field, message }]);
}

function nameClash(area: BackupArea): WhetstoneError {
  return invalidBackup(`area "${area.name}" clashes with another area of the same name here`, 'data.areas');
}
