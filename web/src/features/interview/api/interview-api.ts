import { apiFetch, withJson } from '../../../lib/api-client';
import { readJsonEvents } from '../../../lib/sse';
import type { AnswerEvent, CardsMade, NewInterview, Question, Report, Session, SessionSummary } from './types';

const INTERVIEWS = '/api/interviews';
const sessionPath = (id: string) => `${INTERVIEWS}/${encodeURIComponent(id)}`;
const questionPath = (id: string, questionId: string) => `${sessionPath(id)}/questions/${encodeURIComponent(questionId)}`;
const ANSWER_EVENTS = new Set<string>(['point', 'score', 'reference', 'citation', 'followup', 'done', 'failed']);

/** Starts a session; 422 `interview-no-material` when the sources support no question. */
export function createInterview(request: NewInterview, signal?: AbortSignal): Promise<Session> {
  return apiFetch<Session>(INTERVIEWS, withJson('POST', request, signal));
}

/** A roadmap's sessions (on its topics too), newest first. */
export function listInterviews(roadmapId: string, signal?: AbortSignal): Promise<SessionSummary[]> {
  return apiFetch<SessionSummary[]>(`${INTERVIEWS}?${new URLSearchParams({ roadmapId })}`, { signal });
}

export function getInterview(id: string, signal?: AbortSignal): Promise<Session> {
  return apiFetch<Session>(sessionPath(id), { signal });
}

/** Autosaves an answer not yet submitted. */
export function saveDraft(id: string, questionId: string, answer: string, signal?: AbortSignal): Promise<void> {
  return apiFetch<void>(`${questionPath(id, questionId)}/draft`, withJson('PUT', { answer }, signal));
}

export function skipQuestion(id: string, questionId: string): Promise<Question> {
  return apiFetch<Question>(`${questionPath(id, questionId)}/skip`, { method: 'POST' });
}

export function endInterview(id: string): Promise<Session> {
  return apiFetch<Session>(`${sessionPath(id)}/end`, { method: 'POST' });
}

/**
 * Submits an answer and yields its grading as it streams, ending after `done` or `failed`. Throws an ApiError with
 * the server's problem when the answer is refused before the stream (400 blank or too long, 404, 409 answered or
 * ended), one with status 0 when the connection breaks, and the AbortError when `signal` aborts.
 */
export async function* streamAnswer(
  id: string,
  questionId: string,
  body: { answer: string; durationMs?: number },
  signal?: AbortSignal,
): AsyncGenerator<AnswerEvent, void, undefined> {
  yield* readJsonEvents(`${questionPath(id, questionId)}/answer`, withJson('POST', body, signal), ANSWER_EVENTS) as AsyncGenerator<
    AnswerEvent,
    void,
    undefined
  >;
}

export function getReport(id: string, signal?: AbortSignal): Promise<Report> {
  return apiFetch<Report>(`${sessionPath(id)}/report`, { signal });
}

/** Turns every missed or partial point into a card (deduplicated) in the review queue. */
export function makeCards(id: string): Promise<CardsMade> {
  return apiFetch<CardsMade>(`${sessionPath(id)}/cards`, { method: 'POST' });
}
