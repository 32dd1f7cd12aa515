import { useState } from 'react';
import { ConfirmAction } from '../../../components/ui/ConfirmAction';
import { ResourceView } from '../../../components/ui/ResourceView';
import { errorMessage } from '../../../lib/api-client';
import { useResource } from '../../../lib/use-resource';
import { listTokens, logOutEverywhere, revokeToken } from '../api/account-api';
import type { CreatedToken, Learner } from '../api/types';
import { useAuth } from '../hooks/auth';
import { ROLE_LABELS } from './AccountMenu';
import { NewTokenForm } from './NewTokenForm';
import { TokenList } from './TokenList';
import { TokenSecret } from './TokenSecret';

/** `/account`: who the learner is, their personal API tokens, and logging out of every device. */
export function AccountPage() {
  const { state } = useAuth();
  if (state.mode === 'single-user' || !state.learner) {
    return (
      <div className="page account-page">
        <h1>Account</h1>
        <p className="lead" data-testid="single-user-account">
          This Groundwork runs in single-user mode: it listens on this computer only, and everything here is yours without
          signing in. Accounts and API tokens exist when it runs with accounts.
        </p>
      </div>
    );
  }
  return (
    <div className="page account-page" data-testid="account-page">
      <header className="page-header">
        <h1>Your account</h1>
        <Profile learner={state.learner} />
      </header>
      <Tokens />
      <Sessions />
    </div>
  );
}

function Profile({ learner }: { learner: Learner }) {
  return (
    <dl className="profile">
      {learner.name && learner.name !== learner.username && (
        <div>
          <dt>Name</dt>
          <dd>{learner.name}</dd>
        </div>
      )}
      <div>
        <dt>Username</dt>
        <dd>{learner.username}</dd>
      </div>
      <div>
        <dt>E-mail</dt>
        <dd>{learner.email || '—'}</dd>
      </div>
      <div>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[learner.role]}</dd>
      </div>
    </dl>
  );
}

function Tokens() {
  const { resource, reload, update } = useResource(listTokens);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  return (
    <section className="page-section" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p className="lead">
        Scripts and chat apps that speak the OpenAI API use a token to reach Groundwork. Each token acts as you; revoke it
        when you no longer need it.
      </p>
      {created && <TokenSecret created={created} onDone={() => setCreated(null)} />}
      <ResourceView resource={resource} onRetry={reload} loadingLabel="Loading your tokens…" errorTitle="Could not load your tokens">
        {(tokens) => (
          <TokenList
            tokens={tokens}
            onRevoke={async (token) => {
              await revokeToken(token.id);
              const revokedAt = new Date().toISOString();
              update((list) => list.map((item) => (item.id === token.id ? { ...item, revokedAt } : item)));
            }}
          />
        )}
      </ResourceView>
      <NewTokenForm
        onCreated={(made) => {
          setCreated(made);
          update((list) => [made.token, ...list.filter((item) => item.id !== made.token.id)]);
        }}
      />
    </section>
  );
}

function Sessions() {
  const { signedOut } = useAuth();
  return (
    <section className="page-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      <p className="hint">Signed in on a computer you no longer use? End every session of yours, this one included.</p>
      <ConfirmAction
        label="Log out everywhere"
        question="Log out on every device, this one included?"
        confirmLabel="Log out everywhere"
        describeError={errorMessage}
        testId="logout-everywhere"
        onConfirm={async () => {
          await logOutEverywhere();
          signedOut('logged-out');
        }}
      />
    </section>
  );
}
