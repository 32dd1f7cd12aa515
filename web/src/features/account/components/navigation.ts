import { isSignInPath } from '../../../lib/unauthenticated';

/**
 * Where to go after signing in: `next` when it is a path of this app, else the roadmaps. Never another site
 * (`//evil.example`, `https://…`) and never back to a sign-in page.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || isSignInPath(next)) return '/';
  return next;
}

/** Passwords: the server's limits. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
