import { Link, Navigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { register } from '../api/account-api';
import { useAuth } from '../hooks/auth';
import { AuthCard } from './AuthCard';
import { NewAccountForm } from './NewAccountForm';

/**
 * Creates a learner account: with the invite code of `?invite=` (from an admin's invite link), or without one where
 * registration is open. Invite-only without a code explains how to get one instead of showing a form that must fail.
 */
export function RegisterPage() {
  const { state, signedIn } = useAuth();
  const [params] = useSearchParams();
  const invite = params.get('invite')?.trim() ?? '';

  if (state.mode !== 'accounts' || state.learner) return <Navigate to="/" replace />;
  if (state.setupRequired) return <Navigate to="/setup" replace />;

  if (state.registration === 'invite' && !invite) {
    return (
      <AuthCard title="Create an account" testId="register-page">
        <div className="status status--empty auth-card__invite-only" data-testid="invite-only">
          <strong>This Groundwork is invite‑only</strong>
          <p>
            Ask one of its admins for an invite. They make an invite link in Groundwork’s admin page; opening that link
            brings you back here with the invite filled in.
          </p>
        </div>
        <p className="auth-card__footer">
          Already have an account? <Link to="/login">Sign in</Link>.
        </p>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Create an account"
      lead={invite ? 'You were invited to this Groundwork. Choose how you sign in.' : 'Choose how you sign in to this Groundwork.'}
      testId="register-page"
    >
      <NewAccountForm
        submitLabel="Create my account"
        onSubmit={async (account) => signedIn(await register(invite ? { ...account, invite } : account))}
        explain={(error) =>
          isApiError(error) && error.status === 403 ? (
            <p>The invite may have expired or been used already: ask the admin for a new link.</p>
          ) : isApiError(error) && error.status === 409 ? (
            <p>
              Choose another username or e-mail, or <Link to="/login">sign in</Link>.
            </p>
          ) : null
        }
      />
      <p className="auth-card__footer">
        Already have an account? <Link to="/login">Sign in</Link>.
      </p>
    </AuthCard>
  );
}
