import type { Verdict } from '../core/experiments/report.js';
import type { ExperimentReportView } from '../services/experiment.service.js';
import { printColumns } from './columns.js';
import { printSecondRaterSection } from './second-rater-output.js';
import { localTime } from './session-output.js';

const out = (text: string) => process.stdout.write(text);

/** At most `digits` decimals, without trailing zeros: 3, 2.5, 0.33. */
export function figure(x: number, digits = 2): string {
  return String(Number(x.toFixed(digits)));
}

/** A p-value as a statistician would print it. */
export function pValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

function truncate(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

/**
 * `whet experiment report`: per-phase figures (total, mean per idea, ideas valued 4 or 5), the
 * prediction beside the result, the verdict on direction and size, and its trust; then a second
 * rater's figures and agreement, if one rated.
 */
export function printReport(report: ExperimentReportView): void {
  const { experiment } = report;
  const when = experiment.reportedAt ? `, finished ${localTime(experiment.reportedAt)}` : '';
  out(`${experiment.title} — report  (id ${experiment.id}${when})\n${experiment.question}\n\n`);
  if (report.kind === 'ideas') printIdeaFigures(report);
  else printMeasurementFigures(report);
  printHowItRan(report);
  const { prediction } = experiment;
  const favoured =
    prediction.favoured === 'no-difference'
      ? 'no difference'
      : `${experiment.phases[prediction.favoured === 'passive' ? 0 : 1].label} wins`;
  out(
    `\nPrediction  ${favoured}${prediction.byHowMuch ? ` (by ${prediction.byHowMuch})` : ''}: "${prediction.text}"\n`,
  );
  if (prediction.seal)
    out(`Sealed      SHA-256 ${prediction.seal.sha256} (whet experiment preregistration)\n`);
  printVerdict(report.kind === 'ideas' ? report.verdict : report.report.verdict);
  // After the verdict, which its note refers to: the second rater does not change it.
  if (report.kind === 'ideas' && report.secondRater) printSecondRaterSection(report.secondRater);
}

/** What a reader of the figures should know: an early end of phase 1, ideas set aside in the triage. */
function printHowItRan(report: ExperimentReportView): void {
  const { experiment } = report;
  const first = experiment.phases[0];
  if (experiment.passiveEndedEarly && first.endedAt)
    out(
      `\nEnded early ${first.label} ended ${localTime(first.endedAt)}, before its planned end ${localTime(first.plannedEnd)}, as you confirmed.\n`,
    );
  if (report.kind !== 'ideas') return;
  for (const phase of report.phases)
    if (phase.excluded.length)
      out(
        `Set aside   ${phase.label}: ${phase.excluded.map((e) => `${e.reason.toLowerCase()} (${e.count})`).join(', ')}; not in the figures\n`,
      );
}

function printVerdict(verdict: Verdict): void {
  out(`Result      ${verdict.summary}\n`);
  out(`Verdict     ${verdict.predictionCheck.text}\n`);
  out(`Trust       ${verdict.trust}: ${verdict.trustReason}\n`);
}

function printIdeaFigures(report: Extract<ExperimentReportView, { kind: 'ideas' }>): void {
  printColumns([
    ['phase', 'ideas', 'rated', 'total value', 'mean per idea', 'valued 4-5', 'ratings 1/2/3/4/5'],
    ...report.phases.map((p) => [
      p.label,
      String(p.count),
      String(p.rated),
      String(p.totalValue),
      p.meanValue === null ? '—' : p.meanValue.toFixed(2),
      String(p.highValueCount),
      p.ratings.join('/'),
    ]),
  ]);
  const width = Math.max(40, (process.stdout.columns ?? 100) - 12);
  for (const phase of report.phases) {
    if (phase.best.length === 0) continue;
    out(`\nBest ideas of ${phase.label}:\n`);
    for (const idea of phase.best) out(`  ${idea.value}  ${truncate(idea.text, width)}\n`);
  }
}

function printMeasurementFigures(report: Extract<ExperimentReportView, { kind: 'measurement' }>): void {
  const { measurement, phases, mannWhitney, medianDifference } = report.report;
  const unit = measurement.unit ? ` ${measurement.unit}` : '';
  out(
    `Measuring ${measurement.name}${unit ? ` (${measurement.unit})` : ''}; ${measurement.better} is better\n\n`,
  );
  const cell = (x: number | null) => (x === null ? '—' : figure(x));
  printColumns([
    ['phase', 'n', 'mean', 'median', 'sd', 'min', 'max'],
    ...phases.map((p) => [
      p.label,
      String(p.n),
      cell(p.mean),
      cell(p.median),
      cell(p.sd),
      cell(p.min),
      cell(p.max),
    ]),
  ]);
  out('\n');
  if ('u' in mannWhitney) {
    const result = 'pValue' in mannWhitney ? `two-sided ${pValue(mannWhitney.pValue)}` : mannWhitney.caveat;
    out(`Mann-Whitney U = ${figure(mannWhitney.u)} (${mannWhitney.method}): ${result}\n`);
  } else {
    out(`Mann-Whitney U: ${mannWhitney.caveat}\n`);
  }
  if (medianDifference)
    out(
      `Median difference (${phases[1].label} − ${phases[0].label}): ${figure(medianDifference.estimate)}${unit}, 95% bootstrap interval ${figure(medianDifference.lower)} to ${figure(medianDifference.upper)}\n`,
    );
}
