import { useId } from 'react';
import { useApiQuery } from '../../shared/api/query.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { AccessLog } from './AccessLog.js';
import { sharingApi, sharingKeys } from './api.js';
import { GrantsList } from './GrantsList.js';
import { ShareForm } from './ShareForm.js';
import '../../shared/styles/choice-list.css';
import '../../shared/styles/row-list.css';
import './sharing.css';

/** /sharing (team mode): let a coach read chosen parts of your data, see and revoke it, and who looked. */
export function SharingPage() {
  const id = useId();
  const coaches = useApiQuery(sharingKeys.coaches, (signal) => sharingApi.coaches(signal));
  const grants = useApiQuery(sharingKeys.grants, (signal) => sharingApi.grants(signal));
  const log = useApiQuery(sharingKeys.accessLog, (signal) => sharingApi.accessLog(signal));

  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Sharing</h1>
        <p className="page-lede">
          Your data is yours: nobody else sees it. To prepare a debugging conversation, you can let a coach
          read chosen parts of it — read only, until a date or until you revoke it — and see what they opened.
        </p>
      </header>

      <section className="data-section" aria-labelledby={`${id}-share`}>
        <h2 id={`${id}-share`} className="section-title">
          Share with a coach
        </h2>
        {coaches.error ? (
          <ErrorNotice onRetry={() => void coaches.reload()}>{coaches.error}</ErrorNotice>
        ) : !coaches.data ? (
          <LoadingCard lines={2} />
        ) : coaches.data.length === 0 ? (
          <div className="card empty-card">
            <p className="empty-card__title">There is no coach to share with yet.</p>
            <p className="meta-text">
              Once an org admin gives someone the coach role, you can choose them here.
            </p>
          </div>
        ) : (
          <ShareForm
            coaches={coaches.data}
            sharingWith={(grants.data ?? []).filter((g) => g.state === 'active').map((g) => g.coach.id)}
          />
        )}
      </section>

      <section className="data-section" aria-labelledby={`${id}-grants`}>
        <h2 id={`${id}-grants`} className="section-title">
          What you share
        </h2>
        {grants.error ? (
          <ErrorNotice onRetry={() => void grants.reload()}>{grants.error}</ErrorNotice>
        ) : !grants.data ? (
          <LoadingCard lines={2} />
        ) : grants.data.length === 0 ? (
          <div className="card empty-card">
            <p className="empty-card__title">You share nothing.</p>
            <p className="meta-text">
              What you share appears here, with its end date and a way to revoke it; a revoked coach loses
              access at once.
            </p>
          </div>
        ) : (
          <GrantsList grants={grants.data} />
        )}
      </section>

      <section className="data-section" aria-labelledby={`${id}-log`}>
        <h2 id={`${id}-log`} className="section-title">
          Who looked
        </h2>
        {log.error ? (
          <ErrorNotice onRetry={() => void log.reload()}>{log.error}</ErrorNotice>
        ) : !log.data ? (
          <LoadingCard />
        ) : (
          <AccessLog entries={log.data} />
        )}
      </section>
    </div>
  );
}
