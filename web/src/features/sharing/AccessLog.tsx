import { Fragment, type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { GrantAccess, GrantScope } from '../../../../src/core/team/grants.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { useExperimentList } from '../experiments/queries.js';
import { type Visit, visitsOf } from './visits.js';

/** What a coach opened, as it ends "Cora Coach opened …". */
const OPENED: Record<GrantScope, string> = {
  ideas: 'your ideas',
  plans: 'your plans',
  sessions: 'your sessions',
  experiments: 'your experiments',
};

/** Visits listed before "Show all". */
const SHOWN = 12;

/** "a, b and c" of any parts. */
function inWords(parts: readonly ReactNode[]): ReactNode {
  return parts.map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence, in a fixed order
    <Fragment key={i}>
      {i === 0 ? '' : i === parts.length - 1 ? ' and ' : ', '}
      {part}
    </Fragment>
  ));
}

/** The access log: which coach opened what of yours, and when; a report names and links its experiment. */
export function AccessLog({ entries }: { entries: readonly GrantAccess[] }) {
  const [all, setAll] = useState(false);
  const { data: experiments } = useExperimentList();
  const titleOf = (id: string) => experiments?.find((e) => e.id === id)?.title ?? 'an experiment';
  const visits = visitsOf(entries);
  if (visits.length === 0)
    return (
      <div className="card empty-card">
        <p className="empty-card__title">No coach has opened anything of yours yet.</p>
        <p className="meta-text">
          Each time a coach opens what you share, it is listed here: who, what and when.
        </p>
      </div>
    );
  const opened = (visit: Visit) =>
    inWords([
      ...visit.scopes.map((scope) => OPENED[scope]),
      ...visit.reports.map((id) => (
        <Fragment key={id}>
          the report of <Link to={`/experiments/${id}`}>{titleOf(id)}</Link>
        </Fragment>
      )),
    ]);
  return (
    <>
      <ol className="card row-list" aria-label="Access log">
        {visits.slice(0, all ? undefined : SHOWN).map((visit) => (
          <li key={`${visit.at}-${visit.coach.id}`} className="row-list__row">
            <span>
              <strong className="access-log__who">{visit.coach.name}</strong> opened {opened(visit)}
            </span>
            <time className="meta-text access-log__when" dateTime={visit.at} title={fullTime(visit.at)}>
              {relativeTime(visit.at)}
            </time>
          </li>
        ))}
      </ol>
      {visits.length > SHOWN && (
        <button
          type="button"
          className="button button--small button--quiet access-log__more"
          onClick={() => setAll((a) => !a)}
        >
          {all ? 'Show the latest only' : `Show all ${visits.length} visits`}
        </button>
      )}
    </>
  );
}
