import { useId } from 'react';
import type { IdeaPhaseReport, SecondRaterReport } from '../../../../src/core/experiments/report-view.js';

const mean = (value: number | null) => (value === null ? '—' : value.toFixed(1));

/** The report's second-rater part: both raters per phase, and their agreement in a number and words. */
export function SecondRaterSection({
  report,
  phases,
}: {
  report: SecondRaterReport;
  phases: readonly [IdeaPhaseReport, IdeaPhaseReport];
}) {
  const ids = useId();
  const who = report.raterName ?? 'Second rater';
  const { agreement } = report;
  return (
    <section className="card second-rater" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="section-title">
        The second rater’s ratings{report.finished ? '' : ' (not finished)'}
      </h2>
      <p className="second-rater__agreement">
        <strong>
          {agreement.method}: {agreement.kappa === null ? 'not computable' : agreement.kappa.toFixed(2)}
        </strong>{' '}
        <span className="meta-text">({agreement.pairs} ideas rated by both)</span>
      </p>
      <p>{agreement.text}</p>
      <table className="stats-table">
        <caption className="visually-hidden">Mean value and ideas rated 4–5, per phase and rater</caption>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Your mean</th>
            <th scope="col">{who}: mean</th>
            <th scope="col">Your 4–5</th>
            <th scope="col">{who}: 4–5</th>
          </tr>
        </thead>
        <tbody>
          {report.phases.map((phase, i) => (
            <tr key={phase.key}>
              <th scope="row">{phase.label}</th>
              <td>{mean(phases[i]!.meanValue)}</td>
              <td>{mean(phase.meanValue)}</td>
              <td>{phases[i]!.highValueCount}</td>
              <td>{phase.highValueCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="meta-text">{report.note}</p>
    </section>
  );
}
