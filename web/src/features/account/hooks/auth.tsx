import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ErrorNotice, Loading } from '../../../components/ui/Status';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { setUnauthenticatedHandler } from '../../../lib/unauthenticated';
import { getAuthState } from '../api/account-api';
import type { AuthState, Learner } from '../api/types';

export interface Auth {
  state: AuthState;
  /** After setup, login or registration: the learner is signed in. */
  signedIn: (learner: Learner) => void;
  /**
   * Nobody is signed in any more: `logged-out` after the learner logged out (the guard then opens the plain login
   * page), `session-ended` when the server ended the session (the login page comes back to the screen afterwards).
   */
  signedOut: (how: SignOut) => void;
  /** True after the learner logged out themselves, until the next sign-in. */
  loggedOut: boolean;
}

export type SignOut = 'logged-out' | 'session-ended';

const AuthContext = createContext<Auth | null>(null);

/** A server without the accounts API (404) runs like single-user mode. */
const SINGLE_USER: AuthState = { mode: 'single-user', setupRequired: false, registration: 'invite', ssoProviders: [], learner: null };

type Loading = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; state: AuthState };

/**
 * Loads `GET /api/auth/state` once when the app starts and holds it for every screen. A 401 anywhere in the API
 * signs the learner out here, and the route guard then sends them to the login page: the one place that redirects.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState<Loading>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loggedOut, setLoggedOut] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    getAuthState(controller.signal).then(
      (state) => setLoading({ status: 'ready', state }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(error) && error.status === 404) setLoading({ status: 'ready', state: SINGLE_USER });
        else setLoading({ status: 'error', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const change = useCallback((next: (state: AuthState) => AuthState) => {
    setLoading((current) => (current.status === 'ready' ? { status: 'ready', state: next(current.state) } : current));
  }, []);
  const signedIn = useCallback(
    (learner: Learner) => {
      setLoggedOut(false);
      change((state) => ({ ...state, mode: 'accounts', setupRequired: false, learner }));
    },
    [change],
  );
  const signedOut = useCallback(
    (how: SignOut) => {
      setLoggedOut(how === 'logged-out');
      // a 401 proves the server has accounts, whatever it said before
      change((state) => ({ ...state, mode: 'accounts', learner: null }));
    },
    [change],
  );
  useEffect(() => setUnauthenticatedHandler(() => signedOut('session-ended')), [signedOut]);

  const state = loading.status === 'ready' ? loading.state : null;
  const auth = useMemo(() => (state ? { state, signedIn, signedOut, loggedOut } : null), [state, signedIn, signedOut, loggedOut]);

  if (loading.status === 'loading') {
    return (
      <div className="app-start">
        <Loading label="Starting Groundwork…" />
      </div>
    );
  }
  if (loading.status === 'error' || !auth) {
    return (
      <div className="app-start">
        <ErrorNotice title="Groundwork could not start" message={loading.status === 'error' ? loading.message : ''} />
        <button
          type="button"
          className="button"
          onClick={() => {
            setLoading({ status: 'loading' });
            setAttempt((n) => n + 1);
          }}
        >
          Try again
        </button>
      </div>
    );
  }
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside <AuthProvider>');
  return auth;
}

/** True when this Groundwork has accounts and nobody is signed in. */
export function needsSignIn(state: AuthState): boolean {
  return state.mode === 'accounts' && state.learner === null;
}
