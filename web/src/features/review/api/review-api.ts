import { apiFetch, isApiError, withJson } from '../../../lib/api-client';
import type {
  CardSource,
  GradeRequest,
  GradeResult,
  ReviewCard,
  ReviewCounts,
  ReviewQueue,
  ReviewSettings,
  ReviewStats,
  StudyScope,
  UndoResult,
} from './types';

const cardPath = (cardId: string) => `/api/cards/${encodeURIComponent(cardId)}`;
const scopePath = (scope: StudyScope) => `/api/${scope.kind === 'roadmap' ? 'roadmaps' : 'topics'}/${encodeURIComponent(scope.id)}`;

/**
 * A new id for a review, made by the client so that a retried grade is stored once. `crypto.randomUUID` exists only
 * in secure contexts (https, localhost); over plain http on a LAN address a v4 UUID is built from random bytes.
 */
export function newReviewId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What to study now in the scope (a topic covers its subtopics), at most `limit` items (the server's default 50). */
export function getQueue(scope: StudyScope, { limit }: { limit?: number } = {}, signal?: AbortSignal): Promise<ReviewQueue> {
  const query = new URLSearchParams({ [scope.kind === 'roadmap' ? 'roadmapId' : 'topicId']: scope.id });
  if (limit !== undefined) query.set('limit', String(limit));
  return apiFetch<ReviewQueue>(`/api/reviews/queue?${query}`, { signal });
}

/**
 * Grades a card item. `reviewId` makes the grade idempotent: when the server cannot be reached (or the connection
 * breaks before the answer) the request is sent once more with the same id, so a grade the server did store is not
 * stored twice. Any other failure is thrown as is.
 */
export async function gradeCard(cardId: string, grade: GradeRequest, reviewId: string = newReviewId()): Promise<GradeResult> {
  const send = () => apiFetch<GradeResult>(`${cardPath(cardId)}/reviews`, withJson('POST', { ...grade, reviewId }));
  try {
    return await send();
  } catch (error) {
    if (isApiError(error) && error.status === 0) return send();
    throw error;
  }
}

/** Undoes a review, restoring its card item exactly; a 409 `review-not-latest` when a later review of it exists. */
export function undoReview(reviewId: string, signal?: AbortSignal): Promise<UndoResult> {
  return apiFetch<UndoResult>(`/api/reviews/${encodeURIComponent(reviewId)}`, { method: 'DELETE', signal });
}

/** Takes the card out of reviews (it stays in the card list). */
export function suspendCard(cardId: string, signal?: AbortSignal): Promise<ReviewCard> {
  return apiFetch<ReviewCard>(cardPath(cardId), withJson('PATCH', { suspended: true }, signal));
}

/** The card's passage as stored now; a card without an anchor is a 404. */
export function getCardSource(cardId: string, signal?: AbortSignal): Promise<CardSource> {
  return apiFetch<CardSource>(`${cardPath(cardId)}/source`, { signal });
}

export function getReviewStats(scope: StudyScope, signal?: AbortSignal): Promise<ReviewStats> {
  return apiFetch<ReviewStats>(`${scopePath(scope)}/review-stats`, { signal });
}

/** Due and new items of the roadmap and of each of its topics (the cards directly on it). */
export function getReviewCounts(roadmapId: string, signal?: AbortSignal): Promise<ReviewCounts> {
  return apiFetch<ReviewCounts>(`/api/roadmaps/${encodeURIComponent(roadmapId)}/review-counts`, { signal });
}

export function getReviewSettings(signal?: AbortSignal): Promise<ReviewSettings> {
  return apiFetch<ReviewSettings>('/api/review/settings', { signal });
}

export function updateReviewSettings(settings: ReviewSettings, signal?: AbortSignal): Promise<ReviewSettings> {
  return apiFetch<ReviewSettings>('/api/review/settings', withJson('PUT', settings, signal));
}

/** The title of the roadmap or topic being studied, for the screen's heading. */
export async function getScopeTitle(scope: StudyScope, signal?: AbortSignal): Promise<string> {
  const found = await apiFetch<{ title?: string }>(scopePath(scope), { signal });
  return found?.title ?? '';
}
