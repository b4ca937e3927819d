import { type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Grant, GrantScope } from '../../../../src/core/team/grants.js';
import { errorMessage, hasStatus } from '../../shared/api/client.js';
import { useApiQuery } from '../../shared/api/query.js';
import { sharedApi, sharedKeys } from './api.js';
import { rememberNames } from './researcher-name.js';

/** The active grants to me (a coach), from /shared-with-me. */
export function useSharedWithMe() {
  const query = useApiQuery(sharedKeys.withMe, (signal) => sharedApi.sharedWithMe(signal));
  useEffect(() => {
    if (query.data) rememberNames(query.data);
  }, [query.data]);
  return query;
}

/** What one researcher shares with me now: their name, the scopes of all their grants, and the grants. */
export interface SharedBy {
  researcher: Grant['researcher'];
  scopes: GrantScope[];
  grants: Grant[];
}

/** The grants to me grouped by researcher, in the order the server lists them. */
export function byResearcher(grants: readonly Grant[]): SharedBy[] {
  const groups = new Map<string, SharedBy>();
  for (const grant of grants) {
    const group = groups.get(grant.researcher.id) ?? { researcher: grant.researcher, scopes: [], grants: [] };
    group.grants.push(grant);
    for (const scope of grant.scopes) if (!group.scopes.includes(scope)) group.scopes.push(scope);
    groups.set(grant.researcher.id, group);
  }
  return [...groups.values()];
}

export interface SharedRead<T> {
  data: T | null;
  /** The server said 404: the grant ended (revoked, expired, or the researcher left). */
  ended: boolean;
  error: string | null;
  reload: () => void;
}

/**
 * One shared read. A 404 means access ended, not a failure: the page says so, and the list of
 * who shares with me is asked again so every part of the page agrees.
 */
export function useSharedRead<T>(key: QueryKey, load: (signal: AbortSignal) => Promise<T>): SharedRead<T> {
  const client = useQueryClient();
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => load(signal) });
  const ended = hasStatus(query.error, 404);
  useEffect(() => {
    if (ended) void client.invalidateQueries({ queryKey: sharedKeys.withMe });
  }, [ended, client]);
  return {
    data: ended ? null : (query.data ?? null),
    ended,
    error: query.error && !ended && query.data === undefined ? errorMessage(query.error) : null,
    reload: () => void query.refetch(),
  };
}
