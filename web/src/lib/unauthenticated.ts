/**
 * What happens when the API says the session is gone (a 401 from `/api/**`): the one place that sends the person to
 * the login page. The account feature installs a handler that navigates within the app; without one the browser
 * loads the login page. Never from the sign-in pages themselves, so a 401 there cannot loop.
 */
type Handler = () => void;

/** Paths where a person signs in: no redirect to the login page from these. */
const SIGN_IN_PATHS = ['/login', '/setup', '/register'];

let handler: Handler | null = null;

/** `/login?next=<next>`; `next` is where to go back to after signing in (path and query). */
export function loginPath(next: string): string {
  return next && next !== '/' && !isSignInPath(next) ? `/login?${new URLSearchParams({ next })}` : '/login';
}

/** True for the login, setup and register pages (a path, possibly with a query). */
export function isSignInPath(path: string): boolean {
  const pathname = path.split(/[?#]/)[0];
  return SIGN_IN_PATHS.some((signIn) => pathname === signIn || pathname.startsWith(`${signIn}/`));
}

/** Installs the handler for an ended session; returns a function that removes it again. */
export function setUnauthenticatedHandler(next: Handler): () => void {
  handler = next;
  return () => {
    if (handler === next) handler = null;
  };
}

/** Called by the API client on a 401: sends the person to the login page, back to where they are afterwards. */
export function reportUnauthenticated() {
  if (handler) {
    handler();
    return;
  }
  const { pathname, search } = window.location;
  if (!isSignInPath(pathname)) window.location.assign(loginPath(`${pathname}${search}`));
}
