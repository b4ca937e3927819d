import type { SessionView } from '../../../../src/core/sessions/view.js';
import { ValuePips } from '../../shared/components/Badges.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { formatDuration, ideaCountText, sessionTitle } from '../sessions/format.js';
import { STATE_LABELS } from '../sessions/labels.js';
import { AccessEnded } from './AccessEnded.js';
import { sharedApi, sharedKeys } from './api.js';
import { useSharedRead } from './queries.js';
import '../sessions/sessions-history.css';

/** A researcher's shared focused sessions: when, how long, how many ideas, the best one. */
export function SharedSessions({ researcherId, name }: { researcherId: string; name: string }) {
  const sessions = useSharedRead(sharedKeys.of(researcherId, 'sessions'), (signal) =>
    sharedApi.sessions(researcherId, signal),
  );
  if (sessions.ended) return <AccessEnded name={name} what="their sessions" />;
  if (sessions.error) return <ErrorNotice onRetry={sessions.reload}>{sessions.error}</ErrorNotice>;
  if (!sessions.data) return <LoadingCard lines={2} />;
  if (sessions.data.length === 0) return <p className="meta-text">No focused sessions yet.</p>;
  return (
    <ul className="history-list" aria-label={`Sessions of ${name}`}>
      {sessions.data.map((view) => (
        <SharedSessionRow key={view.id} view={view} />
      ))}
    </ul>
  );
}

function SharedSessionRow({ view }: { view: SessionView }) {
  const best = view.summary.best[0];
  return (
    <li className="card shared-row">
      <span className="history-row__top">
        <span className="history-row__title">{sessionTitle(view)}</span>
        {view.state !== 'completed' && <span className="tag tag--accent">{STATE_LABELS[view.state]}</span>}
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
    </li>
  );
}
