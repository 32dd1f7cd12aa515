/** `GET /api/auth/state` and the account calls of the security core (see the issue 11 contract). */
export type Mode = 'accounts' | 'single-user';
export type Role = 'admin' | 'learner';

export interface Learner {
  id: string;
  name: string;
  username: string;
  email: string | null;
  role: Role;
}

export interface SsoProvider {
  id: string;
  name: string;
  /** Where the browser goes to sign in with the provider (a server URL, not an API call). */
  loginUrl: string;
}

export interface AuthState {
  mode: Mode;
  /** True on a fresh database: the first visitor creates the admin at /setup. */
  setupRequired: boolean;
  registration: 'invite' | 'open';
  ssoProviders: SsoProvider[];
  /** The signed-in learner; null when nobody is signed in. */
  learner: Learner | null;
}

export interface NewAccount {
  username: string;
  email?: string;
  password: string;
}

export type TokenScope = 'read' | 'read-write';

export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the secret, to tell tokens apart (`gw_ab12`). */
  prefix: string;
  scope: TokenScope;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface NewToken {
  name: string;
  scope: TokenScope;
  expiresInDays: number | null;
}

/** A token just made: the secret is in this answer only. */
export interface CreatedToken {
  token: ApiToken;
  secret: string;
}
