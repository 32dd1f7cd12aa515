import { apiFetch, withJson } from '../../../lib/api-client';
import { readJsonEvents } from '../../../lib/sse';
import type { Card, CardChanges, CardCounts, CardPage, CardSource, GenerateRequest, GenerationEvent, NewCard } from './types';

const topicPath = (topicId: string) => `/api/topics/${encodeURIComponent(topicId)}`;
const roadmapPath = (roadmapId: string) => `/api/roadmaps/${encodeURIComponent(roadmapId)}`;
const cardPath = (cardId: string) => `/api/cards/${encodeURIComponent(cardId)}`;

/** A request with a JSON body. */
/** The topic's cards, oldest first; only the stale ones with `stale: true`. An unknown topic is a 404. */
export function listTopicCards(topicId: string, { stale = false } = {}, signal?: AbortSignal): Promise<Card[]> {
  return apiFetch<Card[]>(`${topicPath(topicId)}/cards${stale ? '?stale=true' : ''}`, { signal });
}

/** One page of a roadmap's cards. */
export function listRoadmapCards(
  roadmapId: string,
  { page = 0, size = 50, stale = false } = {},
  signal?: AbortSignal,
): Promise<CardPage> {
  const query = new URLSearchParams({ page: String(page), size: String(size) });
  if (stale) query.set('stale', 'true');
  return apiFetch<CardPage>(`${roadmapPath(roadmapId)}/cards?${query}`, { signal });
}

/** How many cards (and stale cards) the roadmap and each of its topics hold. */
export function getCardCounts(roadmapId: string, signal?: AbortSignal): Promise<CardCounts> {
  return apiFetch<CardCounts>(`${roadmapPath(roadmapId)}/cards/counts`, { signal });
}

/** Adds a card by hand; bad input is a 400 whose detail says what to fix. */
export function createCard(topicId: string, card: NewCard, signal?: AbortSignal): Promise<Card> {
  return apiFetch<Card>(`${topicPath(topicId)}/cards`, withJson('POST', card, signal));
}

export function getCard(cardId: string, signal?: AbortSignal): Promise<Card> {
  return apiFetch<Card>(cardPath(cardId), { signal });
}

/** Changes content or the suspended flag; the answer has `edited` true once content changed. */
export function updateCard(cardId: string, changes: CardChanges, signal?: AbortSignal): Promise<Card> {
  return apiFetch<Card>(cardPath(cardId), withJson('PATCH', changes, signal));
}

/** Deletes the card (its review history is kept). */
export function deleteCard(cardId: string, signal?: AbortSignal): Promise<void> {
  return apiFetch<void>(cardPath(cardId), { method: 'DELETE', signal });
}

/** The card's passage as stored now; a card without an anchor is a 404. */
export function getCardSource(cardId: string, signal?: AbortSignal): Promise<CardSource> {
  return apiFetch<CardSource>(`${cardPath(cardId)}/source`, { signal });
}

/** Accepts the current passage of a stale card as its anchor; a card that is not stale is a 409. */
export function keepStaleCard(cardId: string, signal?: AbortSignal): Promise<Card> {
  return apiFetch<Card>(`${cardPath(cardId)}/stale/keep`, { method: 'POST', signal });
}

/** Rewrites a stale card from its current passage; a 422 when nothing can be written from it. */
export function regenerateStaleCard(cardId: string, signal?: AbortSignal): Promise<Card> {
  return apiFetch<Card>(`${cardPath(cardId)}/stale/regenerate`, { method: 'POST', signal });
}

const GENERATION_EVENTS: ReadonlySet<string> = new Set(['card', 'skipped', 'notice', 'done', 'failed']);

/**
 * Generates cards for a topic and yields the stream's events as they arrive, ending after `done` or `failed`.
 * Every `card` is already stored. Throws an ApiError with the ProblemDetail for a rejected request (400 for a count
 * out of range or an unknown type, 404 for an unknown topic), an ApiError with status 0 when the server cannot be
 * reached or the connection breaks, and the AbortError when `signal` aborts, which also cancels the generation.
 */
export function streamCardGeneration(
  topicId: string,
  request: GenerateRequest,
  signal?: AbortSignal,
): AsyncGenerator<GenerationEvent, void, undefined> {
  return readJsonEvents(`${topicPath(topicId)}/cards/generate`, withJson('POST', request, signal), GENERATION_EVENTS) as AsyncGenerator<
    GenerationEvent,
    void,
    undefined
  >;
}
