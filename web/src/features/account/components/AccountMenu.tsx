import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { logOut } from '../api/account-api';
import { useAuth } from '../hooks/auth';

export const ROLE_LABELS = { admin: 'Admin', learner: 'Learner' } as const;

/**
 * The header's account menu: who is signed in and their role, links to the account page (and the admin page for
 * admins), and Log out. In single-user mode a quiet note says there are no accounts instead.
 */
export function AccountMenu() {
  const { state, signedOut } = useAuth();
  // open on the page it was opened on: navigating closes it, without an effect that could race a first click
  const [openOn, setOpenOn] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  const id = useId();
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);

  if (state.mode === 'single-user') {
    return (
      <span className="account-menu__mode" data-testid="single-user-note" title="Groundwork runs for one learner on this computer: no accounts, no sign-in.">
        Single-user mode
      </span>
    );
  }
  const learner = state.learner;
  if (!learner) return null;

  async function leave() {
    setLeaving(true);
    try {
      await logOut();
    } catch {
      // the session may be gone already: signed out either way
    }
    signedOut('logged-out');
  }

  return (
    <div className="account-menu" ref={menu}>
      <button
        type="button"
        className="account-menu__toggle"
        aria-expanded={open}
        aria-controls={id}
        data-testid="account-menu"
        onClick={() => setOpen(!open)}
      >
        <span className="account-menu__avatar" aria-hidden="true">
          {(learner.name || learner.username).slice(0, 1).toUpperCase()}
        </span>
        <span className="account-menu__name">{learner.name || learner.username}</span>
      </button>
      {open && (
        <div className="account-menu__panel" id={id} data-testid="account-menu-panel">
          <p className="account-menu__who">
            <strong>{learner.name || learner.username}</strong>
            <span className="hint">
              @{learner.username} · {ROLE_LABELS[learner.role]}
            </span>
          </p>
          <ul className="account-menu__links">
            <li>
              <Link to="/account">Account and API tokens</Link>
            </li>
            {learner.role === 'admin' && (
              <li>
                <Link to="/admin">Admin</Link>
              </li>
            )}
          </ul>
          <button type="button" className="button button--secondary button--small account-menu__logout" disabled={leaving} onClick={() => void leave()}>
            {leaving ? 'Logging out…' : 'Log out'}
          </button>
        </div>
      )}
    </div>
  );
}
