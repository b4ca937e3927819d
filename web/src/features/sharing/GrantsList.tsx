import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Grant } from '../../../../src/core/team/grants.js';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { useToast } from '../../shared/state.js';
import { todayIn } from '../../shared/time-zone.js';
import { dayText } from '../plans/dates.js';
import { useSettings } from '../settings/queries.js';
import { sharingApi, sharingKeys } from './api.js';
import { grantScopesText } from './scopes.js';

const STATE_LABELS: Record<Grant['state'], string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** Active grants first, then the ended ones, newest first within each. */
const ORDER = { active: 0, expired: 1, revoked: 1 } as const;

/** Everything one has shared, with its state; an active grant can be revoked (after a confirm). */
export function GrantsList({ grants }: { grants: Grant[] }) {
  const sorted = [...grants].sort(
    (a, b) => ORDER[a.state] - ORDER[b.state] || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <ul className="card row-list" aria-label="Your grants">
      {sorted.map((grant) => (
        <GrantRow key={grant.id} grant={grant} />
      ))}
    </ul>
  );
}

/** The last day a grant works, in the researcher's zone: the day before the midnight it ends at. */
function lastDay(expiresAt: string, timeZone: string | undefined): string {
  return todayIn(timeZone, new Date(Date.parse(expiresAt) - 1));
}

function GrantRow({ grant }: { grant: Grant }) {
  const client = useQueryClient();
  const { notify } = useToast();
  const settings = useSettings();
  const [confirming, setConfirming] = useState(false);
  const revoke = useApiAction(() => sharingApi.revoke(grant.id), {
    onSuccess: (revoked) => {
      setConfirming(false);
      notify(`${revoked.coach.name} can no longer see what you shared`);
      void client.invalidateQueries({ queryKey: sharingKeys.grants });
    },
  });
  const { coach } = grant;
  const ended = grant.revokedAt ?? (grant.state === 'expired' ? grant.expiresAt : null);

  return (
    <li className={grant.state === 'active' ? 'row-list__row' : 'row-list__row grant-row--ended'}>
      <div className="grant-row__text">
        <span className="grant-row__who">
          {coach.name}
          <span className={grant.state === 'active' ? 'tag tag--accent' : 'tag'}>
            {STATE_LABELS[grant.state]}
          </span>
        </span>
        <span className="grant-row__scopes">{grantScopesText(grant)}</span>
        <span className="meta-text">
          Shared{' '}
          <time dateTime={grant.createdAt} title={fullTime(grant.createdAt)}>
            {relativeTime(grant.createdAt)}
          </time>
          {grant.state === 'active' &&
            (grant.expiresAt
              ? ` · until ${dayText(lastDay(grant.expiresAt, settings?.timeZone))}`
              : ' · until you revoke it')}
          {ended && (
            <>
              {' '}
              · {grant.state === 'revoked' ? 'revoked' : 'ended'}{' '}
              <time dateTime={ended} title={fullTime(ended)}>
                {relativeTime(ended)}
              </time>
            </>
          )}
        </span>
        {revoke.error && <ErrorNotice>{revoke.error}</ErrorNotice>}
      </div>
      {grant.state === 'active' &&
        (confirming ? (
          <span className="grant-row__confirm">
            <span className="meta-text">{coach.name} loses access at once.</span>
            <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
              Keep
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              aria-label={`Confirm revoke: ${coach.name}, ${grantScopesText(grant)}`}
              disabled={revoke.busy}
              onClick={() => void revoke.run()}
            >
              Confirm revoke
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button button--small button--danger-quiet"
            aria-label={`Revoke: ${coach.name}, ${grantScopesText(grant)}`}
            onClick={() => {
              revoke.reset();
              setConfirming(true);
            }}
          >
            Revoke
          </button>
        ))}
    </li>
  );
}
