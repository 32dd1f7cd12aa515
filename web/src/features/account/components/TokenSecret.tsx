import { useEffect, useRef } from 'react';
import { CopyButton } from '../../../components/ui/CopyButton';
import type { CreatedToken } from '../api/types';

/** The secret of a token just created, shown this once with a copy button, until the learner says they have it. */
export function TokenSecret({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [created]);
  return (
    <div className="token-secret" role="region" aria-labelledby="token-secret-title" data-testid="token-secret-panel">
      <h3 id="token-secret-title" tabIndex={-1} ref={heading}>
        Copy your new token “{created.token.name}” now
      </h3>
      <p>
        <strong>You won’t see it again.</strong> Groundwork keeps only a fingerprint of it; if you lose it, revoke it and create
        another.
      </p>
      <div className="token-secret__value">
        <input
          className="field__input token-secret__input"
          readOnly
          value={created.secret}
          aria-label="Token secret"
          data-testid="token-secret"
          onFocus={(event) => event.target.select()}
        />
        <CopyButton text={created.secret} testId="token-copy" />
      </div>
      <p className="hint">
        Send the whole token as <code>Authorization: Bearer gw_{created.token.prefix}_…</code> to <code>/api</code> or the OpenAI-compatible{' '}
        <code>/v1</code> endpoint.
      </p>
      <button type="button" className="button button--secondary" onClick={onDone} data-testid="token-secret-done">
        I have copied it
      </button>
    </div>
  );
}
