import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { blindPhaseOf, type CountedIdea } from '../../../../src/core/experiments/counting.js';
import type { ExperimentView } from '../../../../src/core/experiments/view.js';
import { useApiQuery } from '../../shared/api/query.js';
import { experimentsApi } from './api.js';
import { isUnfinished } from './labels.js';

/** The experiments feature's query keys, in one place so updates and invalidations hit the same. */
export const experimentKeys = {
  all: ['experiments'] as const,
  /** The unfinished experiment (or null): the banner's. */
  active: ['experiments', 'active'] as const,
  list: ['experiments', 'list'] as const,
  detail: (id: string) => ['experiments', 'detail', id] as const,
  report: (id: string) => ['experiments', 'detail', id, 'report'] as const,
  rating: (id: string) => ['experiments', 'detail', id, 'rating'] as const,
  /** Every template; the pools page picks the ones that rate ideas. */
  templates: ['experiment-templates'] as const,
};

/** "Time left" counts down between refreshes; a minute's drift is what the page tolerates. */
export const EXPERIMENT_REFRESH_MS = 60_000;

export async function loadActiveExperiment(signal: AbortSignal): Promise<ExperimentView | null> {
  return (await experimentsApi.activeExperiment(signal)).experiment;
}

/** The unfinished experiment: null when there is none, undefined until the first answer. */
export function useActiveExperiment(): ExperimentView | null | undefined {
  return useQuery({ queryKey: experimentKeys.active, queryFn: ({ signal }) => loadActiveExperiment(signal) })
    .data;
}

/**
 * Whether an idea gets its value only in the running experiment's blind rating (the server
 * refuses it anywhere else), so a value picker for it is not shown.
 */
export function useBlindValue(idea: CountedIdea): boolean {
  const active = useActiveExperiment();
  return active ? blindPhaseOf(active, idea, new Date()) !== null : false;
}

/** A view plus the local instant (Date.now) it arrived, so "time left" can count down in between. */
export interface SyncedExperiment {
  view: ExperimentView;
  at: number;
}

/** One experiment, refreshed once a minute while shown (and on every change event). */
export function useExperiment(id: string) {
  const query = useQuery({
    queryKey: experimentKeys.detail(id),
    queryFn: ({ signal }) => experimentsApi.getExperiment(id, signal),
    refetchInterval: EXPERIMENT_REFRESH_MS,
  });
  const synced: SyncedExperiment | null = query.data ? { view: query.data, at: query.dataUpdatedAt } : null;
  return { synced, error: query.error };
}

/** The report; the server refuses it before the experiment is reported, so it is not asked for. */
export function useExperimentReport(id: string, reported: boolean) {
  return useQuery({
    queryKey: experimentKeys.report(id),
    queryFn: ({ signal }) => experimentsApi.experimentReport(id, signal),
    enabled: reported,
  });
}

export function useExperimentTemplates() {
  return useApiQuery(
    experimentKeys.templates,
    async (signal) => (await experimentsApi.experimentTemplates(signal)).templates,
  );
}

export function useExperimentList() {
  return useApiQuery(
    experimentKeys.list,
    async (signal) => (await experimentsApi.listExperiments(signal)).experiments,
  );
}

/**
 * Puts a fresher view (what a step, start or edit returned) everywhere it shows at once: its own
 * page, the banner, the list. A refresh still under way is cancelled first, or its older answer
 * would land on top.
 */
export async function showExperiment(client: QueryClient, view: ExperimentView): Promise<void> {
  await Promise.all([
    client.cancelQueries({ queryKey: experimentKeys.detail(view.id), exact: true }),
    client.cancelQueries({ queryKey: experimentKeys.active, exact: true }),
  ]);
  client.setQueryData(experimentKeys.detail(view.id), view);
  client.setQueryData<ExperimentView | null>(experimentKeys.active, (current) => {
    if (isUnfinished(view)) return view;
    return current?.id === view.id ? null : current;
  });
  void client.invalidateQueries({ queryKey: experimentKeys.list });
}

export function useShowExperiment(): (view: ExperimentView) => Promise<void> {
  const client = useQueryClient();
  return useCallback((view: ExperimentView) => showExperiment(client, view), [client]);
}

/** Asks for the experiment again (after logging a measurement, say: the counts change). */
export function useRefreshExperiment(id: string): () => void {
  const client = useQueryClient();
  return useCallback(
    () => void client.invalidateQueries({ queryKey: experimentKeys.detail(id), exact: true }),
    [client, id],
  );
}
