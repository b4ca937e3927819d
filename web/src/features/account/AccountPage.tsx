import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { AccountSession, AccountSessionList } from '../../../../src/core/team/account.js';
import { ROLE_LABELS } from '../../../../src/core/team/roles.js';
import { useApiAction } from '../../shared/api/action.js';
import { at, request } from '../../shared/api/client.js';
import { useApiQuery } from '../../shared/api/query.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { useSession } from '../../shared/session.js';
import { useToast } from '../../shared/state.js';
import './account.css';

const SESSIONS_KEY = ['account-sessions'] as const;

const accountApi = {
  async sessions(signal?: AbortSignal) {
    return (await request<AccountSessionList>('GET', '/account/sessions', undefined, signal)).items;
  },
  end(id: string) {
    return request<void>('DELETE', `/account/sessions/${at(id)}`);
  },
  endOthers() {
    return request<void>('POST', '/account/sessions/revoke-others');
  },
};

/** "Chrome on Linux" from a user agent, or the agent itself when it is unusual. */
function deviceName(agent: string | null): string {
  if (!agent) return 'Unknown browser';
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : null;
  const system = /Android/.test(agent)
    ? 'Android'
    : /iPhone|iPad/.test(agent)
      ? 'iOS'
      : /Mac OS X/.test(agent)
        ? 'macOS'
        : /Windows/.test(agent)
          ? 'Windows'
          : /Linux/.test(agent)
            ? 'Linux'
            : null;
  if (!browser) return agent.length > 60 ? `${agent.slice(0, 60)}…` : agent;
  return system ? `${browser} on ${system}` : browser;
}

/** /account (team mode): who you are here, and where you are signed in. */
export function AccountPage() {
  const { me } = useSession();
  const id = useId();
  if (!me) return null;
  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Your account</h1>
        <p className="page-lede">Who you are in this organisation, and the browsers you are signed in on.</p>
      </header>
      <section className="data-section" aria-labelledby={`${id}-who`}>
        <h2 id={`${id}-who`} className="section-title">
          Profile
        </h2>
        <dl className="card account-facts" aria-labelledby={`${id}-who`}>
          <div>
            <dt>Name</dt>
            <dd>{me.user.name}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{me.user.email ?? '—'}</dd>
          </div>
          <div>
            <dt>Organisation</dt>
            <dd>{me.organisation?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>Roles</dt>
            <dd>{me.roles.map((role) => ROLE_LABELS[role]).join(', ') || '—'}</dd>
          </div>
        </dl>
        <p className="hint account-hint">An org admin changes names, addresses and roles.</p>
      </section>
      <section className="data-section" aria-labelledby={`${id}-sessions`}>
        <h2 id={`${id}-sessions`} className="section-title">
          Where you are signed in
        </h2>
        <Sessions />
      </section>
    </div>
  );
}

function Sessions() {
  const client = useQueryClient();
  const { notify } = useToast();
  const {
    data: sessions,
    error,
    reload,
  } = useApiQuery(SESSIONS_KEY, (signal) => accountApi.sessions(signal));
  const changed = () => void client.invalidateQueries({ queryKey: SESSIONS_KEY });
  const end = useApiAction((session: AccountSession) => accountApi.end(session.id), {
    onSuccess: () => {
      notify('Signed out there');
      changed();
    },
  });
  const endOthers = useApiAction(() => accountApi.endOthers(), {
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
      <ul className="card session-list" aria-label="Signed-in sessions">
        {sessions.map((session) => (
          <li key={session.id} className="session-row">
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
