import { apiFetch, withJson } from '../../../lib/api-client';
import type { ApiToken, AuthState, CreatedToken, Learner, NewAccount, NewToken } from './types';

const AUTH = '/api/auth';
const TOKENS = '/api/tokens';

/** Who is signed in and how this Groundwork runs; always allowed. */
export function getAuthState(signal?: AbortSignal): Promise<AuthState> {
  return apiFetch<AuthState>(`${AUTH}/state`, { signal });
}

/** First-run setup: creates the admin and signs them in; 409 `setup-done` once an account exists. */
export async function setUp(account: NewAccount): Promise<Learner> {
  return learnerOf(await apiFetch<{ learner: Learner } | Learner>(`${AUTH}/setup`, withJson('POST', account)));
}

/** `login` is a username or an e-mail. 401 `bad-credentials`; 429 `rate-limited` with Retry-After. */
export async function logIn(login: string, password: string): Promise<Learner> {
  return learnerOf(await apiFetch<{ learner: Learner } | Learner>(`${AUTH}/login`, withJson('POST', { login, password })));
}

/** 403 `registration-closed` without a valid invite where registration is by invite; 409 `account-exists`. */
export async function register(account: NewAccount & { invite?: string }): Promise<Learner> {
  return learnerOf(await apiFetch<{ learner: Learner } | Learner>(`${AUTH}/register`, withJson('POST', account)));
}

export function logOut(): Promise<void> {
  return apiFetch<void>(`${AUTH}/logout`, { method: 'POST' });
}

/** Ends every session of the learner, this one included. */
export function logOutEverywhere(): Promise<void> {
  return apiFetch<void>(`${AUTH}/logout-everywhere`, { method: 'POST' });
}

export function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return apiFetch<ApiToken[]>(TOKENS, { signal });
}

export function createToken(token: NewToken): Promise<CreatedToken> {
  return apiFetch<CreatedToken>(TOKENS, withJson('POST', token));
}

export function revokeToken(id: string): Promise<void> {
  return apiFetch<void>(`${TOKENS}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The contract answers `{learner}`; a bare learner is accepted too. */
function learnerOf(body: { learner: Learner } | Learner): Learner {
  return 'learner' in body ? body.learner : body;
}
