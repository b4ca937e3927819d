import { durationInWords, type ExperimentView, type NextStep } from '../core/experiments/view.js';
import { plural } from '../core/plural.js';
import { localTime } from './session-output.js';

const out = (text: string) => process.stdout.write(text);

/** "7 days", "20 minutes": a phase's planned length. */
function phaseLength(phase: ExperimentView['phases'][number]): string {
  return plural(phase.length, phase.unit.replace(/s$/, ''));
}

/** What was recorded in a phase: ideas, or entries of the measurement. */
function recordedIn(view: ExperimentView, key: string): string {
  const n = view.recorded[key] ?? 0;
  return view.measurement
    ? plural(n, `${view.measurement.name} entry`, `${view.measurement.name} entries`)
    : plural(n, 'idea');
}

function prediction(view: ExperimentView): string {
  const { favoured, byHowMuch, text, lockedAt } = view.prediction;
  const which = favoured === 'no-difference' ? 'no difference' : `${phaseLabel(view, favoured)} wins`;
  const lock = lockedAt ? `locked ${localTime(lockedAt)}` : 'not locked yet';
  return `${which}${byHowMuch ? ` (by ${byHowMuch})` : ''}: "${text}" (${lock})`;
}

/** The label of the phase a prediction favours ('passive' is the first phase, 'focused' the second). */
function phaseLabel(view: ExperimentView, role: 'passive' | 'focused'): string {
  return view.phases[role === 'passive' ? 0 : 1].label;
}

/** The command that takes the next step, and what it does, in words. */
export function nextStepHint(view: ExperimentView): string | undefined {
  const step = view.status.nextStep;
  if (!step) return view.state === 'reported' ? 'whet experiment report' : undefined;
  const [first, second] = view.phases;
  const hints: Record<NextStep, string> = {
    lockPrediction: 'whet experiment next — lock your prediction',
    startPassive: `whet experiment next — start ${first.label}`,
    startFocused: `whet experiment next — end ${first.label} and start ${second.label}`,
    endFocused: second.sessionId
      ? 'end your session (/end in whet session); the phase ends with it'
      : `whet experiment next — end ${second.label} once you are done`,
    startRating:
      view.measures === 'ideas'
        ? 'whet experiment rate — rate every idea blind'
        : 'whet experiment next — close the experiment and see the report',
    finishTriage: 'whet experiment rate — set aside what is not an improvement idea, then rate blind',
    report: 'whet experiment rate — finish the blind rating',
  };
  const { endsAt, due } = view.status;
  const when =
    endsAt === null || due
      ? ''
      : step === 'endFocused'
        ? ` (or let it run until ${localTime(endsAt)})`
        : ` (due ${localTime(endsAt)})`;
  return `${hints[step]}${when}`;
}

/** `whet experiment status`: which phase, time left, what was recorded, the next step. */
export function printStatus(view: ExperimentView): void {
  out(`${view.title}  (id ${view.id}, ${view.state})\n${view.status.headline}\n`);
  const rows: [string, string][] = [];
  for (const phase of view.phases) {
    const span = phase.startedAt
      ? `${localTime(phase.startedAt)} – ${localTime(phase.endedAt ?? phase.plannedEnd)}${phase.endedAt ? '' : ' (planned)'}`
      : `planned ${localTime(phase.plannedStart)} – ${localTime(phase.plannedEnd)}`;
    rows.push([phase.label, `${phaseLength(phase)}, ${span}, ${recordedIn(view, phase.key)}`]);
  }
  const running = view.phases.find((p) => p.key === view.status.phaseKey);
  if (running && view.status.msLeft !== null)
    rows.push([
      'Time left',
      view.status.msLeft > 0
        ? `${durationInWords(view.status.msLeft)} of ${running.label}`
        : 'none: the phase is over',
    ]);
  if (view.measurement)
    rows.push([
      'Measuring',
      `${view.measurement.name}${view.measurement.unit ? ` (${view.measurement.unit})` : ''}, ${view.measurement.better} is better`,
    ]);
  rows.push(['Prediction', prediction(view)]);
  if (view.prediction.seal) rows.push(['Sealed', `SHA-256 ${view.prediction.seal.sha256.slice(0, 16)}…`]);
  const hint = nextStepHint(view);
  if (hint) rows.push(['Next', hint]);
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  for (const [label, value] of rows) out(`  ${label.padEnd(width)}${value}\n`);
  if (running && view.state !== 'rating') out(`\n${running.instructions}\n`);
}

