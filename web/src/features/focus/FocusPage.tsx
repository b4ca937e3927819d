import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import type { Dashboard } from '../../../../src/core/plans/dashboard.js';
import { plural } from '../../../../src/core/plural.js';
import { HeatMap } from '../../shared/components/HeatMap.js';
import { ErrorNotice } from '../../shared/components/PageStates.js';
import { useDashboard, useDashboardPart } from '../dashboard/queries.js';
import { clockTime } from '../plans/dates.js';
import { useSettings } from '../settings/queries.js';
import { useRecentInterruptions } from './queries.js';
import { ReasonForm } from './ReasonForm.js';
import { amends, frequentReasons } from './reasons.js';
import { useInterruptionLog } from './use-interruption-log.js';
import './focus.css';

/** How many of this session's interruptions are listed. */
const SHOWN = 5;

const heatMapOf = (d: Dashboard) => ({ heatMap: d.heatMap, weeks: d.weeks.length });

/** Space or I in a field, a menu or a dialog is not the shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Logs an interruption on Space or I pressed anywhere outside a field. */
function useInterruptKeys(log: () => Promise<void>): void {
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
}

/** Hides the sidebar while the page is open, and ticks a clock for "Focused for N min". */
function useFocusMode(): { startedAt: number; now: number } {
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    document.documentElement.classList.add('focus-mode');
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => {
      document.documentElement.classList.remove('focus-mode');
      window.clearInterval(timer);
    };
  }, []);
  return { startedAt, now };
}

/**
 * /focus: a calm page to keep open during deep work. Space or I (or the button) logs an
 * interruption at once; a reason can follow, picked from recent ones or typed. Below, the heat
 * map shows at which hours and days focus breaks.
 */
export function FocusPage() {
  const tz = useSettings()?.timeZone;
  const { startedAt, now } = useFocusMode();
  const id = useId();
  const { data, error: loadError } = useRecentInterruptions();
  const { error: mapError } = useDashboard();
  const map = useDashboardPart(heatMapOf);
  const { mine, pulse, log, saveReason, undo, problem } = useInterruptionLog();
  useInterruptKeys(log);

  const minutes = Math.floor((now - startedAt) / 60_000);
  const reasons = frequentReasons([...mine, ...(data?.recent ?? [])]);
  const last = mine[0];
  const failure = problem ?? loadError ?? mapError;

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

        {failure && <ErrorNotice>{failure}</ErrorNotice>}

        <ReasonForm
          reasons={reasons}
          askFor={amends(last, now) ? last : undefined}
          timeZone={tz}
          saveReason={saveReason}
        />

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
            <button type="button" className="button button--small button--quiet" onClick={undo}>
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
          {map
            ? `${plural(map.heatMap.total, 'interruption')} in the last ${map.weeks} weeks, by weekday and hour.`
            : 'Loading…'}
        </p>
        {map && <HeatMap data={map.heatMap} caption="Interruptions by weekday and hour" />}
      </section>
    </div>
  );
}
