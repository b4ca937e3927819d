import { Link } from 'react-router';
import { SOURCE_LABELS } from '../../../../src/core/idea-vocabulary.js';
import type { IdeaSource } from '../../../../src/core/ideas.js';
import type { WeeklyReviewPage } from '../../../../src/core/plans/views.js';
import { plural } from '../../../../src/core/plural.js';
import { minutesText } from '../plans/format.js';
import { SOURCE_ORDER } from '../plans/labels.js';
import { WeekProgress } from '../plans/PlanRow.js';

/** Ideas by source, practice against the cadences, interruptions, plans due. */
export function WeekNumbers({ page, id }: { page: WeeklyReviewPage; id: string }) {
  const { summary } = page;
  const expected = summary.practice.plans.reduce((sum, p) => sum + p.expectedMinutes, 0);
  const prorated = summary.practice.plans.filter((p) => p.prorated !== null && p.expectedMinutes > 0);
  const sources = SOURCE_ORDER.filter((s) => summary.ideas.bySource[s] > 0);
  return (
    <section className="data-section" aria-labelledby={`${id}-numbers`}>
      <h2 id={`${id}-numbers`} className="section-title">
        The week in numbers
      </h2>
      <ul className="week-stats" aria-label="The week in numbers">
        <li className="card week-stat">
          <span className="week-stat__value">{summary.ideas.total}</span>
          <span className="week-stat__label">
            {summary.ideas.total === 1 ? 'idea captured' : 'ideas captured'}
          </span>
          <span className="week-stat__sub">
            {sources.length === 0
              ? 'none this week'
              : sources
                  .map((s: IdeaSource) => `${summary.ideas.bySource[s]} ${SOURCE_LABELS[s].toLowerCase()}`)
                  .join(' · ')}
          </span>
        </li>
        <li className="card week-stat">
          <span className="week-stat__value">{minutesText(summary.practice.minutes)}</span>
          <span className="week-stat__label">practice</span>
          <span className="week-stat__sub">
            {plural(summary.practice.blocks, 'block')}
            {expected > 0 ? ` · cadence asks ${minutesText(expected)}` : ''}
            {prorated.length > 0 &&
              ` (prorated for ${plural(prorated.length, 'plan')} that did not run all week)`}
          </span>
        </li>
        <li className="card week-stat">
          <span className="week-stat__value">{summary.interruptions.count}</span>
          <span className="week-stat__label">
            {summary.interruptions.count === 1 ? 'interruption' : 'interruptions'}
          </span>
          <span className="week-stat__sub">
            {summary.interruptions.minutes > 0
              ? `${minutesText(summary.interruptions.minutes)} lost`
              : 'logged'}
          </span>
        </li>
        <li className="card week-stat">
          <span className="week-stat__value">{summary.plansDue.length}</span>
          <span className="week-stat__label">{summary.plansDue.length === 1 ? 'plan due' : 'plans due'}</span>
          <span className="week-stat__sub">for a decision</span>
        </li>
      </ul>

      {summary.practice.plans.length > 0 && (
        <div className="card table-card">
          <table className="stats-table" aria-label="Practice against cadence">
            <thead>
              <tr>
                <th scope="col">Plan</th>
                <th scope="col">Cadence</th>
                <th scope="col">Practice this week</th>
              </tr>
            </thead>
            <tbody>
              {summary.practice.plans.map((p) => (
                <tr key={p.planId}>
                  <th scope="row">
                    <Link to={`/plans/${p.planId}`}>{p.title}</Link>
                  </th>
                  <td>{p.cadence ?? '—'}</td>
                  <td>
                    <WeekProgress week={p} label={null} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summary.practice.unplannedMinutes > 0 && (
        <p className="meta-text">
          {minutesText(summary.practice.unplannedMinutes)} of practice outside any plan.
        </p>
      )}
    </section>
  );
}
