import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { AuthStatus, Me } from '../../../src/core/team/account.js';
import { hasStatus, onUnauthenticated, request } from './api/client.js';

/** The note on the sign-in page after the server stopped accepting this browser's session. */
export const SESSION_ENDED = 'Your session ended; sign in again.';

const STATUS_KEY = ['auth-status'] as const;
const ME_KEY = ['me'] as const;

export interface Session {
  /** Solo or team; solo until the server says otherwise (an older server has no /auth/status). */
  mode: 'solo' | 'team';
  /** A team server that still waits for its one-time setup. */
  setupRequired: boolean;
  /** Who is signed in; null in team mode without a session. */
  me: Me | null;
  /** True until the first answers arrive. */
  loading: boolean;
  /** Why the person is on the sign-in page, e.g. SESSION_ENDED. */
  note: string | null;
  /** After a sign-in, setup or accepted invitation: who the server says is now signed in. */
  signedIn: (me: Me) => void;
  /** Ends the session on the server, forgets every cached answer and shows the sign-in page. */
  signOut: () => Promise<void>;
  /** The server has ended the session already (e.g. after leaving): the sign-in page, with `note`. */
  ended: (note: string) => void;
  isAdmin: boolean;
  /** A team member with the coach role (sees what researchers share with them). */
  isCoach: boolean;
}

const SessionContext = createContext<Session | null>(null);

/** /me, or null when nobody is signed in (team mode's 401). */
async function loadMe(signal: AbortSignal): Promise<Me | null> {
  try {
    return await request<Me>('GET', '/me', undefined, signal);
  } catch (error) {
    if (hasStatus(error, 401)) return null;
    throw error;
  }
}

/**
 * Who is using the app: asks /auth/status and /me once, and in team mode listens for a 401 from
 * any request, which means the session ended (signed out elsewhere, or deactivated).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [note, setNote] = useState<string | null>(null);
  const status = useQuery({
    queryKey: STATUS_KEY,
    queryFn: ({ signal }) => request<AuthStatus>('GET', '/auth/status', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const me = useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => loadMe(signal) });

  /** Forgets everything the previous person saw, keeping only who is signed in now. */
  const become = useCallback(
    (next: Me | null) => {
      void client.cancelQueries();
      client.removeQueries({
        predicate: (q) => q.queryKey[0] !== STATUS_KEY[0] && q.queryKey[0] !== ME_KEY[0],
      });
      client.setQueryData(ME_KEY, next);
    },
    [client],
  );

  useEffect(() => {
    onUnauthenticated((path) => {
      const current = client.getQueryData<Me | null>(ME_KEY);
      if (current?.mode !== 'team' || path.startsWith('/auth/')) return;
      setNote(SESSION_ENDED);
      become(null);
    });
    return () => onUnauthenticated(null);
  }, [client, become]);

  const signedIn = useCallback(
    (next: Me) => {
      setNote(null);
      become(next);
      if (status.data?.setupRequired)
        client.setQueryData(STATUS_KEY, { ...status.data, setupRequired: false });
    },
    [become, client, status.data],
  );

  const signOut = useCallback(async () => {
    try {
      await request<void>('POST', '/auth/sign-out');
    } finally {
      setNote(null);
      become(null);
    }
  }, [become]);

  const ended = useCallback(
    (why: string) => {
      setNote(why);
      become(null);
    },
    [become],
  );

  const value = useMemo<Session>(() => {
    const person = me.data ?? null;
    const mode = status.data?.mode ?? person?.mode ?? 'solo';
    return {
      mode,
      setupRequired: status.data?.setupRequired ?? false,
      me: person,
      loading: status.isPending || me.isPending,
      note,
      signedIn,
      signOut,
      ended,
      isAdmin: mode === 'team' && (person?.roles.includes('admin') ?? false),
      isCoach: mode === 'team' && (person?.roles.includes('coach') ?? false),
    };
  }, [status.data, status.isPending, me.data, me.isPending, note, signedIn, signOut, ended]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
