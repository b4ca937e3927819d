import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { Invitation } from '../../../../src/core/team/account.js';
import { useApiAction } from '../../shared/api/action.js';
import { useApiQuery } from '../../shared/api/query.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { useToast } from '../../shared/state.js';
import { membersApi, membersKeys } from './api.js';
import { rolesText } from './roles.js';

/** The invitations nobody has used yet, each with "Withdraw"; nothing when there are none. */
export function InvitationsSection() {
  const id = useId();
  const client = useQueryClient();
  const { notify } = useToast();
  const { data, error, reload } = useApiQuery(membersKeys.invitations, (signal) =>
    membersApi.invitations(signal),
  );
  const withdraw = useApiAction((invitation: Invitation) => membersApi.withdraw(invitation.id), {
    onSuccess: (_, invitation) => {
      notify(`Invitation for ${invitation.email} withdrawn`);
      void client.invalidateQueries({ queryKey: membersKeys.invitations });
    },
  });
  const pending = (data ?? []).filter((invitation) => invitation.state === 'pending');
  if (!error && pending.length === 0) return null;

  return (
    <section className="data-section" aria-labelledby={`${id}-pending`}>
      <h2 id={`${id}-pending`} className="section-title">
        Pending invitations
      </h2>
      {error && <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>}
      {withdraw.error && <ErrorNotice>{withdraw.error}</ErrorNotice>}
      {pending.length > 0 && (
        <ul className="card row-list" aria-label="Pending invitations">
          {pending.map((invitation) => (
            <li key={invitation.id} className="row-list__row">
              <div className="invitation-row__text">
                <span className="invitation-row__email">{invitation.email}</span>
                <span className="meta-text">
                  {rolesText(invitation.roles)} · invited by {invitation.invitedBy}{' '}
                  <time dateTime={invitation.createdAt} title={fullTime(invitation.createdAt)}>
                    {relativeTime(invitation.createdAt)}
                  </time>{' '}
                  · expires{' '}
                  <time dateTime={invitation.expiresAt} title={fullTime(invitation.expiresAt)}>
                    {relativeTime(invitation.expiresAt)}
                  </time>
                </span>
              </div>
              <button
                type="button"
                className="button button--small button--danger-quiet"
                aria-label={`Withdraw the invitation for ${invitation.email}`}
                disabled={withdraw.busy}
                onClick={() => void withdraw.run(invitation)}
              >
                Withdraw
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
