import { Navigate, Outlet, useLocation } from 'react-router';
import { loginPath } from '../../../lib/unauthenticated';
import { needsSignIn, useAuth } from '../hooks/auth';

/**
 * Guards the app's screens: with accounts and nobody signed in, to first-run setup on a fresh server, else to the
 * login page, which comes back here afterwards (not after the learner logged out). The one place that sends people to
 * the login page; in single-user mode it lets everything through.
 */
export function RequireSignIn() {
  const { state, loggedOut } = useAuth();
  const location = useLocation();
  if (needsSignIn(state)) {
    const to = state.setupRequired ? '/setup' : loginPath(loggedOut ? '/' : `${location.pathname}${location.search}`);
    return <Navigate to={to} replace />;
  }
  return <Outlet />;
}
