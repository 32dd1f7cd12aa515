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

/** `GET /api/admin/embedding-model`: the model retrieval searches with, and a switch being built. */
export interface EmbeddingModelStatus {
  /** The registry's active model (complete vectors). */
  active: string;
  /** What this server embeds queries with now: the active model, or the base one if it cannot use that. */
  serving: string;
  /** What this server is configured with; differs from `active` while it builds. */
  configured: string;
  building: EmbeddingModelBuild | null;
  models: EmbeddingModelEntry[];
}

export interface EmbeddingModelBuild {
  model: string;
  dimensions: number;
  /** Chunks with a vector of the new model so far. */
  done: number;
  total: number;
  startedAt: string;
}

export interface EmbeddingModelEntry {
  id: string;
  dimensions: number;
  state: 'active' | 'building' | 'retired';
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
}
