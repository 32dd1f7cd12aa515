import { fallbackProblem, isProblemDetail, problemMessage, type ProblemDetail } from './problem';

/**
 * A failed API call. `detail` is the server's ProblemDetail `detail` (safe to show),
 * `status` is the HTTP status, or 0 when the server could not be reached at all.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetail;

  constructor(problem: ProblemDetail, status: number) {
    super(problemMessage(problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
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

/**
 * Calls the API at `path` (same origin, e.g. `/api/roadmaps`) and returns the parsed JSON body.
 * Non-2xx responses become an {@link ApiError}; an aborted request rethrows the AbortError untouched.
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (!headers.has('Accept')) headers.set('Accept', ACCEPT);

  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw networkError();
  }

  if (!response.ok) {
    throw new ApiError(await readProblem(response), response.status);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
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
