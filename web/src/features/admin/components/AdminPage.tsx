import { AuditLog } from './AuditLog';
import { EmbeddingModelPanel } from './EmbeddingModelPanel';
import { InviteForm } from './InviteForm';
import { SettingsForm } from './SettingsForm';
import { UsersTable } from './UsersTable';

export interface AdminPageProps {
  /** Who is signed in: an admin cannot disable themselves. */
  currentLearnerId: string | null;
}

/** `/admin`: users, invites, settings, the embedding model and the audit log. The app shows it to admins only; the server enforces that. */
export function AdminPage({ currentLearnerId }: AdminPageProps) {
  return (
    <div className="page admin-page" data-testid="admin-page">
      <header className="page-header">
        <h1>Admin</h1>
        <p className="lead">Who uses this Groundwork, how people join, and what happened lately.</p>
      </header>
      <UsersTable currentLearnerId={currentLearnerId} />
      <InviteForm />
      <SettingsForm />
      <EmbeddingModelPanel />
      <AuditLog />
    </div>
  );
}
