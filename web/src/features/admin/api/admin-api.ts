import { apiFetch, withJson } from '../../../lib/api-client';
import type { AuditEvent, EmbeddingModelStatus, Invite, NewInvite, Settings, User } from './types';

const ADMIN = '/api/admin';
const userPath = (id: string) => `${ADMIN}/users/${encodeURIComponent(id)}`;

export function listUsers(signal?: AbortSignal): Promise<User[]> {
  return apiFetch<User[]>(`${ADMIN}/users`, { signal });
}

/** Disabling ends the user's sessions and tokens at once. */
export function setUserDisabled(id: string, disabled: boolean): Promise<void> {
  return apiFetch<void>(`${userPath(id)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });
}

export function createInvite(invite: NewInvite): Promise<Invite> {
  return apiFetch<Invite>(`${ADMIN}/invites`, withJson('POST', invite));
}

export function getSettings(signal?: AbortSignal): Promise<Settings> {
  return apiFetch<Settings>(`${ADMIN}/settings`, { signal });
}

export function saveSettings(settings: Settings): Promise<Settings> {
  return apiFetch<Settings>(`${ADMIN}/settings`, withJson('PUT', settings));
}

/** The latest `limit` events, newest first. */
export function listAudit(limit = 100, signal?: AbortSignal): Promise<AuditEvent[]> {
  return apiFetch<AuditEvent[]>(`${ADMIN}/audit?${new URLSearchParams({ limit: String(limit) })}`, { signal });
}

/** Which embedding model serves retrieval, and how far a switch to another one is. */
export function getEmbeddingModel(signal?: AbortSignal): Promise<EmbeddingModelStatus> {
  return apiFetch<EmbeddingModelStatus>(`${ADMIN}/embedding-model`, { signal });
}
