import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { TextField } from '../../../components/ui/Field';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { logIn } from '../api/account-api';
import type { SsoProvider } from '../api/types';
import { useAuth } from '../hooks/auth';
import { useCountdown } from '../hooks/useCountdown';
import { AuthCard } from './AuthCard';
import { safeNext } from './navigation';

type Attempt = { status: 'idle' } | { status: 'pending' } | { status: 'failed'; error: unknown; at: number };

/**
 * Sign in with a username or e-mail and password, or with a single sign-on provider; afterwards back to `?next=`.
 * A wrong password shows the server's message; too many attempts show how long to wait, and the button waits too.
 */
export function LoginPage() {
  const { state, signedIn } = useAuth();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [attempt, setAttempt] = useState<Attempt>({ status: 'idle' });
  const failed = attempt.status === 'failed' ? attempt : null;
  const wait = useCountdown(failed && isApiError(failed.error) && failed.error.status === 429 ? (failed.error.retryAfterSeconds ?? 0) : 0, failed?.at);

  if (state.mode !== 'accounts') return <Navigate to="/" replace />;
  if (state.learner) return <Navigate to={next} replace />;
  if (state.setupRequired) return <Navigate to="/setup" replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!login.trim() || !password) {
      setAttempt({ status: 'failed', error: new Error('Enter your username or e-mail and your password.'), at: Date.now() });
      return;
    }
    setAttempt({ status: 'pending' });
    try {
      signedIn(await logIn(login.trim(), password));
    } catch (error) {
      setAttempt({ status: 'failed', error, at: Date.now() });
      setPassword('');
    }
  }

  const pending = attempt.status === 'pending';
  return (
    <AuthCard title="Sign in to Groundwork" testId="login-page">
      <form className="auth-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={pending}>
        <TextField label="Username or e-mail" name="login" autoComplete="username" value={login} onChange={(event) => setLogin(event.target.value)} required />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
        />
        {failed && <LoginProblem error={failed.error} wait={wait} />}
        <button type="submit" className="button auth-form__submit" disabled={pending || wait > 0}>
          {pending ? 'Signing in…' : wait > 0 ? `Wait ${formatWait(wait)}` : 'Sign in'}
        </button>
      </form>
      <SsoButtons providers={state.ssoProviders} />
      {state.registration === 'open' ? (
        <p className="auth-card__footer">
          New here? <Link to="/register">Create an account</Link>.
        </p>
      ) : (
        <p className="auth-card__footer hint">New here? Ask an admin of this Groundwork for an invite link.</p>
      )}
    </AuthCard>
  );
}

/** "45 s", "2 min 5 s". */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const rest = seconds % 60;
  return `${Math.floor(seconds / 60)} min${rest ? ` ${rest} s` : ''}`;
}

function LoginProblem({ error, wait }: { error: unknown; wait: number }) {
  const limited = isApiError(error) && error.status === 429;
  return (
    <div className="form-error" role="alert" data-testid="login-error">
      <p>{errorMessage(error)}</p>
      {limited && <p data-testid="login-wait">{wait > 0 ? `You can try again in ${formatWait(wait)}.` : 'You can try again now.'}</p>}
    </div>
  );
}

function SsoButtons({ providers }: { providers: readonly SsoProvider[] }) {
  if (providers.length === 0) return null;
  return (
    <div className="sso" data-testid="sso-providers">
      <p className="sso__or">
        <span>or</span>
      </p>
      {providers.map((provider) => (
        <a key={provider.id} className="button button--secondary sso__button" href={provider.loginUrl}>
          Sign in with {provider.name}
        </a>
      ))}
    </div>
  );
}
