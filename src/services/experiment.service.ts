import { createHash } from 'node:crypto';
import { notFound, WhetstoneError } from '../core/errors.js';
import { blindQueue } from '../core/experiments/blind.js';
import { experimentCalendar } from '../core/experiments/calendar.js';
import { buildResultCard, type ResultCard } from '../core/experiments/card.js';
import { countsSessionIdeas, phaseWindow } from '../core/experiments/counting.js';
import { createExperiment, type ExperimentRecord } from '../core/experiments/experiment.js';
import { measurementReport } from '../core/experiments/measurement-report.js';
import { RatingInput, type RatingQueueView, StepInput, TriageInput } from '../core/experiments/rating.js';
import {
  lastRated,
  type QueueOptions,
  ratingInstant,
  ratingQueueView,
} from '../core/experiments/rating-queue.js';
import { experimentReport } from '../core/experiments/report.js';
import type {
  ExperimentReportView,
  IdeaPhaseReport,
  MeasurementObservation,
} from '../core/experiments/report-view.js';
import { BUILTIN_TEMPLATES, type ExperimentTemplate, findTemplate } from '../core/experiments/templates.js';
import * as transitions from '../core/experiments/transitions.js';
import { type ExperimentView, experimentView } from '../core/experiments/view.js';
import { measurementNameKey } from '../core/measurements.js';
import { parseInput } from '../core/validation.js';
import type { Store } from '../store/connect.js';
import {
  ExperimentRepository,
  type RatingItem,
  type StoredExperiment,
} from '../store/experiment.repository.js';
import { IdeaRepository } from '../store/idea.repository.js';
import { MeasurementRepository } from '../store/measurement.repository.js';
import { inTransaction } from '../store/transaction.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import type { Actor, Clock } from './context.js';
import { secondRaterPart } from './second-rater-part.js';

export type { ExperimentReportView, IdeaPhaseReport };

export type RatingOptions = Pick<QueueOptions, 'skip'>;

type Step = Exclude<transitions.ExperimentAction, 'revisePrediction'>;

/**
 * Use cases of self-experiments: start with a locked prediction, move through the phases, rate
 * blind, report, and export the anonymous result card and the phase calendar.
 */
export class ExperimentService {
  private readonly experiments: ExperimentRepository;
  private readonly ideas: IdeaRepository;
  private readonly measurements: MeasurementRepository;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {
    this.experiments = new ExperimentRepository(store.db, store.engine);
    this.ideas = new IdeaRepository(store.db, store.engine);
    this.measurements = new MeasurementRepository(store.db);
  }

  templates(): readonly ExperimentTemplate[] {
    return BUILTIN_TEMPLATES;
  }

  /** Creates an experiment; with `start: true` the prediction is locked and the first phase begins. */
  async create(actor: Actor, input: unknown): Promise<ExperimentView> {
    const { start, ...rest } = (input ?? {}) as { start?: unknown };
    if (start !== undefined && typeof start !== 'boolean')
      throw new WhetstoneError('validation', 'start: must be true or false', [
        { field: 'start', message: 'must be true or false' },
      ]);
    const now = this.clock();
    let record = createExperiment(rest, { id: this.newId(), now });
    if (start) record = transitions.startPassive(transitions.lockPrediction(record, now, sha256), now);
    const stored: StoredExperiment = {
      record,
      participant: `p-${this.newId()}${this.newId()}`,
      ratingSeed: null,
    };
    await inTransaction(this.store, async (trx) => {
      const repo = this.experiments.withTransaction(trx);
      const active = await repo.findActive(actor.userId);
      if (active) throw alreadyActive(active.record);
      await repo.insert(actor.userId, stored, now.toISOString());
    }).catch(async (error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.experiments.findActive(actor.userId);
      throw winner ? alreadyActive(winner.record) : error;
    });
    return this.view(actor, record);
  }

  async get(actor: Actor, id: string): Promise<ExperimentView> {
    return this.view(actor, (await this.load(actor, id)).record);
  }

  /** The unfinished experiment, if there is one: what the status banner shows. */
  async active(actor: Actor): Promise<ExperimentView | undefined> {
    const stored = await this.experiments.findActive(actor.userId);
    return stored && this.view(actor, stored.record);
  }

  async list(actor: Actor, limit = 100): Promise<ExperimentView[]> {
    const stored = await this.experiments.list(
      actor.userId,
      Math.max(1, Math.min(Math.trunc(limit) || 100, 1000)),
    );
    return Promise.all(stored.map((s) => this.view(actor, s.record)));
  }

