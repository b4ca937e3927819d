import { useId } from 'react';
import { Link } from 'react-router';
import type { SessionView } from '../../../../src/core/sessions/view.js';
import { ValuePips } from '../../shared/components/Badges.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { AreaCounts } from './AreaCounts.js';
import { formatDuration, ideaCountText, sessionTitle } from './format.js';
import { STATE_LABELS } from './labels.js';
import { useQuestionStats, useSessionList } from './queries.js';
import './sessions-start.css';
import './sessions-history.css';

/** /sessions: every session with its summary, and which questions tend to produce good ideas. */
export function SessionsPage() {
  const { data: sessions, error: listError } = useSessionList();
  const { data: stats, error: statsError } = useQuestionStats();
  const error = listError ?? statsError;
  const id = useId();

  const ranked = [...(stats ?? [])]
    .filter((s) => s.shown > 0)
    .sort((a, b) => (b.meanValue ?? -1) - (a.meanValue ?? -1) || b.ideas - a.ideas || b.shown - a.shown);

  return (
    <div className="page">
      <header className="page-header page-header--split">
        <div>
          <h1 className="page-title">Session history</h1>
          <p className="page-lede">
            What came out of your focused sessions, and which questions work for you.
          </p>
        </div>
        <Link to="/session" className="button button--primary">
          New session
        </Link>
      </header>

      {error && <ErrorNotice>{error}</ErrorNotice>}

      <section aria-labelledby={`${id}-history`} className="history">
        <h2 id={`${id}-history`} className="section-title">
          History
        </h2>
        {sessions === null && !error ? (
          <LoadingCard lines={2} />
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
