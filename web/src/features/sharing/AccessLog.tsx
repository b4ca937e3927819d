import { Link } from 'react-router';
import type { GrantAccess, GrantScope } from '../../../../src/core/team/grants.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { useExperimentList } from '../experiments/queries.js';

/** What a coach opened, as the end of "Cora Coach opened …". */
const OPENED: Record<GrantScope, string> = {
  ideas: 'your ideas',
  plans: 'your plans and practice',
  sessions: 'your focused sessions',
  experiments: 'your experiments',
};

/** One page view reads a scope more than once (plans and practice): reads this close are one line. */
const SAME_VISIT_MS = 5 * 60_000;

/** Entries of the same coach, scope and object, newest first, folded into their latest when close together. */
export function foldVisits(entries: readonly GrantAccess[]): GrantAccess[] {
  const folded: GrantAccess[] = [];
  let earliest = '';
  for (const entry of entries) {
    const last = folded.at(-1);
    const same =
      last &&
      last.coach.id === entry.coach.id &&
      last.scope === entry.scope &&
      last.objectId === entry.objectId &&
      Date.parse(earliest) - Date.parse(entry.at) < SAME_VISIT_MS;
    if (!same) folded.push(entry);
    earliest = entry.at;
  }
  return folded;
}

/** The access log: which coach opened what of yours, and when; a report names and links its experiment. */
export function AccessLog({ entries }: { entries: readonly GrantAccess[] }) {
  const { data: experiments } = useExperimentList();
  const titleOf = (id: string) => experiments?.find((e) => e.id === id)?.title ?? 'an experiment';
  if (entries.length === 0)
    return (
      <div className="card empty-card">
        <p className="empty-card__title">No coach has opened anything of yours yet.</p>
        <p className="meta-text">
          Each time a coach opens what you share, it is listed here: who, what and when.
        </p>
      </div>
    );
  return (
    <ol className="card access-log" aria-label="Access log">
      {foldVisits(entries).map((entry) => (
        <li key={`${entry.at}-${entry.coach.id}-${entry.scope}`} className="access-log__row">
          <span>
            <strong className="access-log__who">{entry.coach.name}</strong> opened{' '}
            {entry.objectId ? (
              <>
                the report of <Link to={`/experiments/${entry.objectId}`}>{titleOf(entry.objectId)}</Link>
              </>
            ) : (
              OPENED[entry.scope]
            )}
          </span>
          <time className="meta-text access-log__when" dateTime={entry.at} title={fullTime(entry.at)}>
            {relativeTime(entry.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}
