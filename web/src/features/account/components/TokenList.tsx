import { Badge } from '../../../components/ui/Badge';
import { ConfirmAction } from '../../../components/ui/ConfirmAction';
import { EmptyState } from '../../../components/ui/Status';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import type { ApiToken } from '../api/types';

const SCOPE_LABELS = { read: 'Read and ask', 'read-write': 'Read and write' } as const;

/** Whether the token still works: revoked, expired or active (as of `now`). */
export function tokenState(token: ApiToken, now: number = Date.now()): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

/** The learner's tokens, newest first as the server lists them; an active one can be revoked after a confirmation. */
export function TokenList({ tokens, onRevoke }: { tokens: readonly ApiToken[]; onRevoke: (token: ApiToken) => Promise<void> }) {
  if (tokens.length === 0) {
    return (
      <EmptyState title="No tokens yet">
        <p>Create one for a script or a chat app below.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="token-list" data-testid="token-list">
      {tokens.map((token) => {
        const state = tokenState(token);
        return (
          <li key={token.id} className={`token token--${state}`} data-testid="token" data-token-id={token.id} data-state={state}>
            <div className="token__main">
              <p className="token__title">
                <strong>{token.name}</strong> <code className="token__prefix">{token.prefix}…</code>{' '}
                <Badge label={SCOPE_LABELS[token.scope]} tone={`scope-${token.scope}`} />
                {state !== 'active' && <Badge label={state === 'revoked' ? 'Revoked' : 'Expired'} tone="token-ended" />}
              </p>
              <p className="hint token__meta">
                Created {formatDateTime(token.createdAt)} · Last used {formatDateTime(token.lastUsedAt, 'never')} ·{' '}
                {state === 'revoked'
                  ? `Revoked ${formatDateTime(token.revokedAt)}`
                  : token.expiresAt
                    ? `${state === 'expired' ? 'Expired' : 'Expires'} ${formatDateTime(token.expiresAt)}`
                    : 'Never expires'}
              </p>
            </div>
            {state === 'active' && (
              <div className="token__actions">
                <ConfirmAction
                  label="Revoke"
                  question={`Revoke “${token.name}”? Anything using it stops working at once.`}
                  confirmLabel="Revoke token"
                  onConfirm={() => onRevoke(token)}
                  describeError={errorMessage}
                  testId="token-revoke"
                />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
