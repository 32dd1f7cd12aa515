import { useEffect, useRef, useState } from 'react';

export interface ConfirmActionProps {
  /** The button that asks first, e.g. "Revoke". */
  label: string;
  /** The question, e.g. "Revoke token “ci”? Scripts using it stop working." */
  question: string;
  /** The confirming button, e.g. "Revoke token". */
  confirmLabel: string;
  /** Runs after the confirmation; a rejection shows its message (`errorMessage`) and keeps the question open. */
  onConfirm: () => Promise<unknown>;
  describeError: (error: unknown) => string;
  danger?: boolean;
  testId?: string;
}

/** A button for something hard to undo: it asks inline, with Cancel focused, before it acts. */
export function ConfirmAction({ label, question, confirmLabel, onConfirm, describeError, danger = true, testId }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setPending(false);
    }
  }

  if (!asking) {
    return (
      <button type="button" className="button button--secondary button--small" data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={label} data-testid={testId && `${testId}-confirm`}>
      <p>{question}</p>
      <div className="confirm__actions">
        <button type="button" className={`button button--small${danger ? ' button--danger' : ''}`} disabled={pending} onClick={() => void confirm()}>
          {pending ? 'Working…' : confirmLabel}
        </button>
        <button type="button" ref={cancel} className="button button--secondary button--small" disabled={pending} onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
