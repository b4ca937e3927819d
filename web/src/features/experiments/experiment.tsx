import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import {
  EXPERIMENT_REFRESH_MS,
  experimentKeys,
  loadActiveExperiment,
  useActiveExperiment,
} from './queries.js';

/*
 * The shell loads this module before the first page is usable: it imports no core schema and no
 * labels, only the query it shares with the experiment pages.
 */

/**
 * Keeps the unfinished experiment current for the banner: the query is refreshed by every change
 * event (also from the CLI), on every page change, and once a minute so "time left" stays right.
 */
export function ActiveExperimentProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const client = useQueryClient();
  useQuery({
    queryKey: experimentKeys.active,
    queryFn: ({ signal }) => loadActiveExperiment(signal),
    refetchInterval: EXPERIMENT_REFRESH_MS,
  });

  // A page change is a reason to look again (the first page has just asked).
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    void client.invalidateQueries({ queryKey: experimentKeys.active, exact: true });
  }, [client, pathname]);

  return children;
}

/**
 * A quiet reminder on every page while an experiment is unfinished: its one-line status and a
 * link to it. It never asks for ideas; on the rating page the server's headline is generic.
 */
export function ExperimentBanner() {
  const active = useActiveExperiment();
  const { pathname } = useLocation();
  if (!active) return null;
  const here = pathname === `/experiments/${active.id}`;
  return (
    <aside
      className={`experiment-banner${active.status.due ? ' experiment-banner--due' : ''}`}
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
