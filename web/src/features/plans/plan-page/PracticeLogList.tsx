import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { PracticeLog } from '../../../../../src/core/plans/practice.js';
import { DIFFICULTY_LABELS } from '../../../../../src/core/plans/vocabulary.js';
import { errorMessage } from '../../../shared/api/client.js';
import { fullTime } from '../../../shared/format.js';
import { useToast } from '../../../shared/state.js';
import { plansApi } from '../api.js';
import { dayAndTime } from '../dates.js';
import { usePlansChanged } from '../queries.js';

/** Practice blocks listed before "Show all". */
const LOG_SHOWN = 8;

/** A plan's practice blocks, newest first, the latest few until "Show all"; each can be removed. */
export function PracticeLogList({ logs, timeZone }: { logs: PracticeLog[]; timeZone: string | undefined }) {
  const { notify } = useToast();
  const plansChanged = usePlansChanged();
  const [showAll, setShowAll] = useState(false);
  const remove = useMutation({
    mutationFn: (log: PracticeLog) => plansApi.deletePractice(log.id),
    onSuccess: (_, log) => {
      notify(`Removed the ${log.minutes}-minute block`);
      plansChanged();
    },
    onError: (error) => notify(errorMessage(error), 'error'),
  });

  if (logs.length === 0) return <p className="meta-text practice-log__empty">No practice logged yet.</p>;
  return (
    <>
      <ul className="practice-log" aria-label="Practice log">
        {[...logs]
          .reverse()
          .slice(0, showAll ? undefined : LOG_SHOWN)
          .map((log) => (
            <li key={log.id} className="practice-log__row">
              <span className="practice-log__minutes">{log.minutes} min</span>
              <span className="practice-log__main">
                <time dateTime={log.at} title={fullTime(log.at)} className="practice-log__when">
                  {dayAndTime(log.at, timeZone)}
                </time>
                {log.difficulty !== null && (
                  <span className={`difficulty difficulty--${log.difficulty}`}>
                    {log.difficulty} · {DIFFICULTY_LABELS[log.difficulty]}
                  </span>
                )}
                {log.note && <span className="practice-log__note">{log.note}</span>}
              </span>
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={`Remove the ${log.minutes}-minute block of ${dayAndTime(log.at, timeZone)}`}
                onClick={() => remove.mutate(log)}
              >
                Remove
              </button>
            </li>
          ))}
      </ul>
      {logs.length > LOG_SHOWN && (
        <button
          type="button"
          className="button button--small button--quiet practice-log__more"
          onClick={() => setShowAll((all) => !all)}
        >
          {showAll ? 'Show the latest only' : `Show all ${logs.length} blocks`}
        </button>
      )}
    </>
  );
}
