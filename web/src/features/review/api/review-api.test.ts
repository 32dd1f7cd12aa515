import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { jsonResponse, problemResponse } from '../../../test/responses';
import { basicItem, queue, reviewStats } from '../testing/fixtures';
import {
  getCardSource,
  getQueue,
  getReviewCounts,
  getReviewSettings,
  getReviewStats,
  gradeCard,
  newReviewId,
  suspendCard,
  undoReview,
  updateReviewSettings,
} from './review-api';

/** fetch answering each call with the next of `answers` (an Error is thrown, as fetch does when offline). */
function stubFetch(...answers: (Response | Error | (() => Response))[]) {
  const fetchMock = vi.fn(async () => {
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer() : answer.clone();
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function request(fetchMock: ReturnType<typeof stubFetch>, n = 0) {
  const [url, init = {}] = fetchMock.mock.calls[n] as unknown as [string, RequestInit | undefined];
  return { url, method: init.method ?? 'GET', body: init.body === undefined ? undefined : JSON.parse(String(init.body)) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('review endpoints', () => {
  it.each([
    ['a roadmap’s queue', () => getQueue({ kind: 'roadmap', id: 'r 1' }), '/api/reviews/queue?roadmapId=r+1'],
    ['a topic’s queue with a limit', () => getQueue({ kind: 'topic', id: 't1' }, { limit: 20 }), '/api/reviews/queue?topicId=t1&limit=20'],
    ['a roadmap’s stats', () => getReviewStats({ kind: 'roadmap', id: 'r1' }), '/api/roadmaps/r1/review-stats'],
    ['a topic’s stats', () => getReviewStats({ kind: 'topic', id: 't/1' }), '/api/topics/t%2F1/review-stats'],
    ['a roadmap’s due counts', () => getReviewCounts('r1'), '/api/roadmaps/r1/review-counts'],
    ['the settings', () => getReviewSettings(), '/api/review/settings'],
    ['a card’s source', () => getCardSource('c1'), '/api/cards/c1/source'],
  ])('gets %s', async (_, call, url) => {
    const fetchMock = stubFetch(() => jsonResponse({}));

    await call();

    expect(request(fetchMock)).toEqual({ url, method: 'GET', body: undefined });
  });

  it('returns the queue as sent', async () => {
    const sent = queue([basicItem], { nextDue: '2026-12-01T10:10:00Z' });
    stubFetch(jsonResponse(sent));

    await expect(getQueue({ kind: 'topic', id: 't1' })).resolves.toEqual(sent);
  });

  it('undoes a review with DELETE, suspends with PATCH and puts the settings', async () => {
    const fetchMock = stubFetch(() => jsonResponse({}));
    const settings = { desiredRetention: 0.85, dailyNewLimit: 10, maximumIntervalDays: 365, fuzz: false, timeZone: 'Europe/Paris' };

    await undoReview('r-1');
    await suspendCard('c1');
    await updateReviewSettings(settings);

    expect([0, 1, 2].map((n) => request(fetchMock, n))).toEqual([
      { url: '/api/reviews/r-1', method: 'DELETE', body: undefined },
      { url: '/api/cards/c1', method: 'PATCH', body: { suspended: true } },
      { url: '/api/review/settings', method: 'PUT', body: settings },
    ]);
  });

  it('returns the stats as sent', async () => {
    stubFetch(jsonResponse(reviewStats()));

    await expect(getReviewStats({ kind: 'roadmap', id: 'r1' })).resolves.toEqual(reviewStats());
  });
});

describe('gradeCard', () => {
  const stored = { reviewId: 'rev-1', cardId: 'c1', ordinal: 2, rating: 'good', reviewedAt: '2026-12-01T10:00:00Z', schedule: basicItem.schedule };

  it('posts the rating, item, duration and the given review id', async () => {
    const fetchMock = stubFetch(jsonResponse(stored));

    await expect(gradeCard('c1', { rating: 'good', ordinal: 2, durationMs: 4200 }, 'rev-1')).resolves.toEqual(stored);

    expect(request(fetchMock)).toEqual({
      url: '/api/cards/c1/reviews',
      method: 'POST',
      body: { rating: 'good', ordinal: 2, durationMs: 4200, reviewId: 'rev-1' },
    });
  });

  it('makes a UUID for the review when none is given', async () => {
    const fetchMock = stubFetch(jsonResponse(stored));

    await gradeCard('c1', { rating: 'again' });

    expect(request(fetchMock).body.reviewId).toMatch(UUID);
  });

  it('sends a grade again, with the same review id, once after a network error', async () => {
    const fetchMock = stubFetch(new TypeError('fetch failed'), jsonResponse(stored));

    await expect(gradeCard('c1', { rating: 'hard' }, 'rev-1')).resolves.toEqual(stored);

    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(request(fetchMock, 1)).toEqual(request(fetchMock, 0));
    expect(request(fetchMock, 1).body.reviewId).toBe('rev-1');
  });

  it('gives up after the second network error', async () => {
    const fetchMock = stubFetch(new TypeError('fetch failed'));

    await expect(gradeCard('c1', { rating: 'hard' }, 'rev-1')).rejects.toMatchObject({ status: 0 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('does not send again a grade the server refused', async () => {
    const fetchMock = stubFetch(problemResponse(404, 'Not Found', 'No card c1.'));

    const error = await gradeCard('c1', { rating: 'easy' }, 'rev-1').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, detail: 'No card c1.' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('newReviewId', () => {
  it('builds a version 4 UUID from random bytes where randomUUID is missing (plain http)', () => {
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => bytes.fill(0xff) });

    expect(newReviewId()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('is a fresh UUID each time', () => {
    const ids = new Set(Array.from({ length: 50 }, newReviewId));

    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID);
  });
});
