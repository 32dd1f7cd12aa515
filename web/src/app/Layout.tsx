import { useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { AccountMenu, useAuth } from '../features/account';

export function Layout() {
  const { pathname } = useLocation();
  const { state } = useAuth();
  const signedOut = state.mode === 'accounts' && !state.learner;
  useEffect(() => {
    window.scrollTo?.(0, 0);
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            Groundwork
          </Link>
          {!signedOut && (
            <nav aria-label="Main">
              <Link to="/">Roadmaps</Link>
            </nav>
          )}
          <div className="app-header__account">
            <AccountMenu />
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
