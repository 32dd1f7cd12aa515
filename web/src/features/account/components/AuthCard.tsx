import type { ReactNode } from 'react';

/** The narrow card the sign-in pages (setup, login, register) sit in. */
export function AuthCard({ title, lead, children, testId }: { title: string; lead?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="auth-page" data-testid={testId}>
      <section className="card auth-card" aria-labelledby="auth-title">
        <h1 id="auth-title">{title}</h1>
        {lead && <p className="lead">{lead}</p>}
        {children}
      </section>
    </div>
  );
}
