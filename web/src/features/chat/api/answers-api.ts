import { readJsonEvents } from '../../../lib/sse';
import type { AnswerEvent, AnswerRequest } from './types';

const ANSWERS_PATH = '/api/answers';
const EVENT_TYPES = new Set<string>(['sources', 'token', 'citation', 'notice', 'done', 'failed']);

/**
 * Asks a question and yields the answer's events as they arrive, ending after `done` or `failed`.
 *
 * Throws like {@link readJsonEvents}: an ApiError with the server's ProblemDetail for a rejected request (400 for an
 * invalid question, 404 for an unknown topic or roadmap), an ApiError with status 0 when the server cannot be
 * reached or the connection breaks, and the AbortError when `signal` aborts (which also cancels the request).
 * Events of other types and data that is not a JSON object are skipped.
 */
export async function* streamAnswer(request: AnswerRequest, signal?: AbortSignal): AsyncGenerator<AnswerEvent, void, undefined> {
  const init: RequestInit = {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
    signal,
  };
  yield* readJsonEvents(ANSWERS_PATH, init, EVENT_TYPES) as AsyncGenerator<AnswerEvent, void, undefined>;
}
