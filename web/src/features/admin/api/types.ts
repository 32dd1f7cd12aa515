/** The admin calls of the security core (see the issue 11 contract); admins only, 403 `forbidden` otherwise. */
export type Role = 'admin' | 'learner';

export interface User {
  id: string;
  name: string;
  username: string;
  email: string | null;
  role: Role;
  disabled: boolean;
  createdAt: string;
  lastSeenAt: string | null;
}

export interface NewInvite {
  email?: string;
  role: Role;
}

export interface Invite {
  code: string;
  /** The app path that registers with this invite: `/register?invite=<code>`. */
  path: string;
  expiresAt: string;
}

export interface Settings {
  registration: 'invite' | 'open';
  /** Who may import roadmaps and start ingestion. */
  imports: 'learners' | 'admins';
}

export interface AuditEvent {
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  subject: string | null;
  client: string | null;
  /** What else the server recorded (a method, a reason, a role…), as JSON values. */
  detail: Record<string, unknown> | null;
}
