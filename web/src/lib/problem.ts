/**
 * RFC 9457 problem details, as the Groundwork API sends them with
 * `Content-Type: application/problem+json`. `detail` is written to be shown to a person.
 */
export interface ProblemDetail {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_JSON = 'application/problem+json';

/** True when the value looks like a problem document (an object with at least a title, detail or status). */
export function isProblemDetail(value: unknown): value is ProblemDetail {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.detail === 'string' ||
    typeof candidate.title === 'string' ||
    typeof candidate.status === 'number'
  );
}

/** A problem for a response that did not carry one (a proxy error page, an empty body). */
export function fallbackProblem(status: number, statusText: string): ProblemDetail {
  return {
    type: 'about:blank',
    title: statusText || 'Request failed',
    status,
    detail: `The server answered with status ${status}${statusText ? ` (${statusText})` : ''}.`,
  };
}

/** The sentence to show a person for a problem: its detail, else its title, else a generic line. */
export function problemMessage(problem: ProblemDetail): string {
  return problem.detail?.trim() || problem.title?.trim() || 'Something went wrong.';
}
