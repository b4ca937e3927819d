import { useQueryClient } from '@tanstack/react-query';
import type { AccessToken } from '../../../../src/core/team/account.js';
import { useApiAction } from '../../shared/api/action.js';
import { useApiQuery } from '../../shared/api/query.js';
import { ErrorNotice, LoadingCard } from '../../shared/components/PageStates.js';
import { fullTime, relativeTime } from '../../shared/format.js';
import { useToast } from '../../shared/state.js';
import { TOKEN_SCOPE_LABELS } from '../../shared/token-scopes.js';
import { accountApi, accountKeys } from './api.js';

/** "expires in 3 months", "expired 2 days ago", "never expires". */
function expiryText(token: AccessToken, now: number): string {
  if (!token.expiresAt) return 'never expires';
  return `${Date.parse(token.expiresAt) <= now ? 'expired' : 'expires'} ${relativeTime(token.expiresAt)}`;
}

/** The tokens that still exist (a revoked one is gone from here; the audit log keeps it). */
export function TokenList() {
  const client = useQueryClient();
  const { notify } = useToast();
  const {
    data: tokens,
    error,
    reload,
  } = useApiQuery(accountKeys.tokens, (signal) => accountApi.tokens(signal));
  const revoke = useApiAction((token: AccessToken) => accountApi.revokeToken(token.id), {
    onSuccess: (_none, token) => {
      notify(`Token “${token.name}” revoked`);
      void client.invalidateQueries({ queryKey: accountKeys.tokens });
    },
  });
  if (error) return <ErrorNotice onRetry={() => void reload()}>{error}</ErrorNotice>;
  if (!tokens) return <LoadingCard lines={2} />;
  const live = tokens.filter((token) => token.revokedAt === null);
  const now = Date.now();
  if (live.length === 0) return <p className="hint">No access tokens yet.</p>;

  return (
    <>
      <ul className="card row-list" aria-label="Access tokens">
        {live.map((token) => (
          <li key={token.id} className="row-list__row">
            <div className="session-row__text">
              <span className="session-row__device">
                {token.name}
                <span className={token.scope === 'read' ? 'tag' : 'tag tag--accent'}>
                  {TOKEN_SCOPE_LABELS[token.scope]}
                </span>
              </span>
              <span className="meta-text">
                Created <time dateTime={token.createdAt}>{fullTime(token.createdAt)}</time> ·{' '}
                {token.lastUsedAt ? `last used ${relativeTime(token.lastUsedAt)}` : 'never used'} ·{' '}
                {expiryText(token, now)}
              </span>
            </div>
            <button
              type="button"
              className="button button--small button--danger-quiet"
              aria-label={`Revoke ${token.name}`}
              disabled={revoke.busy}
              onClick={() => void revoke.run(token)}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
      {revoke.error && <ErrorNotice>{revoke.error}</ErrorNotice>}
    </>
  );
}