  async revisePrediction(actor: Actor, id: string, input: unknown): Promise<ExperimentView> {
    return this.change(actor, id, (record) => transitions.revisePrediction(record, input));
  }

  /** One step of the state machine; starting the rating freezes the blind queue. */
  async step(actor: Actor, id: string, input: unknown): Promise<ExperimentView> {
    const { action, early } = parseInput(StepInput, input) as { action: Step; early?: boolean };
    const now = this.clock();
    const record = await inTransaction(this.store, async (trx) => {
      const repo = this.experiments.withTransaction(trx);
      const stored = await repo.findById(actor.userId, id);
      if (!stored) throw notFound('experiment', id);
      const next = { ...stored, record: applyStep(stored.record, action, now, { early }) };
      if (action === 'startRating') {
        const template = findTemplate(next.record.templateId);
        if (template.measures === 'ideas') {
          next.ratingSeed = this.newId();
          await repo.insertItems(id, await this.freezeQueue(actor, next.record, next.ratingSeed, trx));
        } else {
          // A measurement has nothing to rate: the report follows at once.
          next.record = transitions.report(next.record, now);
        }
      }
      if (action === 'report') {
        const unrated = (await repo.items(id)).filter((i) => i.excluded === null && i.value === null).length;
        if (unrated > 0)
          throw new WhetstoneError(
            'conflict',
            `experiment: ${unrated} idea${unrated === 1 ? ' is' : 's are'} not rated yet; rate them first`,
            [{ field: 'rating', message: `${unrated} not rated` }],
          );
      }
      await repo.update(actor.userId, next, now.toISOString());
      return next.record;
    });
    return this.view(actor, record);
  }

  /**
   * Where the blind rating stands and the next idea to rate — texts and tokens only. Tokens in
   * `skip` (ideas the rater put off) come after the others, in the same frozen order.
   */
  async ratingQueue(actor: Actor, id: string, options: RatingOptions = {}): Promise<RatingQueueView> {
    const { record } = await this.load(actor, id);
    assertRating(record);
    return ratingQueueView(transitions.ratingStage(record), await this.experiments.items(id), options);
  }

  /** The blind triage: sets the idea behind a token aside (with a reason) or keeps it again. */
  async triage(actor: Actor, id: string, input: unknown): Promise<RatingQueueView> {
    const { token, excluded } = parseInput(TriageInput, input);
    const { record } = await this.load(actor, id);
    assertStage(record, 'triage');
    if (!(await this.experiments.exclude(id, token, excluded))) throw notFound('rating item', token);
    return ratingQueueView('triage', await this.experiments.items(id));
  }

  /** Rates the idea behind a token, or rates it again: any rating may change until the rating is finished. */
  async rate(
    actor: Actor,
    id: string,
    input: unknown,
    options: RatingOptions = {},
  ): Promise<RatingQueueView> {
    const { token, value } = parseInput(RatingInput, input);
    const { record } = await this.load(actor, id);
    assertStage(record, 'rating');
    const items = await this.experiments.items(id);
    const item = items.find((i) => i.token === token);
    if (!item) throw notFound('rating item', token);
    if (item.excluded !== null)
      throw new WhetstoneError('conflict', 'rating: this idea was set aside in the triage; it is not rated', [
        { field: 'token', message: 'set aside in the triage' },
      ]);
    await this.experiments.rate(id, token, value, ratingInstant(items, this.clock()));
    return ratingQueueView('rating', await this.experiments.items(id), options);
  }

  /** Takes back the most recent rating; that idea is the next one shown. */
  async undoRating(actor: Actor, id: string, options: RatingOptions = {}): Promise<RatingQueueView> {
    const { record } = await this.load(actor, id);
    assertStage(record, 'rating');
    const last = lastRated(await this.experiments.items(id));
    if (!last)
      throw new WhetstoneError('conflict', 'rating: there is no rating to undo yet', [
        { field: 'rating', message: 'nothing rated yet' },
      ]);
    await this.experiments.rate(id, last.token, null, null);
    return ratingQueueView('rating', await this.experiments.items(id), { ...options, first: last.token });
  }

