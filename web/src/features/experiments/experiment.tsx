import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Favoured } from '../../../../src/core/experiments/experiment.js';
import type { Trust } from '../../../../src/core/experiments/report.js';
import { api, type ExperimentView, isAbort, type NextStep } from '../../api.js';
import { useLiveChanges } from '../../shared/api/live.js';
import { useLatestSignal } from '../../shared/api/loading.js';
import { plural } from '../../shared/format.js';

/** The states of an experiment that is still under way (one at a time). */
export const UNFINISHED_STATES: readonly ExperimentView['state'][] = [
  'draft',
  'passive',
  'focused',
  'rating',
];

export function isUnfinished(view: ExperimentView): boolean {
  return UNFINISHED_STATES.includes(view.state);
}

/** The experiment's state in words, using its own phase labels. */
export function stateLabel(view: ExperimentView): string {
  switch (view.state) {
    case 'draft':
      return 'Not started';
    case 'passive':
      return view.phases[0].label;
    case 'focused':
      return view.phases[1].endedAt ? 'Waiting to rate' : view.phases[1].label;
    case 'rating':
      return view.measures === 'ideas' ? 'Blind rating' : 'Finishing';
    case 'reported':
      return 'Report ready';
    case 'abandoned':
      return 'Abandoned';
  }
}

/** What the predicted (or found) winner is called in this experiment. */
export function favouredLabel(
  phases: readonly [{ label: string }, { label: string }],
  favoured: Favoured,
): string {
  if (favoured === 'passive') return phases[0].label;
  if (favoured === 'focused') return phases[1].label;
  return 'No difference';
}

/** The server's one-line status where the experiment is already named: without "Experiment: ". */
export function statusText(view: ExperimentView): string {
  const text = view.status.headline.replace(/^Experiment: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The label of the button that takes the next step. */
export function nextStepLabel(view: ExperimentView, step: NextStep): string {
  switch (step) {
    case 'lockPrediction':
      return 'Lock my prediction';
    case 'startPassive':
      return `Start phase 1: ${view.phases[0].label}`;
    case 'startFocused':
      return `Start phase 2: ${view.phases[1].label}`;
    case 'endFocused':
      return 'End phase 2 now';
    case 'startRating':
      return view.measures === 'ideas' ? 'Start blind rating' : 'Finish and see the report';
    case 'report':
      return 'See the report';
  }
}

export const TRUST_LABELS: Record<Trust, string> = {
  'very-low': 'Very low',
  low: 'Low',
  moderate: 'Moderate',
};

/** "7 days", "20 minutes". */
export function phaseLength(phase: { length: number; unit: 'days' | 'minutes' }): string {
  return plural(phase.length, phase.unit === 'days' ? 'day' : 'minute');
}

/** "p = 0.031", "p < 0.001". */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p.toFixed(3)}`;
}

/** A difference with its sign: "+3", "−2.5" (a true minus), "0". */
export function signed(n: number): string {
  const text = Math.abs(n).toLocaleString(undefined, { maximumFractionDigits: 2 });
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : '0';
}

/** "42%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "4.5 (95% CI 1 to 7)". */
export function withInterval(
  interval: { estimate: number; lower: number; upper: number },
  format: (n: number) => string = (n) => n.toLocaleString(undefined, { maximumFractionDigits: 2 }),
): string {
  return `${format(interval.estimate)} (95% CI ${format(interval.lower)} to ${format(interval.upper)})`;
}

/** A view plus the local instant it arrived, so "time left" can count down between refreshes. */
export interface SyncedExperiment {
  view: ExperimentView;
  at: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** "5 days 3 h", "3 h 12 min", "12 min", "less than a minute". */
export function timeLeftText(ms: number): string {
  if (ms <= 0) return 'time is up';
  if (ms >= 2 * DAY_MS) {
    const days = Math.floor(ms / DAY_MS);
    const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
    return hours ? `${plural(days, 'day')} ${hours} h` : plural(days, 'day');
  }
  if (ms >= HOUR_MS) {
    const hours = Math.floor(ms / HOUR_MS);
    const minutes = Math.floor((ms % HOUR_MS) / 60_000);
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  if (ms >= 60_000) return `${Math.ceil(ms / 60_000)} min`;
  return 'less than a minute';
}

/* ---------- The unfinished experiment, shared by the banner and the experiment pages ---------- */

interface ActiveExperimentValue {
  /** The unfinished experiment, null when there is none, undefined until the first answer. */
  active: ExperimentView | null | undefined;
  refresh: () => Promise<void>;
  /** Takes a fresher view of any experiment from a page (after a step, say). */
  update: (view: ExperimentView) => void;
}

const ActiveExperimentContext = createContext<ActiveExperimentValue | null>(null);

const REFRESH_MS = 60_000;

/**
 * Knows the unfinished experiment, if any: asked on start, on every page change, whenever the
 * server reports a change (also from the CLI), and once a minute so "time left" stays current.
 */
export function ActiveExperimentProvider({ children }: { children: ReactNode }) {
  const { pathname: path } = useLocation();
  const [active, setActive] = useState<ExperimentView | null | undefined>(undefined);
  const nextSignal = useLatestSignal();

  const refresh = useCallback(async () => {
    try {
      const { experiment } = await api.activeExperiment(nextSignal());
      setActive(experiment);
    } catch (error) {
      // The banner is a reminder; a failed refresh keeps the last answer and tries again later.
      if (!isAbort(error)) setActive((current) => current ?? null);
    }
  }, [nextSignal]);

  const update = useCallback((view: ExperimentView) => {
    setActive((current) => {
      if (isUnfinished(view)) return view;
      return current?.id === view.id ? null : current;
    });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a page change is a reason to look again
  useEffect(() => {
    void refresh();
  }, [refresh, path]);

  useEffect(() => {
    const timer = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  useLiveChanges(() => void refresh());

  const value = useMemo(() => ({ active, refresh, update }), [active, refresh, update]);
  return <ActiveExperimentContext.Provider value={value}>{children}</ActiveExperimentContext.Provider>;
}

export function useActiveExperiment(): ActiveExperimentValue {
  const value = useContext(ActiveExperimentContext);
  if (!value) throw new Error('useActiveExperiment outside <ActiveExperimentProvider>');
  return value;
}

/**
 * A quiet reminder on every page while an experiment is unfinished: its one-line status and a
 * link to it. It never asks for ideas; on the rating page the server's headline is generic.
 */
export function ExperimentBanner() {
  const { active } = useActiveExperiment();
  const { pathname: path } = useLocation();
  if (!active) return null;
  const here = path === `/experiments/${active.id}`;
  const due = active.status.due;
  return (
    <aside
      className={`experiment-banner${due ? ' experiment-banner--due' : ''}`}
      aria-label="Experiment under way"
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" className="icon experiment-banner__icon">
        <path d="M6 2.5h4M6.5 2.5v4L3 12.5a1 1 0 0 0 .9 1.5h8.2a1 1 0 0 0 .9-1.5L9.5 6.5v-4M5 10h6" />
      </svg>
      <p className="experiment-banner__text">{active.status.headline}</p>
      {!here && (
        <Link to={`/experiments/${active.id}`} className="experiment-banner__link">
          Open the experiment
        </Link>
      )}
    </aside>
  );
}
