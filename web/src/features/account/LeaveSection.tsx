import { useId, useState } from 'react';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { useSession } from '../../shared/session.js';
import { accountApi } from './api.js';
import { ExportLink } from './ExportLink.js';

/**
 * Leaving: a backup first, then a confirmation. The membership ends and every session with it;
 * the last admin is refused (someone else must be made admin first).
 */
export function LeaveSection({ organisation }: { organisation: string }) {
  const id = useId();
  const { ended } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [downloaded, setDownloaded] = useState(false);
  const leave = useApiAction(() => accountApi.leave(), {
    onSuccess: () => ended(`You left ${organisation}. An admin can let you back in.`),
  });

  return (
    <section className="data-section" aria-labelledby={`${id}-leave`}>
      <h2 id={`${id}-leave`} className="section-title">
        Leave the organisation
      </h2>
      <div className="card account-leave">
        <p>
          Leaving {organisation} signs you out everywhere, and you cannot sign in again unless an admin
          reactivates you. Download your data first: nobody else can export it for you.
        </p>
        {confirming ? (
          <fieldset className="account-leave__confirm">
            <legend className="visually-hidden">Leave {organisation}</legend>
            <ExportLink onDownload={() => setDownloaded(true)} />
            <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
              Stay
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              disabled={leave.busy}
              onClick={() => void leave.run()}
            >
              {leave.busy ? 'Leaving…' : downloaded ? `Leave ${organisation}` : 'Leave without a backup'}
            </button>
          </fieldset>
        ) : (
          <button
            type="button"
            className="button button--danger-quiet account-leave__start"
            onClick={() => {
              leave.reset();
              setConfirming(true);
            }}
          >
            Leave {organisation}…
          </button>
        )}
        {leave.error && <ErrorNotice>{leave.error}</ErrorNotice>}
      </div>
    </section>
  );
}
