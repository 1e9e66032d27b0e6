import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Session } from '../../../src/protocol/admin/adminSchemas.js';
import { ApiError, onSessionLost, setCsrfToken } from '../api/adminApi.js';
import { api } from '../api/endpoints.js';

export type SessionState =
  | { readonly phase: 'checking' }
  | { readonly phase: 'signed-out' }
  /** The server ended the session under an open page: the page stays (inert) behind the sign-in. */
  | { readonly phase: 'expired'; readonly username: string }
  | { readonly phase: 'signed-in'; readonly session: Session };

interface SessionApi {
  readonly state: SessionState;
  signIn(username: string, password: string): Promise<'ok' | 'wrong'>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider(props: { readonly children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ phase: 'checking' });

  const adopt = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ phase: 'signed-in', session });
  }, []);

  useEffect(() => {
    api.session().then(adopt, () => setState({ phase: 'signed-out' }));
  }, [adopt]);

  useEffect(() => {
    onSessionLost(() => {
      setCsrfToken(null);
      setState((current) => (current.phase === 'signed-in' ? { phase: 'expired', username: current.session.username } : current));
    });
  }, []);

  const value = useMemo<SessionApi>(() => ({
    state,
    async signIn(username, password) {
      try {
        adopt(await api.signIn({ username, password }));
        // Whatever failed while the session was gone is asked for again.
        void queryClient.invalidateQueries();
        return 'ok';
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return 'wrong';
        throw error;
      }
    },
    async signOut() {
      try {
        await api.signOut();
      } finally {
        setCsrfToken(null);
        queryClient.clear();
        setState({ phase: 'signed-out' });
      }
    },
  }), [state, adopt, queryClient]);

  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionProvider>');
  return session;
}
