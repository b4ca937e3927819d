import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api.js';
import { type Interruption, plansApi } from '../../api-plans.js';
import { useLiveChanges } from '../../shared/api/live.js';
import { useLoaded } from '../../shared/api/loading.js';
import { HeatMap } from '../../shared/components/HeatMap.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { plural } from '../../shared/format.js';
import { clockTime, useSettings } from '../plans/plans-format.js';
import './focus.css';

/** How long after logging an interruption a reason still belongs to it rather than a new one. */
const AMEND_MS = 3 * 60_000;
const RECENT_DAYS = 30;
const SHOWN = 5;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The reasons given most in the last weeks, most frequent first. */
function frequentReasons(list: readonly Interruption[], limit = 6): string[] {
  const counts = new Map<string, number>();
  for (const i of list) if (i.reason) counts.set(i.reason, (counts.get(i.reason) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([reason]) => reason);
}

/** Recent interruptions (for their reasons), today's, and the dashboard (for the heat map). */
async function loadFocusData(signal: AbortSignal) {
  const from = new Date(Date.now() - RECENT_DAYS * 86_400_000).toISOString();
  const [recent, today, dashboard] = await Promise.all([
    plansApi.interruptions(from, signal),
    plansApi.interruptions(startOfToday(), signal),
    plansApi.dashboard(signal),
  ]);
  return { recent: recent.interruptions, today: today.interruptions.length, dashboard };
}

function startOfToday(): string {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

/**
 * /focus: a calm page to keep open during deep work. Space or I (or the button) logs an
 * interruption at once; a reason can follow, picked from recent ones or typed. Below, the heat
 * map shows at which hours and days focus breaks.
 */
export function FocusPage() {
  const settings = useSettings();
  const tz = settings?.timeZone;
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [mine, setMine] = useState<Interruption[]>([]);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pulse, setPulse] = useState(0);
  const busy = useRef(false);
  const id = useId();

  useEffect(() => {
    document.documentElement.classList.add('focus-mode');
    return () => document.documentElement.classList.remove('focus-mode');
  }, []);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);

  const { data, error: loadError, reload } = useLoaded(loadFocusData);
  useLiveChanges(() => void reload());
  const recent = data?.recent ?? [];
  const dashboard = data?.dashboard ?? null;

  const log = useCallback(async (withReason?: string) => {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    try {
      const entry = await plansApi.interrupt(withReason ? { reason: withReason } : {});
      setMine((list) => [entry, ...list]);
      setPulse((p) => p + 1);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      busy.current = false;
    }
  }, []);

  /** Gives the interruption just logged its reason (a new entry at the same time replaces it). */
  const giveReason = async (text: string) => {
    const reasonText = text.trim();
    if (!reasonText) return;
    const last = mine[0];
    if (!last || last.reason || Date.now() - new Date(last.createdAt).getTime() > AMEND_MS) {
      await log(reasonText);
      setReason('');
      return;
    }
    try {
      const replaced = await plansApi.interrupt({ reason: reasonText, at: last.at });
      await plansApi.deleteInterruption(last.id);
      setMine((list) => [replaced, ...list.slice(1)]);
      setReason('');
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const undo = async () => {
    const last = mine[0];
    if (!last) return;
    try {
      await plansApi.deleteInterruption(last.id);
      setMine((list) => list.slice(1));
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const space = event.key === ' ';
      if (!space && event.key !== 'i' && event.key !== 'I') return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      // Space on a focused button presses that button; let it.
      if (space && event.target instanceof HTMLElement && event.target.closest('button, a, summary')) return;
      event.preventDefault();
      void log();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [log]);

  const submitReason = (event: FormEvent) => {
    event.preventDefault();
    void giveReason(reason);
  };

  const minutes = Math.floor((now - startedAt) / 60_000);
  const reasons = frequentReasons([...mine, ...recent]);
  const last = mine[0];
  const askWhy = last && !last.reason && now - new Date(last.createdAt).getTime() < AMEND_MS;

  return (
    <div className="deep-focus">
      <header className="deep-focus__bar">
        <span className="deep-focus__where">Focus mode</span>
        <span className="deep-focus__elapsed">
          {minutes < 1 ? 'Started just now' : `Focused for ${minutes} min`}
        </span>
        <Link to="/dashboard" className="button button--small button--quiet deep-focus__leave">
          Leave
        </Link>
      </header>

      <div className="deep-focus__body">
        <h1 className="deep-focus__title">Deep work</h1>
        <p className="deep-focus__lede">
          When something breaks your focus, press <kbd>Space</kbd> or <kbd>I</kbd>, then go back to the work.
        </p>

        <button
          type="button"
          className="interrupt-button"
          onClick={() => void log()}
          aria-keyshortcuts="Space I"
          data-pulse={pulse % 2}
        >
          <span className="interrupt-button__label">Log an interruption</span>
          <span className="interrupt-button__keys" aria-hidden="true">
            <kbd>Space</kbd> or <kbd>I</kbd>
          </span>
        </button>

        <p className="deep-focus__count" role="status" aria-live="polite">
          <span className="deep-focus__number">{mine.length}</span>{' '}
          {mine.length === 1 ? 'interruption' : 'interruptions'} since you started
          {data && <span className="meta-text"> · {data.today} today</span>}
        </p>

        {(problem ?? loadError) && <ErrorNotice>{problem ?? loadError}</ErrorNotice>}

        <form className="reason-form" aria-label="Reason" onSubmit={submitReason}>
          <p className="reason-form__ask" id={`${id}-ask`}>
            {askWhy
              ? `Logged at ${clockTime(last.at, tz)}. What was it? (optional)`
              : 'Log it with a reason: pick one or type it.'}
          </p>
          {reasons.length > 0 && (
            <ul className="reason-chips" aria-label="Recent reasons">
              {reasons.map((r) => (
                <li key={r}>
                  <button type="button" className="example-chip" onClick={() => void giveReason(r)}>
                    {r}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="reason-form__row">
            <label htmlFor={`${id}-reason`} className="visually-hidden">
              Reason
            </label>
            <input
              id={`${id}-reason`}
              className="input"
              value={reason}
              maxLength={200}
              placeholder="e.g. Slack, a colleague, email"
              onChange={(e) => setReason(e.target.value)}
              aria-describedby={`${id}-ask`}
            />
            <button type="submit" className="button" disabled={!reason.trim()}>
              {askWhy ? 'Save reason' : 'Log with reason'}
            </button>
          </div>
        </form>

        {mine.length > 0 && (
          <div className="deep-focus__recent">
            <ol className="interruption-list" aria-label="Last interruptions">
              {mine.slice(0, SHOWN).map((i) => (
                <li key={i.id}>
                  <time dateTime={i.at}>{clockTime(i.at, tz)}</time>
                  <span>{i.reason ?? <span className="meta-text">no reason</span>}</span>
                </li>
              ))}
            </ol>
            <button type="button" className="button button--small button--quiet" onClick={() => void undo()}>
              Undo the last one
            </button>
          </div>
        )}
      </div>

      <section className="deep-focus__map" aria-labelledby={`${id}-map`}>
        <h2 id={`${id}-map`} className="section-title">
          When focus breaks
        </h2>
        <p className="meta-text">
          {dashboard
            ? `${plural(dashboard.heatMap.total, 'interruption')} in the last ${dashboard.weeks.length} weeks, by weekday and hour.`
            : 'Loading…'}
        </p>
        {dashboard && <HeatMap data={dashboard.heatMap} caption="Interruptions by weekday and hour" />}
      </section>
    </div>
  );
}
