import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, isAbort, type QuestionStat, type SessionView } from '../../api.js';
import { ValuePips } from '../../shared/components/Badges.js';
import { BackLink, ErrorNotice } from '../../shared/components/PageStates.js';
import { fullTime, plural } from '../../shared/format.js';
import { useAreas } from '../../shared/state.js';
import {
  AreaCounts,
  formatDuration,
  ideaCountText,
  questionTextOf,
  sessionTitle,
  useSessionLoader,
} from './session.js';
import './sessions-start.css';
import './sessions-history.css';

const STATE_LABELS: Record<SessionView['state'], string> = {
  running: 'Under way',
  paused: 'Paused',
  rating: 'Waiting for ratings',
  completed: 'Completed',
};

/** /sessions: every session with its summary, and which questions tend to produce good ideas. */
export function SessionsPage() {
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [stats, setStats] = useState<QuestionStat[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([api.listSessions(controller.signal), api.questionStats(controller.signal)])
      .then(([list, questionStats]) => {
        setSessions(list.items);
        setStats(questionStats.items);
      })
      .catch((e) => {
        if (!isAbort(e)) setError(errorMessage(e));
      });
    return () => controller.abort();
  }, []);

  const ranked = [...(stats ?? [])]
    .filter((s) => s.shown > 0)
    .sort((a, b) => (b.meanValue ?? -1) - (a.meanValue ?? -1) || b.ideas - a.ideas || b.shown - a.shown);

  return (
    <div className="page">
      <header className="page-header page-header--split">
        <div>
          <h1 className="page-title">Sessions</h1>
          <p className="page-lede">
            What came out of your focused sessions, and which questions work for you.
          </p>
        </div>
        <Link to="/session" className="button button--primary">
          New session
        </Link>
      </header>

      {error && (
        <div className="notice notice--error" role="alert">
          {error}
        </div>
      )}

      <section aria-labelledby={`${id}-history`} className="history">
        <h2 id={`${id}-history`} className="section-title">
          History
        </h2>
        {sessions === null && !error ? (
          <div className="card history__loading" aria-busy="true">
            <div className="skeleton skeleton--line" />
            <div className="skeleton skeleton--short" />
          </div>
        ) : sessions && sessions.length === 0 ? (
          <div className="empty">
            <p className="empty__title">No sessions yet.</p>
            <p className="empty__text">Twenty quiet minutes is enough to start.</p>
            <Link to="/session" className="button button--small">
              Start a session
            </Link>
          </div>
        ) : (
          <ul className="history-list" aria-label="Past sessions">
            {(sessions ?? []).map((s) => (
              <HistoryRow key={s.id} view={s} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${id}-questions`} className="history">
        <h2 id={`${id}-questions`} className="section-title">
          Questions that work
        </h2>
        {stats !== null && ranked.length === 0 ? (
          <p className="meta-text">Statistics appear after your first session.</p>
        ) : (
          <div className="card table-card">
            <table className="stats-table" aria-label="Question statistics">
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col" className="num">
                    Shown
                  </th>
                  <th scope="col" className="num">
                    Ideas
                  </th>
                  <th scope="col" className="num">
                    Mean value
                  </th>
                </tr>
              </thead>
              <tbody>
                {ranked.map((s) => (
                  <tr key={s.questionId}>
                    <th scope="row">{s.text}</th>
                    <td className="num">{s.shown}</td>
                    <td className="num">{s.ideas}</td>
                    <td className="num">
                      {s.meanValue === null ? (
                        <span className="meta-text" title="No rated ideas yet">
                          –
                        </span>
                      ) : (
                        s.meanValue.toFixed(1)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function HistoryRow({ view }: { view: SessionView }) {
  const best = view.summary.best[0];
  const live = view.state !== 'completed';
  return (
    <li className="history-row">
      <Link to={live ? '/session' : `/sessions/${view.id}`} className="card history-row__link">
        <span className="history-row__top">
          <span className="history-row__title">{sessionTitle(view)}</span>
          {live && <span className="tag tag--accent">{STATE_LABELS[view.state]}</span>}
          <span className="meta-text history-row__meta">
            {view.deckName} · {formatDuration(view.elapsedMs)} · {ideaCountText(view)}
          </span>
        </span>
        {best && (
          <span className="history-row__best">
            <ValuePips value={best.value} />
            <span>{best.text}</span>
          </span>
        )}
        <AreaCounts byArea={view.summary.byArea} />
      </Link>
    </li>
  );
}

/** /sessions/:id: one session's summary. */
export function SessionSummaryPage({ id }: { id: string }) {
  const { state, loaded, error } = useSessionLoader(id);
  const { nameOf } = useAreas();
  const ids = useId();
  const view = state?.view;

  if (!loaded) {
    return (
      <div className="page page--narrow" aria-busy="true">
        <div className="skeleton skeleton--title" />
      </div>
    );
  }
  if (!view) {
    return (
      <div className="page page--narrow">
        <BackLink to="/sessions">Sessions</BackLink>
        <ErrorNotice>{error ?? 'This session does not exist.'}</ErrorNotice>
      </div>
    );
  }

  const { summary } = view;
  const skipped = view.questions.filter((q) => q.skipped).length;

  return (
    <div className="page page--narrow">
      <BackLink to="/sessions">Sessions</BackLink>
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
