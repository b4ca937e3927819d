import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { NewSecondRaterLink } from '../../../../src/core/experiments/second-rater.js';
import { useApiAction } from '../../shared/api/action.js';
import { errorMessage } from '../../shared/api/client.js';
import { secondRaterApi } from './api.js';
import './second-rater.css';

const statusKey = (id: string) => ['experiments', id, 'second-rater'] as const;

/**
 * The experiment page's "Second rater" card: invite one person to rate the same idea texts blind
 * through a link (shown once, to copy), follow how far they are, withdraw the link.
 */
export function SecondRaterCard({ experimentId }: { experimentId: string }) {
  const ids = useId();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [fresh, setFresh] = useState<NewSecondRaterLink | null>(null);
  const [copied, setCopied] = useState(false);
  const status = useQuery({
    queryKey: statusKey(experimentId),
    queryFn: ({ signal }) => secondRaterApi.status(experimentId, signal),
    // The rater's progress is not in every engine's change token: look again now and then while
    // they are at it.
    refetchInterval: (query) => {
      const invitation = query.state.data?.invitation;
      return invitation && !invitation.finishedAt && !invitation.linkEnded ? 15_000 : false;
    },
  });
  const refresh = () => client.invalidateQueries({ queryKey: statusKey(experimentId) });
  const inviting = useApiAction(() => secondRaterApi.invite(experimentId, name.trim() || null), {
    onSuccess: (link) => {
      setFresh(link);
      setCopied(false);
      void refresh();
    },
  });
  const withdrawing = useApiAction(() => secondRaterApi.withdraw(experimentId), {
    onSuccess: () => {
      setFresh(null);
      void refresh();
    },
  });
  const invitation = status.data?.invitation ?? null;
  const error = inviting.error ?? withdrawing.error ?? (status.error ? errorMessage(status.error) : null);

  const copy = async () => {
    if (!fresh) return;
    try {
      await navigator.clipboard.writeText(fresh.link);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin): the link stays selected in its field to copy by hand.
    }
  };

  return (
    <section className="card second-rater" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="section-title">
        Second rater
      </h2>
      <p className="meta-text">
        Ask a coach or a colleague to rate the same idea texts blind — no phase, none of your values. The
        report then shows both of you and how well you agree; the verdict stays yours.
      </p>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}

      {fresh && (
        <div className="second-rater__link">
          <label htmlFor={`${ids}-link`} className="field__label">
            The link — shown only now; copy it and send it
          </label>
          <div className="second-rater__link-row">
            <input
              id={`${ids}-link`}
              className="input"
              readOnly
              value={fresh.link}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button type="button" className="button button--small" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </div>
        </div>
      )}

      {invitation ? (
        <div className="second-rater__status">
          <p role="status">
            {invitation.raterName ?? 'The second rater'}:{' '}
            {invitation.finishedAt
              ? `finished, ${invitation.rated} of ${invitation.total} rated`
              : `${invitation.rated} of ${invitation.total} rated`}
            {invitation.linkEnded &&
              ' — restored from a backup, so the link no longer works; a new link starts a new rating'}
          </p>
          <div className="second-rater__buttons">
            <button
              type="button"
              className="button button--small"
              disabled={inviting.busy}
              onClick={() => {
                if (
                  window.confirm(
                    'A new link replaces the old one, and the ratings given with it are dropped.',
                  )
                )
                  void inviting.run();
              }}
            >
              New link
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              disabled={withdrawing.busy}
              onClick={() => void withdrawing.run()}
            >
              Withdraw the link
            </button>
          </div>
        </div>
      ) : (
        status.data && (
          <form
            className="second-rater__invite"
            onSubmit={(event) => {
              event.preventDefault();
              void inviting.run();
            }}
          >
            <label htmlFor={`${ids}-name`} className="field__label">
              Their name (optional)
            </label>
            <div className="second-rater__link-row">
              <input
                id={`${ids}-name`}
                className="input"
                value={name}
                maxLength={80}
                onChange={(event) => setName(event.target.value)}
              />
              <button type="submit" className="button button--small" disabled={inviting.busy}>
                Invite a second rater
              </button>
            </div>
          </form>
        )
      )}
    </section>
  );
}
