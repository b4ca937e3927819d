import { useId } from 'react';
import { Link } from 'react-router';
import { plural } from '../../../../src/core/plural.js';
import { ValuePips } from '../../shared/components/Badges.js';
import { BackLink, PagePlaceholder } from '../../shared/components/PageStates.js';
import { fullTime } from '../../shared/format.js';
import { useAreas } from '../../shared/state.js';
import { AreaCounts } from './AreaCounts.js';
import { formatDuration, questionTextOf, sessionTitle } from './format.js';
import { STATE_LABELS } from './labels.js';
import { useSessionSummary } from './queries.js';
import './sessions-start.css';
import './sessions-history.css';

/** /sessions/:id: one session's summary. */
export function SessionSummaryPage({ id }: { id: string }) {
  const { data: view, error } = useSessionSummary(id);
  const { nameOf } = useAreas();
  const ids = useId();

  if (!view) return <PagePlaceholder error={error} back={{ to: '/sessions', label: 'Session history' }} />;

  const { summary } = view;
  const skipped = view.questions.filter((q) => q.skipped).length;

  return (
    <div className="page page--narrow">
      <BackLink to="/sessions">Session history</BackLink>
      <header className="page-header">
        <p className="eyebrow">{view.state === 'completed' ? 'Session summary' : STATE_LABELS[view.state]}</p>
        <h1 className="page-title">{sessionTitle(view)}</h1>
        <p className="page-lede">
          {view.deckName} · {formatDuration(view.elapsedMs)}
          {view.endedAt && <span className="visually-hidden">, ended {fullTime(view.endedAt)}</span>}
        </p>
      </header>

      <ul className="summary-stats" aria-label="Summary">
        <li className="card summary-stat">
          <span className="summary-stat__label">Ideas</span>
          <span className="summary-stat__value">{summary.ideaCount}</span>
        </li>
        <li className="card summary-stat">
          <span className="summary-stat__label">Rated</span>
          <span className="summary-stat__value">{summary.ratedCount}</span>
        </li>
        <li className="card summary-stat">
          <span className="summary-stat__label">Questions</span>
          <span className="summary-stat__value">
            {view.questions.length}
            {skipped > 0 && <span className="summary-stat__sub"> · {skipped} skipped</span>}
          </span>
        </li>
      </ul>

      {view.note && (
        <blockquote className="summary-note">
          <p>{view.note}</p>
        </blockquote>
      )}

      {summary.byArea.length > 0 && (
        <section aria-labelledby={`${ids}-areas`} className="summary-section">
          <h2 id={`${ids}-areas`} className="section-title">
            By area
          </h2>
          <AreaCounts byArea={summary.byArea} />
        </section>
      )}

      {summary.best.length > 0 && (
        <section aria-labelledby={`${ids}-best`} className="summary-section">
          <h2 id={`${ids}-best`} className="section-title">
            Best ideas
          </h2>
          <ol className="card best-list" aria-label="Best ideas">
            {summary.best.map((idea) => (
              <li key={idea.id} className="best-item">
                <Link to={`/ideas/${idea.id}`} className="best-item__link">
                  <span className="best-item__text">{idea.text}</span>
                  <span className="best-item__meta">
                    <ValuePips value={idea.value} />
                    <span className={idea.areaId ? 'chip' : 'chip chip--empty'}>
                      {nameOf(idea.areaId) ?? 'No area'}
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby={`${ids}-all`} className="summary-section">
        <h2 id={`${ids}-all`} className="section-title">
          All ideas · {view.ideas.length}
        </h2>
        {view.ideas.length === 0 ? (
          <p className="meta-text">No ideas in this session.</p>
        ) : (
          <ul className="card best-list" aria-label="Session ideas">
            {view.ideas.map((idea) => (
              <li key={idea.id} className="best-item">
                <Link to={`/ideas/${idea.id}`} className="best-item__link">
                  <span className="best-item__text">{idea.text}</span>
                  <span className="best-item__meta">
                    <ValuePips value={idea.value} />
                    <span className={idea.areaId ? 'chip' : 'chip chip--empty'}>
                      {nameOf(idea.areaId) ?? 'No area'}
                    </span>
                    {questionTextOf(view, idea) && (
                      <span className="meta-text best-item__question">{questionTextOf(view, idea)}</span>
                    )}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${ids}-questions`} className="summary-section">
        <h2 id={`${ids}-questions`} className="section-title">
          Questions asked
        </h2>
        <ol className="card question-list" aria-label="Questions asked">
          {view.questions.map((q) => {
            const count = view.ideas.filter((i) => i.questionId === q.questionId).length;
            return (
              <li key={q.position} className="question-item">
                <span className="question-item__text">{q.text}</span>
                <span className="meta-text question-item__meta">
                  {plural(count, 'idea')}
                  {q.skipped ? ' · skipped' : ''} · {formatDuration(q.spentMs)}
                </span>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
