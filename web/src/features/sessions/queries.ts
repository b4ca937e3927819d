import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SessionView } from '../../../../src/core/sessions/view.js';
import { useApiQuery } from '../../shared/api/query.js';
import { sessionsApi } from './api.js';
import { type Synced, synced } from './session.js';

/** Re-sync a live session this often: another tab, the CLI or a sleeping laptop may differ. */
const RESYNC_MS = 30_000;

/** The query keys of the sessions feature; `history` covers the list and the question statistics. */
export const sessionKeys = {
  all: ['sessions'] as const,
  active: () => [...sessionKeys.all, 'active'] as const,
  summary: (id: string) => [...sessionKeys.all, 'one', id] as const,
  history: () => [...sessionKeys.all, 'history'] as const,
  list: () => [...sessionKeys.history(), 'list'] as const,
  questionStats: () => [...sessionKeys.history(), 'question-stats'] as const,
};

const isLive = (state: Synced | null | undefined) =>
  state?.view.state === 'running' || state?.view.state === 'paused';

/**
 * The session under way (null when there is none), with the instant its view arrived so the
 * countdown can run locally. It is asked afresh whenever the page opens or becomes visible again,
 * every 30 s while live, and on every server change event; each step's answer replaces it.
 */
export function useActiveSession() {
  return useQuery({
    queryKey: sessionKeys.active(),
    queryFn: async ({ signal }) => {
      const { session } = await sessionsApi.activeSession(signal);
      return session ? synced(session) : null;
    },
    // Not kept once the page is left: what is under way may have changed by the next visit.
    gcTime: 0,
    refetchOnWindowFocus: 'always',
    refetchInterval: (query) => (isLive(query.state.data) ? RESYNC_MS : false),
  });
}

/** Puts the server's latest view of the session under way (or null) on screen. */
export function useSetActiveSession(): (view: SessionView | null) => void {
  const client = useQueryClient();
  return useCallback(
    (view: SessionView | null) => {
      // A re-sync started before this answer must not overwrite it when it comes back later.
      void client.cancelQueries({ queryKey: sessionKeys.active() });
      client.setQueryData(sessionKeys.active(), view ? synced(view) : null);
    },
    [client],
  );
}

/** Changes the session under way in place, keeping the instant its countdown was synced. */
export function useUpdateActiveSession(): (update: (view: SessionView) => SessionView) => void {
  const client = useQueryClient();
  return useCallback(
    (update: (view: SessionView) => SessionView) =>
      client.setQueryData<Synced | null>(sessionKeys.active(), (state) =>
        state ? { ...state, view: update(state.view) } : state,
      ),
    [client],
  );
}

/** The history and its statistics change with every session started or completed. */
export function useInvalidateSessionHistory(): () => void {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries({ queryKey: sessionKeys.history() }), [client]);
}

export function useSessionSummary(id: string) {
  return useApiQuery(sessionKeys.summary(id), (signal) => sessionsApi.getSession(id, signal));
}

export function useSessionList() {
  return useApiQuery(sessionKeys.list(), async (signal) => (await sessionsApi.listSessions(signal)).items);
}

export function useQuestionStats() {
  return useApiQuery(
    sessionKeys.questionStats(),
    async (signal) => (await sessionsApi.questionStats(signal)).items,
  );
}