  /** The finished experiment's report; refused before it is reported, so rating stays blind. */
  async report(actor: Actor, id: string): Promise<ExperimentReportView> {
    const stored = await this.load(actor, id);
    const { record } = stored;
    if (record.state !== 'reported')
      throw new WhetstoneError(
        'conflict',
        `experiment: the report is ready once the experiment is reported; it is in state ${record.state}`,
        [{ field: 'state', message: record.state }],
      );
    const experiment = await this.view(actor, record);
    const [first, second] = record.phases;
    if (findTemplate(record.templateId).measures === 'measurement') {
      const observations = await this.observations(
        actor,
        record,
        new Date(record.reportedAt ?? record.createdAt),
      );
      const report = measurementReport({
        phases: [
          { key: first.key, label: first.label },
          { key: second.key, label: second.label },
        ],
        measurement: record.measurement!,
        observations,
        favoured: record.prediction.favoured,
        byHowMuch: record.prediction.byHowMuch,
        seed: record.id,
      });
      return { kind: 'measurement', experiment, report, observations };
    }
    const all = await this.experiments.items(id);
    const items = all.filter((item) => item.excluded === null);
    const rated = items.map((item) => ({
      id: item.ideaId,
      text: item.text,
      phase: item.phase,
      value: item.value,
    }));
    const result = experimentReport(record.phases, rated, record.prediction);
    // Beside the figures, never in them: the verdict stays the researcher's own ratings'.
    const secondRater = await secondRaterPart(this.store, record, all);
    const histogram = (key: string) => {
      const counts: IdeaPhaseReport['ratings'] = [0, 0, 0, 0, 0];
      for (const item of items) if (item.phase === key && item.value !== null) counts[item.value - 1]! += 1;
      return counts;
    };
    return {
      kind: 'ideas',
      experiment,
      phases: [
        { ...result.phases[0], ratings: histogram(first.key), excluded: exclusions(all, first.key) },
        { ...result.phases[1], ratings: histogram(second.key), excluded: exclusions(all, second.key) },
      ],
      verdict: result.verdict,
      ...(secondRater ? { secondRater } : {}),
    };
  }

  /** The anonymous result card of a reported idea experiment; texts only when the user opts in. */
  async card(actor: Actor, id: string, options: { shareTexts: boolean }): Promise<ResultCard> {
    const stored = await this.load(actor, id);
    const { record } = stored;
    if (record.state !== 'reported' || findTemplate(record.templateId).measures !== 'ideas')
      throw new WhetstoneError(
        'conflict',
        'experiment: a result card exists for a reported experiment that rates ideas',
        [{ field: 'state', message: record.state }],
      );
    // Ideas set aside in the triage are not part of the result.
    const all = await this.experiments.items(id);
    const items = all.filter((item) => item.excluded === null);
    const second = await secondRaterPart(this.store, record, all);
    return buildResultCard({
      participant: stored.participant,
      templateId: record.templateId,
      templateVersion: record.templateVersion,
      phases: [
        { key: record.phases[0].key, unit: record.phases[0].unit, length: record.phases[0].length },
        { key: record.phases[1].key, unit: record.phases[1].unit, length: record.phases[1].length },
      ],
      ideas: items.map((item) => ({ phase: item.phase, text: item.text, value: item.value })),
      shareTexts: options.shareTexts,
      predictionSha256: record.prediction.seal?.sha256 ?? null,
      secondRater: second ? { pairs: second.agreement.pairs, kappa: second.agreement.kappa } : null,
    });
  }

  /** The phases (and the opening of the rating) as calendar events. */
  async calendar(actor: Actor, id: string): Promise<string> {
    const { record } = await this.load(actor, id);
    return experimentCalendar(record, findTemplate(record.templateId), { now: this.clock() });
  }

  private async load(actor: Actor, id: string): Promise<StoredExperiment> {
    const stored = await this.experiments.findById(actor.userId, id);
    if (!stored) throw notFound('experiment', id);
    return stored;
  }

  private async change(
    actor: Actor,
    id: string,
    apply: (record: ExperimentRecord, now: Date) => ExperimentRecord,
  ): Promise<ExperimentView> {
    const now = this.clock();
    const record = await inTransaction(this.store, async (trx) => {
      const repo = this.experiments.withTransaction(trx);
      const stored = await repo.findById(actor.userId, id);
      if (!stored) throw notFound('experiment', id);
      const next = { ...stored, record: apply(stored.record, now) };
      await repo.update(actor.userId, next, now.toISOString());
      return next.record;
    });
    return this.view(actor, record);
  }

  /** The ideas of both phases, shuffled behind opaque tokens. */
  private async freezeQueue(
    actor: Actor,
    record: ExperimentRecord,
    seed: string,
    trx: Store['db'],
  ): Promise<RatingItem[]> {
    const ideas = new IdeaRepository(trx, this.store.engine);
    const now = this.clock();
    const captured = [];
    for (const phase of record.phases) {
      const window = phaseWindow(phase, now);
      if (!window) continue;
      const options = { outsideSessions: !countsSessionIdeas(phase) };
      for (const idea of await ideas.listCreatedBetween(actor.userId, window.from, window.to, options))
        captured.push({
          id: idea.id,
          text: idea.text,
          phase: phase.key,
          createdAt: idea.createdAt,
          source: idea.source,
        });
    }
    const queue = blindQueue(captured, seed);
    const byId = new Map(captured.map((idea) => [idea.id, idea]));
    return queue.audit.order.map((ideaId, position) => ({
      position,
      token: queue.audit.tokens[position]!,
      ideaId,
      phase: byId.get(ideaId)!.phase,
      text: byId.get(ideaId)!.text,
      value: null,
      ratedAt: null,
      excluded: null,
    }));
  }

