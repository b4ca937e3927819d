import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

const EVENTS_URL = '/api/v1/events';

/*
 * One EventSource for the whole page, however many components listen: each open stream would
 * otherwise hold one of the browser's few connections to the server.
 */
const listeners = new Set<() => void>();
let source: EventSource | null = null;

const notifyAll = () => {
  for (const listener of [...listeners]) listener();
};
const onError = () => {
  if (source?.readyState === EventSource.CLOSED) notifyAll();
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!source) {
    source = new EventSource(EVENTS_URL);
    source.addEventListener('changed', notifyAll);
    // A stream the browser gave up on (e.g. a 401 after the session ended): refetching what is on
    // screen shows the real state (team mode: the sign-in page).
    source.addEventListener('error', onError);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.removeEventListener('changed', notifyAll);
      source.removeEventListener('error', onError);
      source.close();
      source = null;
    }
  };
}

/**
 * Calls `onChange` when the server says the data changed — also when the `whet` CLI wrote it —
 * so an idea captured in the terminal appears in an open inbox. EventSource reconnects by itself
 * after a server restart. `enabled: false` listens to nothing (a page without a session).
 */
export function useLiveChanges(onChange: () => void, enabled = true): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    return subscribe(() => latest.current());
  }, [enabled]);
}

/**
 * Once, in the shell: every change event marks all cached server state stale, so whatever is on
 * screen refetches in the background and the rest refetches when it is next shown.
 */
export function useLiveInvalidation(): void {
  const client = useQueryClient();
  useLiveChanges(() => void client.invalidateQueries());
}
