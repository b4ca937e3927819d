import { useEffect, useRef } from 'react';

const EVENTS_URL = '/api/v1/events';

/**
 * Calls `onChange` when the server says the data changed — also when the `whet` CLI wrote it —
 * so an idea captured in the terminal appears in an open inbox. EventSource reconnects by itself
 * after a server restart.
 */
export function useLiveChanges(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(EVENTS_URL);
    const handle = () => latest.current();
    source.addEventListener('changed', handle);
    return () => {
      source.removeEventListener('changed', handle);
      source.close();
    };
  }, []);
}
