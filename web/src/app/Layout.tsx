import { useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';

export function Layout() {
  const { pathname } = useLocation();
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
          <nav aria-label="Main">
            <Link to="/">Roadmaps</Link>
          </nav>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
