import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';
import { AccountMenu } from '../components/AccountMenu';
import { AccountPage } from '../components/AccountPage';
import { LoginPage } from '../components/LoginPage';
import { RegisterPage } from '../components/RegisterPage';
import { RequireSignIn } from '../components/RequireSignIn';
import { SetupPage } from '../components/SetupPage';
import { AuthProvider } from '../hooks/auth';

/** Shows where the router is, so a test can see redirects: `data-testid="location"`. */
function Location() {
  const { pathname, search } = useLocation();
  return <output data-testid="location">{`${pathname}${search}`}</output>;
}

/** The account feature's screens as the app routes them, with a guarded stand-in for the rest of the app. */
export function renderAccount(path: string) {
  vi.stubGlobal('scrollTo', () => {});
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider>
        <AccountMenu />
        <Location />
        <Routes>
          <Route path="setup" element={<SetupPage />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route element={<RequireSignIn />}>
            <Route path="account" element={<AccountPage />} />
            <Route path="*" element={<p data-testid="app-screen">the app</p>} />
          </Route>
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
}
