import { Link, Navigate } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { setUp } from '../api/account-api';
import { useAuth } from '../hooks/auth';
import { AuthCard } from './AuthCard';
import { NewAccountForm } from './NewAccountForm';

/** First-run setup on a fresh server: the first account, which is the admin. Gone once any account exists. */
export function SetupPage() {
  const { state, signedIn } = useAuth();
  if (state.learner) return <Navigate to="/" replace />;
  if (state.mode !== 'accounts' || !state.setupRequired) return <Navigate to={state.mode === 'accounts' ? '/login' : '/'} replace />;
  return (
    <AuthCard
      title="Set up Groundwork"
      lead="This Groundwork has no accounts yet. Create the admin account: you can invite learners afterwards."
      testId="setup-page"
    >
      <NewAccountForm
        submitLabel="Create the admin account"
        onSubmit={async (account) => signedIn(await setUp(account))}
        explain={(error) =>
          isApiError(error) && error.status === 409 ? (
            <p>
              <Link to="/login">Sign in</Link> with the existing account instead.
            </p>
          ) : null
        }
      />
    </AuthCard>
  );
}
