import { QueryClient, type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { errorMessage, hasStatus } from './client.js';

/**
 * Server state lives in one cache. Nothing refetches on a timer or on window focus: the server's
 * change events invalidate it instead (see useLiveInvalidation), which is both fresher and quieter.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 1_000 },
      mutations: { retry: false },
    },
  });
}

export interface ApiQuery<T> {
  /** The answer; null until the first one arrives. */
  data: T | null;
  /** Why the last load failed, in words; null after one that worked. */
  error: string | null;
  /** The server answered 404 and nothing was loaded before: the address leads nowhere. */
  notFound: boolean;
  /** Loads again (the "Try again" of an error notice). */
  reload: () => Promise<void>;
  /** Replaces the cached answer, e.g. with what a successful edit returned. */
  setData: (update: (current: T | null) => T | null) => void;
}

/** What a page shows, loaded by key through the shared cache, with errors as words. */
export function useApiQuery<T>(key: QueryKey, load: (signal: AbortSignal) => Promise<T>): ApiQuery<T> {
  const client = useQueryClient();
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => load(signal) });
  const { refetch } = query;
  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);
  // A key is compared by its contents (a new array each render is the same key).
  const keyText = JSON.stringify(key);
  const setData = useCallback(
    (update: (current: T | null) => T | null) =>
      client.setQueryData<T>(
        JSON.parse(keyText) as QueryKey,
        (current) => update(current ?? null) ?? undefined,
      ),
    [client, keyText],
  );
  return {
    data: query.data ?? null,
    // A failed background refresh keeps the last good answer on screen, without an alarm.
    error: query.error && query.data === undefined ? errorMessage(query.error) : null,
    notFound: query.data === undefined && hasStatus(query.error, 404),
    reload,
    setData,
  };
}
