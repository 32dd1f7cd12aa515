import type { AuditEvent, EmbeddingModelStatus, Settings, User } from '../api/types';

export function user(changes: Partial<User> = {}): User {
  return {
    id: 'u-bo',
    name: 'Bo Learner',
    username: 'bo',
    email: 'bo@example.org',
    role: 'learner',
    disabled: false,
    createdAt: '2026-05-01T10:00:00Z',
    lastSeenAt: '2026-05-02T09:30:00Z',
    ...changes,
  };
}

export const settings: Settings = { registration: 'invite', imports: 'learners' };

export function auditEvent(changes: Partial<AuditEvent> = {}): AuditEvent {
  return {
    at: '2026-05-02T09:30:00Z',
    action: 'login',
    actorId: 'u-bo',
    actorName: 'bo',
    subject: null,
    client: '127.0.0.1',
    detail: null,
    ...changes,
  };
}

export function embeddingModel(changes: Partial<EmbeddingModelStatus> = {}): EmbeddingModelStatus {
  return {
    active: 'bge-small-en-v1.5-q',
    serving: 'bge-small-en-v1.5-q',
    configured: 'bge-small-en-v1.5-q',
    building: null,
    models: [],
    ...changes,
  };
}
