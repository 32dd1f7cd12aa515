import type { ReactNode } from 'react';

/** A polite live region that says something is loading. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="status status--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** An error shown to the person, announced by screen readers. */
export function ErrorNotice({ title = 'Something went wrong', message }: { title?: string; message: string }) {
  return (
    <div className="status status--error" role="alert">
      <strong>{title}</strong>
      <p>{message}</p>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="status status--empty">
      <strong>{title}</strong>
      {children}
    </div>
  );
}