/** `whet experiment list`: one line per experiment, newest first. */
export function printExperimentTable(views: readonly ExperimentView[]): void {
  if (views.length === 0) {
    out('No experiments yet. Start one with: whet experiment start --predict "…" --favour focused\n');
    return;
  }
  out(
    `${'id'.padEnd(10)}  ${'started'.padEnd(16)}  ${'template'.padEnd(20)}  ${'state'.padEnd(9)}  status\n`,
  );
  for (const view of views)
    out(
      `${view.id.padEnd(10)}  ${localTime(view.createdAt)}  ${view.templateId.padEnd(20)}  ${view.state.padEnd(9)}  ${view.status.headline}\n`,
    );
}

/** What `whet experiment start` did: what started, until when, and that the prediction is locked. */
export function printStarted(view: ExperimentView): void {
  out(`${view.title}  (id ${view.id})\n${view.question}\n\n`);
  if (view.state === 'draft') {
    out(`Saved as a draft: the prediction is not locked and no phase has started.\n`);
  } else {
    out(`Your prediction is locked: ${prediction(view)}\n`);
    if (view.prediction.seal)
      out(`Sealed with SHA-256 ${view.prediction.seal.sha256} (whet experiment preregistration)\n`);
    printPhaseStarted(view, 0);
  }
  const hint = nextStepHint(view);
  if (hint) out(`Next: ${hint}\nAny time: whet experiment status\n`);
}

function printPhaseStarted(view: ExperimentView, index: 0 | 1): void {
  const phase = view.phases[index];
  out(`Started ${phase.label}: ${phaseLength(phase)}, until ${localTime(phase.plannedEnd)}.\n`);
  out(`  ${phase.instructions}\n`);
  if (view.measurement) out(`  Log it with: whet measure "${view.measurement.name}" VALUE\n`);
  else if (index === 0) out('  Note each idea with: whet idea "…"\n');
  else if (phase.unit === 'minutes')
    out('  Run your session now: whet session — it is this phase, which ends when the session ends.\n');
}

/** What `whet experiment next` did, in words. */
export function printStepDone(step: NextStep, view: ExperimentView): void {
  const [first, second] = view.phases;
  switch (step) {
    case 'lockPrediction':
      out(`Prediction locked: ${prediction(view)}\n`);
      if (view.prediction.seal) out(`Sealed with SHA-256 ${view.prediction.seal.sha256}\n`);
      break;
    case 'startPassive':
      printPhaseStarted(view, 0);
      break;
    case 'startFocused':
      out(
        `Ended ${first.label} (${recordedIn(view, first.key)}${view.passiveEndedEarly ? '; early, as you confirmed — the report will say so' : ''}).\n`,
      );
      printPhaseStarted(view, 1);
      break;
    case 'endFocused':
      out(`Ended ${second.label} (${recordedIn(view, second.key)}).\n`);
      break;
    case 'startRating':
      if (view.state === 'reported') out(`Ended ${second.label}. The experiment is finished.\n`);
      else out('Blind rating started.\n');
      break;
    case 'finishTriage':
      out('Triage finished: what you set aside stays aside. Rate the rest blind.\n');
      break;
    case 'report':
      out('Every idea is rated. The experiment is finished.\n');
      break;
  }
  const hint = nextStepHint(view);
  if (hint) out(`Next: ${hint}\n`);
}
