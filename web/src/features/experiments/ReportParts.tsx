import { type ReactNode, useId } from 'react';
import { formatP } from './format.js';

/** A titled part of a report (a region named by its heading). */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="summary-section">
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

export interface FigureRow<P> {
  label: string;
  cell: (phase: P) => ReactNode;
}

/** Figures side by side for the two phases, one row per figure, each phase under its colour. */
export function FiguresTable<P extends { key: string; label: string }>({
  phases,
  rows,
}: {
  phases: readonly P[];
  rows: readonly FigureRow<P>[];
}) {
  return (
    <div className="card table-card">
      <table className="stats-table figures-table" aria-label="Figures by phase">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Figure</span>
            </th>
            {phases.map((p, i) => (
              <th key={p.key} scope="col" className="num">
                <span className={`phase-dot phase-dot--${i + 1}`} aria-hidden="true" />
                {p.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {phases.map((p) => (
                <td key={p.key} className="num">
                  {row.cell(p)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A test's p-value, an estimate, or (instead of either) why there is none. */
export type TestOutcome = { pValue: number } | { value: ReactNode } | { caveat: string };

/** One card of a `dl.test-results`: the test's name, its outcome and an optional detail line. */
export function TestResult({
  name,
  result,
  detail,
}: {
  name: ReactNode;
  result: TestOutcome;
  detail?: ReactNode;
}) {
  return (
    <div className="card test-result">
      <dt>{name}</dt>
      <dd>
        {'caveat' in result ? (
          <span className="caveat">{result.caveat}</span>
        ) : (
          <span className="test-result__value">
            {'pValue' in result ? formatP(result.pValue) : result.value}
          </span>
        )}
        {detail && <span className="meta-text">{detail}</span>}
      </dd>
    </div>
  );
}
