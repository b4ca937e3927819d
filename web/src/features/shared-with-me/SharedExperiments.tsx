import { Link } from 'react-router';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { phaseLength } from '../experiments/format.js';
import { stateLabel } from '../experiments/labels.js';
import { AccessEnded } from './AccessEnded.js';
import { sharedApi, sharedKeys } from './api.js';
import { useSharedRead } from './queries.js';
import '../sessions/sessions-history.css';

/** A researcher's shared experiments; a reported one links to its read-only report. */
export function SharedExperiments({ researcherId, name }: { researcherId: string; name: string }) {
  const experiments = useSharedRead(sharedKeys.of(researcherId, 'experiments'), (signal) =>
    sharedApi.experiments(researcherId, signal),
  );
  if (experiments.ended) return <AccessEnded name={name} what="their experiments" />;
  if (experiments.error) return <ErrorNotice onRetry={experiments.reload}>{experiments.error}</ErrorNotice>;
  if (!experiments.data) return <LoadingCard lines={2} />;
  if (experiments.data.length === 0) return <p className="meta-text">No experiments yet.</p>;
  return (
    <ul className="history-list" aria-label={`Experiments of ${name}`}>
      {experiments.data.map((view) => (
        <li key={view.id} className="card shared-row">
          <span className="history-row__top">
            <span className="history-row__title">{view.title}</span>
            <span className={view.state === 'reported' ? 'tag tag--accent' : 'tag'}>{stateLabel(view)}</span>
            <span className="meta-text history-row__meta">
              {phaseLength(view.phases[0])} vs {phaseLength(view.phases[1])} · started{' '}
              <time dateTime={view.createdAt} title={fullTime(view.createdAt)}>
                {relativeTime(view.createdAt)}
              </time>
            </span>
          </span>
          <span className="history-row__best">{view.prediction.text}</span>
          {view.state === 'reported' && (
            <Link
              to={`/shared/${researcherId}/experiments/${view.id}`}
              className="button button--small shared-row__action"
              aria-label={`Read the report: ${view.title}`}
            >
              Read the report
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
