import { ExperimentRecord } from '../core/experiments/experiment.js';
import { findTemplate } from '../core/experiments/templates.js';
import { type ExperimentView, experimentView } from '../core/experiments/view.js';
import type { Runtime } from './runtime.js';

/**
 * The experiment reminder: while an experiment is unfinished, `whet` commands end with one line on
 * stderr saying where it stands (e.g. "Experiment: A week of noticing — 5 days left (whet
 * experiment status)"). Not after `--json` output, not from the experiment commands (they say it
 * themselves), and at most once per run, so it informs without nagging. The fast capture path
 * prints the same line through `experimentReminder`.
 */

type StatusOnly = Pick<ExperimentView, 'state' | 'status'>;

/** The reminder line for an experiment's status, with the command that helps next. */
export function reminderLine(view: StatusOnly): string {
  const { status } = view;
  const rate = view.state === 'rating' || (status.nextStep === 'startRating' && status.due);
  const command = rate ? 'rate' : status.due ? 'next' : 'status';
  return `${status.headline} (whet experiment ${command})`;
}

/** The reminder line from a stored experiment record (its JSON), as the fast capture path reads it. */
export function experimentReminder(recordJson: string, now: Date): string | undefined {
  try {
    const record = ExperimentRecord.parse(JSON.parse(recordJson));
    // The headline depends on the record and the time only, not on the counts recorded.
    return reminderLine(experimentView(record, findTemplate(record.templateId), {}, now));
  } catch {
    // A damaged record is reported by `whet experiment status`; a reminder never fails a command.
    return undefined;
  }
}

let wanted = false;

/** Whether this run's command ends with the reminder (decided once, before the command runs). */
export function setReminderWanted(on: boolean): void {
  wanted = on;
}

/** Writes the reminder line to stderr if this command wants it and an experiment is unfinished. */
export async function remindOfExperiment(rt: Runtime): Promise<void> {
  if (!wanted) return;
  wanted = false;
  let line: string | undefined;
  try {
    const view = await rt.services.experiments.active(rt.actor);
    line = view && reminderLine(view);
  } catch {
    line = undefined;
  }
  if (line) process.stderr.write(`${line}\n`);
}
