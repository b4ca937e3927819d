import { useQueryClient } from '@tanstack/react-query';
import type { AccountSession } from '../../../../src/core/team/account.js';
import { useApiAction } from '../../shared/api/action.js';
import { useApiQuery } from '../../shared/api/query.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { useToast } from '../../shared/state.js';
import { accountApi, accountKeys } from './api.js';
import { deviceName } from './device-name.js';

/** Where the person is signed in, this browser first; sign out one or all the others. */
export function SessionList() {
  const client = useQueryClient();
  const { notify } = useToast();
  const {
    data: sessions,
    error,
    reload,
  } = useApiQuery(accountKeys.sessions, (signal) => accountApi.sessions(signal));
  const changed = () => void client.invalidateQueries({ queryKey: accountKeys.sessions });
  const end = useApiAction((session: AccountSession) => accountApi.endSession(session.id), {
    onSuccess: () => {
      notify('Signed out there');
      changed();
    },
  });
  const endOthers = useApiAction(() => accountApi.endOtherSessions(), {
    onSuccess: () => {
      notify('Signed out everywhere else');
      changed();
    },
  });
  if (error) return <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>;
  if (!sessions) return <LoadingCard lines={2} />;
  const others = sessions.filter((session) => !session.current);
  const failure = end.error ?? endOthers.error;

  return (
    <div className="account-sessions">
      <ul className="card row-list" aria-label="Signed-in sessions">
        {sessions.map((session) => (
          <li key={session.id} className="row-list__row">
            <div className="session-row__text">
              <span className="session-row__device">
                {deviceName(session.userAgent)}
                {session.current && <span className="tag tag--accent">this device</span>}
              </span>
              <span className="meta-text">
                Active{' '}
                <time dateTime={session.lastActiveAt} title={fullTime(session.lastActiveAt)}>
                  {relativeTime(session.lastActiveAt)}
                </time>
                {session.ipAddress && <> · {session.ipAddress}</>} · signed in {fullTime(session.createdAt)}
              </span>
            </div>
            {!session.current && (
              <button
                type="button"
                className="button button--small button--danger-quiet"
                aria-label={`Sign out ${deviceName(session.userAgent)}, active ${relativeTime(session.lastActiveAt)}`}
                disabled={end.busy || endOthers.busy}
                onClick={() => void end.run(session)}
              >
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      {failure && <ErrorNotice>{failure}</ErrorNotice>}
      {others.length > 0 && (
        <button
          type="button"
          className="button account-sessions__others"
          disabled={end.busy || endOthers.busy}
          onClick={() => void endOthers.run()}
        >
          Sign out everywhere else
        </button>
      )}
    </div>
  );
}
