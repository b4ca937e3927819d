import { useId } from 'react';
import type { PoolReport } from '../../../../../src/core/experiments/pool-view.js';
import { plural } from '../../../../../src/core/plural.js';
import { percent, signed } from '../../experiments/format.js';
import { TestResult } from '../../experiments/ReportParts.js';
import { PairedChart } from '../charts/index.js';

/** The pooled analysis: headline figures, both tests (or why they show no p-value), the chart, the conclusion. */
export function PoolAnalysis({ report }: { report: PoolReport }) {
  const conclusionId = useId();
  const { analysis, phaseLabels } = report;
  const [passiveLabel, focusedLabel] = phaseLabels;
  const decided = analysis.focusedWins + analysis.passiveWins;
  // Each test's own caveat stands in its card, where its p-value would be; the rest go on top.
  const testCaveats = [analysis.signTest, analysis.wilcoxon].flatMap((t) =>
    'caveat' in t ? [t.caveat] : [],
  );
  const general = analysis.caveats.filter((c) => !testCaveats.includes(c));

  if (analysis.participants === 0) {
    return (
      <div className="empty">
        <p className="empty__title">No cards yet.</p>
        <p className="empty__text">Import result cards below; the analysis appears with the first one.</p>
      </div>
    );
  }

  return (
    <div className="report">
      {general.length > 0 && (
        <div className="caveats" role="note" aria-label="Caveats">
          <p className="caveats__title">Read with care</p>
          <ul>
            {general.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}

      <ul className="summary-stats summary-stats--pool" aria-label="Pool summary">
        <li className="card summary-stat">
          <span className="summary-stat__label">Participants</span>
          <span className="summary-stat__value">{analysis.participants}</span>
        </li>
        <li className="card summary-stat">
          <span className="summary-stat__label">{focusedLabel} won</span>
          <span className="summary-stat__value">
            {analysis.focusedWinShare ? percent(analysis.focusedWinShare.estimate) : '–'}
          </span>
          <span className="summary-stat__sub">
            {analysis.focusedWinShare
              ? `95% CI ${percent(analysis.focusedWinShare.lower)} to ${percent(analysis.focusedWinShare.upper)} · `
              : ''}
            {analysis.focusedWins} of {plural(decided, 'participant')} with a winner
            {analysis.ties > 0 ? `, ${plural(analysis.ties, 'tie')} left out` : ''}
          </span>
        </li>
        <li className="card summary-stat">
          <span className="summary-stat__label">Median difference</span>
          <span className="summary-stat__value">
            {analysis.medianDifference ? signed(analysis.medianDifference.estimate) : '–'}
          </span>
          <span className="summary-stat__sub">
            {analysis.medianDifference
              ? `95% bootstrap CI ${signed(analysis.medianDifference.lower)} to ${signed(analysis.medianDifference.upper)} · total value, ${focusedLabel.toLowerCase()} minus ${passiveLabel.toLowerCase()}`
              : ''}
          </span>
        </li>
      </ul>

      <dl className="test-results" aria-label="Tests">
        <TestResult
          name="Exact sign test"
          result={analysis.signTest}
          detail={`${focusedLabel} ahead for ${analysis.signTest.positive}, ${passiveLabel.toLowerCase()} for ${analysis.signTest.negative}, ${plural(analysis.signTest.ties, 'tie')}`}
        />
        <TestResult
          name="Wilcoxon signed-rank test"
          result={analysis.wilcoxon}
          detail={`W+ = ${analysis.wilcoxon.wPlus} over ${plural(analysis.wilcoxon.n, 'non-zero difference')} · ${analysis.wilcoxon.method === 'exact' ? 'exact' : 'normal approximation'}`}
        />
      </dl>

      <PairedChart points={report.points} phaseLabels={phaseLabels} />

      <section
        className={`card conclusion conclusion--${report.conclusion.evidence}`}
        aria-labelledby={conclusionId}
      >
        <h3 id={conclusionId} className="conclusion__title">
          Conclusion
        </h3>
        <p className="conclusion__text">{report.conclusion.text}</p>
      </section>

      <p className="meta-text report__footnote">
        Each participant counts once, with the difference of their two total values. Intervals are 95%: the
        share’s by Wilson’s method, the median’s by a seeded percentile bootstrap, so the same pool always
        gives the same numbers.
      </p>
    </div>
  );
}
