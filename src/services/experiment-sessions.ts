import { WhetstoneError } from '../core/errors.js';
import type { ExperimentRecord } from '../core/experiments/experiment.js';
import { findTemplate } from '../core/experiments/templates.js';
import * as transitions from '../core/experiments/transitions.js';
import type { Store } from '../store/connect.js';
import { ExperimentRepository, type StoredExperiment } from '../store/experiment.repository.js';
import type { Actor } from './context.js';

/** What starting a session now means for the person's running experiment. */
export interface SessionStartPlan {
  /** The experiment whose focused phase this session is, if any. */
  focusedPhaseOf: StoredExperiment | null;
  /** That phase's planned length in minutes: the session's default length. */
  minutes: number | null;
}

/**
 * Where focused sessions meet a running experiment, so the session service does not have to know
 * its rules: a session during the passive phase is asked for first (its ideas will not count
 * there); a session during a focused phase that is one session is that phase, which ends with it.
 * Every method takes the caller's transaction, so a session and its experiment change together.
 */
export class ExperimentSessions {
  constructor(private readonly store: Store) {}

  /**
   * Refuses a session during the passive phase unless the person confirmed it with
   * `outsideExperiment`; otherwise says whether the session is the focused phase.
   */
  async planStart(
    trx: Store['db'],
    actor: Actor,
    now: Date,
    outsideExperiment: boolean,
  ): Promise<SessionStartPlan> {
    const active = await this.repository(trx).findActive(actor.userId);
    const none = { focusedPhaseOf: null, minutes: null };
    if (!active) return none;
    const { record } = active;
    const measures = findTemplate(record.templateId).measures;
    if (measures === 'ideas' && transitions.wouldEndPassiveEarly(record, now) && !outsideExperiment)
      throw sessionDuringPassive(record);
    if (!transitions.takesSession(record, measures, now)) return none;
    return { focusedPhaseOf: active, minutes: record.phases[1].length };
  }

  /** Records that the session `sessionId` is the experiment's focused phase. */
  async link(trx: Store['db'], actor: Actor, experiment: StoredExperiment, sessionId: string, now: Date) {
    const record = transitions.linkSession(experiment.record, sessionId);
    await this.repository(trx).update(actor.userId, { ...experiment, record }, now.toISOString());
  }

  /** The session ended: if it was the focused phase, the phase ends now too. */
  async sessionEnded(trx: Store['db'], actor: Actor, sessionId: string, now: Date): Promise<void> {
    const repository = this.repository(trx);
    const active = await repository.findActive(actor.userId);
    if (!active) return;
    const record = transitions.sessionEnded(active.record, sessionId, now);
    if (record !== active.record)
      await repository.update(actor.userId, { ...active, record }, now.toISOString());
  }

  private repository(trx: Store['db']): ExperimentRepository {
    return new ExperimentRepository(trx, this.store.engine);
  }
}

function sessionDuringPassive(record: ExperimentRecord): WhetstoneError {
  const [passive, focused] = record.phases;
  const message = `your experiment's ${passive.label.toLowerCase()} is running; ideas from a focused session do not count to it (the experiment's session is ${focused.label.toLowerCase()}, after it) — confirm to start one anyway`;
  return new WhetstoneError('conflict', `session: ${message}`, [{ field: 'outsideExperiment', message }]);
}