  private async observations(actor: Actor, record: ExperimentRecord, now: Date) {
    if (!record.measurement) return [];
    const nameKey = measurementNameKey(record.measurement.name);
    const out: MeasurementObservation[] = [];
    for (const phase of record.phases) {
      const window = phaseWindow(phase, now);
      if (!window) continue;
      const entries = await this.measurements.list(actor.userId, { nameKey, ...window });
      out.push(...entries.map((e) => ({ phase: phase.key, value: e.value, at: e.at })));
    }
    return out;
  }

  /** What has been recorded in each phase so far: ideas, or entries of the measurement. */
  private async recorded(actor: Actor, record: ExperimentRecord): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    const now = this.clock();
    if (record.measurement) {
      for (const o of await this.observations(actor, record, now))
        counts[o.phase] = (counts[o.phase] ?? 0) + 1;
      for (const phase of record.phases) counts[phase.key] ??= 0;
      return counts;
    }
    if (record.state === 'rating' || record.state === 'reported') {
      for (const item of await this.experiments.items(record.id))
        counts[item.phase] = (counts[item.phase] ?? 0) + 1;
      for (const phase of record.phases) counts[phase.key] ??= 0;
      return counts;
    }
    for (const phase of record.phases) {
      const window = phaseWindow(phase, now);
      counts[phase.key] = window
        ? await this.ideas.countCreatedBetween(actor.userId, window.from, window.to, {
            outsideSessions: !countsSessionIdeas(phase),
          })
        : 0;
    }
    return counts;
  }

  private async view(actor: Actor, record: ExperimentRecord): Promise<ExperimentView> {
    return experimentView(
      record,
      findTemplate(record.templateId),
      await this.recorded(actor, record),
      this.clock(),
    );
  }
}

/** The seal's digest: SHA-256 of the canonical text's UTF-8 bytes, as `sha256sum` prints it. */
function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function applyStep(
  record: ExperimentRecord,
  action: Step,
  now: Date,
  options: transitions.StartFocusedOptions,
): ExperimentRecord {
  switch (action) {
    case 'lockPrediction':
      return transitions.lockPrediction(record, now, sha256);
    case 'startPassive':
      return transitions.startPassive(record, now);
    case 'startFocused':
      return transitions.startFocused(record, now, options);
    case 'endFocused':
      return transitions.endFocused(record, now);
    case 'startRating':
      return transitions.startRating(record, now);
    case 'finishTriage':
      return transitions.finishTriage(record, now);
    case 'report':
      return transitions.report(record, now);
    case 'abandon':
      return transitions.abandon(record, now);
  }
}

/** The ideas of a phase set aside in the triage, counted by reason (most frequent first). */
function exclusions(items: readonly RatingItem[], phase: string): IdeaPhaseReport['excluded'] {
  const counts = new Map<string, number>();
  for (const item of items)
    if (item.phase === phase && item.excluded !== null)
      counts.set(item.excluded, (counts.get(item.excluded) ?? 0) + 1);
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** Refuses triage or rating outside its stage, saying what comes first. */
function assertStage(record: ExperimentRecord, stage: 'triage' | 'rating'): void {
  assertRating(record);
  if (transitions.ratingStage(record) === stage) return;
  const message =
    stage === 'rating'
      ? 'the blind triage is not finished yet; finish it, then rate'
      : 'the triage is finished; what was set aside stays aside';
  throw new WhetstoneError('conflict', `experiment: ${message}`, [{ field: 'triage', message }]);
}

function assertRating(record: ExperimentRecord): void {
  if (record.state !== 'rating')
    throw new WhetstoneError(
      'conflict',
      `experiment: blind rating is open only in state rating; it is in state ${record.state}`,
      [{ field: 'state', message: record.state }],
    );
}

function alreadyActive(active: ExperimentRecord): WhetstoneError {
  return new WhetstoneError(
    'conflict',
    `experiment: another experiment (${active.id}, ${active.templateId}) is still ${active.state}; finish or abandon it first`,
    [{ field: 'activeExperimentId', message: active.id }],
  );
}
