import type { PoolReport, PoolSummary } from '../core/experiments/pool.js';
import { figure, pValue } from './report-output.js';
import { localTime } from './session-output.js';

const out = (text: string) => process.stdout.write(text);

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const signed = (x: number) => (x > 0 ? `+${figure(x)}` : figure(x));

/** `whet pool list`. */
export function printPoolTable(pools: readonly PoolSummary[]): void {
  if (pools.length === 0) {
    out('No pools yet. Create one with: whet pool create NAME\n');
    return;
  }
  for (const pool of pools)
    out(
      `${pool.id.padEnd(10)}  ${localTime(pool.createdAt)}  ${pool.name.padEnd(24)}  ${`${pool.templateId} v${pool.templateVersion}`.padEnd(24)}  ${String(pool.participants).padStart(4)} participants\n`,
    );
}

/**
 * `whet pool report`: participants, the share of focused wins with its Wilson interval, the exact
 * sign test, the Wilcoxon signed-rank test, the median paired difference with its bootstrap
 * interval, every caveat in plain words (a test without a p-value says why instead), and a
 * conclusion that claims no more than those caveats allow.
 */
export function printPoolReport(report: PoolReport): void {
  const { pool, analysis: a } = report;
  const [passive, focused] = report.phaseLabels;
  out(`Pool "${pool.name}"  (id ${pool.id}, ${pool.templateTitle}, version ${pool.templateVersion})\n`);
  out(`Each participant's paired difference: total value of ${focused} minus that of ${passive}.\n\n`);
  const rows: [string, string][] = [
    ['Participants', String(a.participants)],
    ['Focused won', `${a.focusedWins}; passive won ${a.passiveWins}; ties ${a.ties}`],
    [
      'Focused-win share',
      a.focusedWinShare
        ? `${percent(a.focusedWinShare.estimate)} of ${a.focusedWins + a.passiveWins} without a tie, 95% Wilson interval ${percent(a.focusedWinShare.lower)} to ${percent(a.focusedWinShare.upper)}`
        : 'none (no participant without a tie)',
    ],
    [
      'Sign test',
      `${a.signTest.positive} for focused, ${a.signTest.negative} for passive, ${a.signTest.ties} ties: ${'pValue' in a.signTest ? `exact two-sided ${pValue(a.signTest.pValue)}` : 'no p-value (see caveats)'}`,
    ],
    [
      'Wilcoxon',
      `W+ = ${figure(a.wilcoxon.wPlus)} over ${a.wilcoxon.n} non-zero differences (${a.wilcoxon.method === 'exact' ? 'exact' : 'normal approximation with tie and continuity corrections'}): ${'pValue' in a.wilcoxon ? `two-sided ${pValue(a.wilcoxon.pValue)}` : 'no p-value (see caveats)'}`,
    ],
    [
      'Median difference',
      a.medianDifference
        ? `${signed(a.medianDifference.estimate)}, 95% bootstrap interval ${signed(a.medianDifference.lower)} to ${signed(a.medianDifference.upper)}`
        : 'none (no cards)',
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  for (const [label, value] of rows) out(`${label.padEnd(width)}${value}\n`);
  if (a.caveats.length > 0) {
    out('\nCaveats:\n');
    for (const caveat of a.caveats) out(`  - ${caveat}\n`);
  }
  out(`\nConclusion: ${report.conclusion.text}\n`);
}
