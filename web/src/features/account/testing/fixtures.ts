import type { ApiToken, AuthState, Learner } from '../api/types';

export const admin: Learner = { id: 'l-admin', name: 'Ada Admin', username: 'ada', email: 'ada@example.org', role: 'admin' };
export const learner: Learner = { id: 'l-bo', name: 'Bo Learner', username: 'bo', email: null, role: 'learner' };

/** `GET /api/auth/state` of a server with accounts; signed in as the admin unless `changes` say otherwise. */
export function authState(changes: Partial<AuthState> = {}): AuthState {
  return { mode: 'accounts', setupRequired: false, registration: 'invite', ssoProviders: [], learner: admin, ...changes };
}

export const singleUserState: AuthState = { mode: 'single-user', setupRequired: false, registration: 'invite', ssoProviders: [], learner: null };

export function apiToken(changes: Partial<ApiToken> = {}): ApiToken {
  return {
    id: 't-1',
    name: 'laptop script',
    prefix: 'gw_ab12',
    scope: 'read',
    createdAt: '2026-05-01T10:00:00Z',
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    ...changes,
  };
}
