import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { CalendarFeed, NewCalendarFeed } from '../../../../src/core/plans/views.js';
import { useApiAction } from '../../shared/api/action.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { fullTime } from '../../shared/format.js';
import { useToast } from '../../shared/state.js';
import { settingsApi } from './api.js';
import { settingsKeys, useCalendarFeeds } from './queries.js';

/** The calendar: a one-off .ics download, and private subscription links to create and revoke. */
export function CalendarSetting() {
  const { notify } = useToast();
  const client = useQueryClient();
  const { data: feeds, error: loadError, reload } = useCalendarFeeds();
  /** The link just created: its secret URL is shown this once. */
  const [created, setCreated] = useState<NewCalendarFeed | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const feedsChanged = () => void client.invalidateQueries({ queryKey: settingsKeys.feeds });

  const create = useApiAction(() => settingsApi.createFeed(), {
    onSuccess: (feed) => {
      setCreated(feed);
      setCopied(false);
      feedsChanged();
    },
  });
  const revoke = useApiAction((feed: CalendarFeed) => settingsApi.revokeFeed(feed.id), {
    onSuccess: (_, feed) => {
      setCreated((shown) => (shown?.id === feed.id ? null : shown));
      setConfirming(null);
      notify('Subscription link revoked');
      feedsChanged();
    },
  });
  const busy = create.busy || revoke.busy;
  const error = create.error ?? revoke.error;

  const url = created ? `${window.location.origin}${created.path}` : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission (e.g. plain http on another host): select it for Ctrl+C instead.
      urlRef.current?.select();
    }
  };

  const live = (feeds ?? []).filter((f) => !f.revokedAt);
  const revoked = (feeds ?? []).filter((f) => f.revokedAt);

  return (
    <div className="card settings-card">
      <div className="calendar-download">
        <div>
          <p className="settings-card__title">Download once</p>
          <p className="hint">
            An .ics file with your practice blocks, review dates and experiment phase ends, for importing by
            hand.
          </p>
        </div>
        <a href={settingsApi.calendarUrl} className="button" download="whetstone.ics">
          Download calendar (.ics)
        </a>
      </div>

      <div className="calendar-subscribe">
        <div>
          <p className="settings-card__title">Subscribe</p>
          <p className="hint">
            A private link your calendar app polls, so new plans and changed cadences show up by themselves.
            Anyone with the link can read the calendar; revoke it when you no longer need it.
          </p>
        </div>
        <button type="button" className="button" onClick={() => void create.run()} disabled={busy}>
          Create a subscription link
        </button>
      </div>

      {created && (
        <section className="feed-created" aria-label="New subscription link">
          <label htmlFor={`${id}-url`} className="field__label">
            Subscription URL
          </label>
          <div className="feed-created__row">
            <input
              ref={urlRef}
              id={`${id}-url`}
              className="input feed-created__url"
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
              aria-describedby={`${id}-once`}
            />
            <button type="button" className="button button--primary" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
          <p id={`${id}-once`} className="hint feed-created__note">
            <strong>Shown only now:</strong> Whetstone keeps only a fingerprint of the link. Paste it into
            your calendar app (“subscribe to calendar” or “add calendar from URL”). If you lose it, create a
            new one and revoke this one.
          </p>
        </section>
      )}

      {(error ?? loadError) && (
        <ErrorNotice onRetry={loadError ? () => void reload() : undefined}>{error ?? loadError}</ErrorNotice>
      )}

      {feeds && feeds.length > 0 && (
        <div className="feeds">
          <p className="field__label">Subscription links</p>
          <ul className="feed-list" aria-label="Subscription links">
            {[...live, ...revoked].map((feed) => (
              <li key={feed.id} className="feed-row">
                <span className="feed-row__text">
                  Created {fullTime(feed.createdAt)}
                  {feed.revokedAt ? (
                    <span className="tag"> revoked {fullTime(feed.revokedAt)}</span>
                  ) : (
                    <span className="tag tag--accent">active</span>
                  )}
                </span>
                {!feed.revokedAt &&
                  (confirming === feed.id ? (
                    <span className="feed-row__actions">
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setConfirming(null)}
                      >
                        Keep
                      </button>
                      <button
                        type="button"
                        className="button button--small button--danger"
                        disabled={busy}
                        onClick={() => void revoke.run(feed)}
                      >
                        Confirm revoke
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small button--danger-quiet"
                      onClick={() => setConfirming(feed.id)}
                    >
                      Revoke
                    </button>
                  ))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
