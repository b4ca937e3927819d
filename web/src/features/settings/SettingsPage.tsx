import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api.js';
import { type CalendarFeed, type NewCalendarFeed, plansApi } from '../../api-plans.js';
import { useLoaded } from '../../shared/api/loading.js';
import { FieldError } from '../../shared/components/FieldError.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { fullTime } from '../../shared/format.js';
import { useToast } from '../../shared/state.js';
import { browserTimeZone, settingsChanged } from '../plans/plans-format.js';
import './settings.css';

function allTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [browserTimeZone(), 'UTC'];
  }
}

/** "new york" matches America/New_York; every word must occur in the zone's name. */
function matchesZone(zone: string, query: string): boolean {
  const words = query.trim().toLowerCase().replace(/\s+/g, '_').split(/[/_]+/).filter(Boolean);
  const name = zone.toLowerCase();
  return words.every((w) => name.includes(w));
}

/** /settings: the time zone local dates are counted in, and the calendar (download, subscriptions). */
export function SettingsPage() {
  const id = useId();
  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1 className="page-title">Settings</h1>
        <p className="page-lede">Your time zone, and practice blocks and review dates in your calendar.</p>
      </header>
      <section className="data-section" aria-labelledby={`${id}-zone`}>
        <h2 id={`${id}-zone`} className="section-title">
          Time zone
        </h2>
        <TimeZoneSetting />
      </section>
      <section className="data-section" aria-labelledby={`${id}-calendar`}>
        <h2 id={`${id}-calendar`} className="section-title">
          Calendar
        </h2>
        <CalendarSetting />
      </section>
    </div>
  );
}

function TimeZoneSetting() {
  const { notify } = useToast();
  const { data: settings, error: loadError, setData: setSettings } = useLoaded(loadSettings);
  const [query, setQuery] = useState('');
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(allTimeZones, []);
  const id = useId();
  const browser = browserTimeZone();

  // The list starts at the saved zone.
  useEffect(() => {
    if (settings) setChoice((current) => current || settings.timeZone);
  }, [settings]);

  const matches = zones.filter((z) => matchesZone(z, query));
  // The saved zone stays in the list, so the select never shows a value it does not have.
  const options = choice && !matches.includes(choice) ? [choice, ...matches] : matches;

  const save = async (timeZone: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await plansApi.saveSettings({ timeZone });
      setSettings(saved);
      setChoice(saved.timeZone);
      settingsChanged(saved);
      notify(
        timeZone === null
          ? `Back to the system’s zone, ${saved.timeZone}`
          : `Time zone set to ${saved.timeZone}`,
      );
    } catch (e) {
      setError(e instanceof ApiError ? (e.field('timeZone') ?? e.message) : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card settings-card">
      {loadError && <ErrorNotice>{loadError}</ErrorNotice>}
      <p className="settings-current" aria-live="polite">
        {settings ? (
          <>
            <strong>{settings.timeZone}</strong>{' '}
            <span className={settings.timeZoneSource === 'system' ? 'tag' : 'tag tag--accent'}>
              {settings.timeZoneSource === 'system' ? 'the system’s zone' : 'chosen by you'}
            </span>
          </>
        ) : (
          <span className="skeleton skeleton--short" />
        )}
      </p>
      <p className="hint">
        Days, weeks, streaks, review dates and the interruption heat map are counted in this zone.
        {settings?.timeZoneSource === 'system' &&
          ' It is the zone of the machine Whetstone runs on until you choose one.'}
      </p>
      <div className="zone-picker">
        <div className="field">
          <label htmlFor={`${id}-search`} className="field__label">
            Search time zones
          </label>
          <input
            id={`${id}-search`}
            className="input"
            type="search"
            value={query}
            placeholder="e.g. Berlin, New York, Tokyo"
            onChange={(e) => {
              setQuery(e.target.value);
              // The first match is selected, so typing a city and saving is enough.
              const first = zones.find((z) => matchesZone(z, e.target.value));
              if (first && e.target.value.trim()) setChoice(first);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-zone`} className="field__label">
            Time zone
          </label>
          <select
            id={`${id}-zone`}
            className="select zone-picker__list"
            size={6}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-count`}
          >
            {options.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
          <p id={`${id}-count`} className="hint">
            {matches.length === zones.length
              ? `${zones.length} zones`
              : `${matches.length} of ${zones.length} zones match`}
          </p>
          <FieldError id={`${id}-error`} field="timeZone" message={error ?? undefined} />
        </div>
      </div>
      <div className="settings-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={
            busy || !choice || (choice === settings?.timeZone && settings.timeZoneSource === 'chosen')
          }
          onClick={() => void save(choice)}
        >
          Save time zone
        </button>
        {browser !== settings?.timeZone && (
          <button type="button" className="button" disabled={busy} onClick={() => void save(browser)}>
            Use this browser’s zone ({browser})
          </button>
        )}
        {settings?.timeZoneSource === 'chosen' && (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => void save(null)}
          >
            Use the system’s zone
          </button>
        )}
      </div>
    </div>
  );
}

const loadFeeds = async (signal: AbortSignal) => (await plansApi.feeds(signal)).feeds;
const loadSettings = (signal: AbortSignal) => plansApi.settings(signal);

function CalendarSetting() {
  const { notify } = useToast();
  const { data: feeds, error: loadError, reload } = useLoaded(loadFeeds);
  const [created, setCreated] = useState<NewCalendarFeed | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const create = async () => {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const feed = await plansApi.createFeed();
      setCreated(feed);
      void reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (feed: CalendarFeed) => {
    setBusy(true);
    setError(null);
    try {
      await plansApi.revokeFeed(feed.id);
      if (created?.id === feed.id) setCreated(null);
      setConfirming(null);
      notify('Subscription link revoked');
      void reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

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
        <a href={plansApi.calendarUrl} className="button" download="whetstone.ics">
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
        <button type="button" className="button" onClick={() => void create()} disabled={busy}>
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
                        onClick={() => void revoke(feed)}
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
