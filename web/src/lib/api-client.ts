import { fallbackProblem, isProblemDetail, problemMessage, type ProblemDetail } from './problem';
import { reportUnauthenticated } from './unauthenticated';

/**
 * A failed API call. `detail` is the server's ProblemDetail `detail` (safe to show),
 * `status` is the HTTP status, or 0 when the server could not be reached at all.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetail;
  /** Seconds the server asked to wait before trying again (`Retry-After` of a 429 or 503), or null. */
  readonly retryAfterSeconds: number | null;

  constructor(problem: ProblemDetail, status: number, retryAfterSeconds: number | null = null) {
    super(problemMessage(problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** What to show a person: the problem's `detail`, falling back to its title. */
  get detail(): string {
    return this.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The message for any error an API call may throw. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.detail;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

const ACCEPT = 'application/json, application/problem+json';
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

/** The value of cookie `name` readable by scripts, or null. */
function readCookie(name: string): string | null {
  for (const pair of document.cookie.split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

/**
 * The fetch options for a call to the API: `Accept` (unless set), the session cookie sent (same origin only), and
 * on a write (POST, PUT, PATCH, DELETE) the CSRF token the server set in cookie `XSRF-TOKEN` as header `X-XSRF-TOKEN`.
 */
export function apiRequest(init: RequestInit, accept: string): RequestInit {
  const headers = new Headers(init.headers);
  if (!headers.has('Accept')) headers.set('Accept', accept);
  const method = (init.method ?? 'GET').toUpperCase();
  const token = SAFE_METHODS.has(method) ? null : readCookie(CSRF_COOKIE);
  if (token && !headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, token);
  return { ...init, headers, credentials: 'same-origin' };
}

/** Sends a request built by {@link apiRequest}: an unreachable server becomes an ApiError with status 0. */
export async function sendApiRequest(path: string, init: RequestInit, accept: string): Promise<Response> {
  try {
    return await fetch(path, apiRequest(init, accept));
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw networkError();
  }
}

/**
 * The ApiError for a non-2xx answer to `path`. A 401 from the API (other than the sign-in calls of `/api/auth/`)
 * means the session ended: the person is sent to the login page.
 */
export async function responseError(path: string, response: Response): Promise<ApiError> {
  const error = new ApiError(await readProblem(response), response.status, retryAfter(response.headers.get('Retry-After')));
  if (response.status === 401 && path.startsWith('/api/') && !path.startsWith('/api/auth/')) reportUnauthenticated();
  return error;
}

/** `Retry-After` in seconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Calls the API at `path` (same origin, e.g. `/api/roadmaps`) and returns the parsed JSON body.
 * Non-2xx responses become an {@link ApiError}; an aborted request rethrows the AbortError untouched.
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await sendApiRequest(path, init, ACCEPT);
  if (!response.ok) throw await responseError(path, response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Options for a request with a JSON body. */
export function withJson(method: string, body: unknown, signal?: AbortSignal): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal };
}

/** True for the error an aborted fetch (or a read from its body) rejects with. */
export function isAbortError(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError';
}

/** The error for a server that could not be reached, or a connection that broke: status 0. */
export function networkError(): ApiError {
  return new ApiError(
    { title: 'Network error', status: 0, detail: 'Could not reach the Groundwork server. Check that it is running.' },
    0,
  );
}

/** The ProblemDetail of an error response, or a generic one when it carries none. */
export async function readProblem(response: Response): Promise<ProblemDetail> {
  const contentType = response.headers.get('Content-Type') ?? '';
  if (contentType.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (isProblemDetail(body)) return { status: response.status, ...body };
    } catch {
      // not JSON after all: fall through to the generic problem
    }
  }
  return fallbackProblem(response.status, response.statusText);
}
