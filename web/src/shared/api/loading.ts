import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isAbort } from '../../api.js';

/**
 * For requests where only the latest answer counts: each call aborts the signal it gave out
 * before and returns a fresh one; unmounting aborts the last.
 */
export function useLatestSignal(): () => AbortSignal {
  const latest = useRef<AbortController | null>(null);
  useEffect(() => () => latest.current?.abort(), []);
  return useCallback(() => {
    latest.current?.abort();
    const controller = new AbortController();
    latest.current = controller;
    return controller.signal;
  }, []);
}

export interface Loaded<T> {
  /** The answer; null until the first one arrives. */
  data: T | null;
  /** Why the last load failed, in words; null after one that worked. */
  error: string | null;
  /** Loads again, aborting a load still under way. */
  reload: () => Promise<void>;
  /** Changes the loaded data in place, e.g. after an edit on the page. */
  setData: Dispatch<SetStateAction<T | null>>;
}

/**
 * Loads what a page shows: on mount and whenever `load` changes (so memoise it or define it
 * outside the component), with an error message instead of an exception.
 */
export function useLoaded<T>(load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nextSignal = useLatestSignal();

  const reload = useCallback(async () => {
    try {
      setData(await load(nextSignal()));
      setError(null);
    } catch (e) {
      if (!isAbort(e)) setError(errorMessage(e));
    }
  }, [load, nextSignal]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, reload, setData };
}
