import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { eventStreamResponse, jsonResponse, openEventStream, problemResponse, sseEvent } from '../../../test/responses';
import {
  basicCard,
  byteChunks,
  cardCounts,
  cardEvent,
  cardSource,
  clozeCard,
  generationDoneEvent,
  generationFailedEvent,
  skippedEvent,
} from '../testing/fixtures';
import {
  createCard,
  deleteCard,
  getCard,
  getCardCounts,
  getCardSource,
  keepStaleCard,
  listRoadmapCards,
  listTopicCards,
  regenerateStaleCard,
  streamCardGeneration,
  updateCard,
} from './cards-api';
import type { GenerationEvent } from './types';

function stubFetch(response: () => Response) {
  const fetchMock = vi.fn(async () => response());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The URL, method, JSON body and headers of the nth fetch call. */
function request(fetchMock: ReturnType<typeof stubFetch>, n = 0) {
  const [url, init = {}] = fetchMock.mock.calls[n] as unknown as [string, RequestInit | undefined];
  return {
    url,
    method: init.method ?? 'GET',
    body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
    headers: new Headers(init.headers),
  };
}

async function collect(events: AsyncIterable<GenerationEvent>): Promise<GenerationEvent[]> {
  const seen: GenerationEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

describe('card endpoints', () => {
  it.each([
    ['lists a topic’s cards', () => listTopicCards('t 1'), 'GET', '/api/topics/t%201/cards'],
    ['lists a topic’s stale cards', () => listTopicCards('t1', { stale: true }), 'GET', '/api/topics/t1/cards?stale=true'],
    ['pages a roadmap’s cards', () => listRoadmapCards('caching', { page: 2, size: 20 }), 'GET', '/api/roadmaps/caching/cards?page=2&size=20'],
    ['pages a roadmap’s stale cards', () => listRoadmapCards('caching', { stale: true }), 'GET', '/api/roadmaps/caching/cards?page=0&size=50&stale=true'],
    ['counts a roadmap’s cards', () => getCardCounts('caching'), 'GET', '/api/roadmaps/caching/cards/counts'],
    ['gets a card', () => getCard('c1'), 'GET', '/api/cards/c1'],
    ['gets a card’s source', () => getCardSource('c1'), 'GET', '/api/cards/c1/source'],
    ['keeps a stale card', () => keepStaleCard('c1'), 'POST', '/api/cards/c1/stale/keep'],
    ['regenerates a stale card', () => regenerateStaleCard('c1'), 'POST', '/api/cards/c1/stale/regenerate'],
  ])('%s', async (_, call, method, url) => {
    const fetchMock = stubFetch(() => jsonResponse({}));

    await call();

    expect(request(fetchMock)).toMatchObject({ url, method, body: undefined });
    expect(request(fetchMock).headers.get('Accept')).toContain('application/problem+json');
  });

  it('creates a card with a JSON body and returns the stored card', async () => {
    const fetchMock = stubFetch(() => jsonResponse(clozeCard, 201));

    const created = await createCard('t1', { type: 'cloze', text: '{{c1::Redis}} is fast.' });

    expect(created).toEqual(clozeCard);
    const sent = request(fetchMock);
    expect(sent).toMatchObject({ url: '/api/topics/t1/cards', method: 'POST', body: { type: 'cloze', text: '{{c1::Redis}} is fast.' } });
    expect(sent.headers.get('Content-Type')).toBe('application/json');
  });

  it('patches only the given fields', async () => {
    const fetchMock = stubFetch(() => jsonResponse({ ...basicCard, back: 'New', edited: true }));

    const updated = await updateCard('card-basic', { back: 'New' });

    expect(updated.edited).toBe(true);
    expect(request(fetchMock)).toMatchObject({ url: '/api/cards/card-basic', method: 'PATCH', body: { back: 'New' } });
  });

  it('deletes a card and resolves on 204', async () => {
    const fetchMock = stubFetch(() => new Response(null, { status: 204 }));

    await expect(deleteCard('card-basic')).resolves.toBeUndefined();
    expect(request(fetchMock)).toMatchObject({ url: '/api/cards/card-basic', method: 'DELETE' });
  });

  it('returns counts and sources as sent', async () => {
    stubFetch(() => jsonResponse(cardCounts));
    await expect(getCardCounts('caching')).resolves.toEqual(cardCounts);
    stubFetch(() => jsonResponse(cardSource));
    await expect(getCardSource('c1')).resolves.toEqual(cardSource);
  });

  it('throws the problem of a rejected card as an ApiError', async () => {
    stubFetch(() => problemResponse(422, 'Card not regenerable', 'Nothing in the current passage can be turned into a card.'));

    const error = await regenerateStaleCard('c1').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, detail: 'Nothing in the current passage can be turned into a card.' });
  });
});

describe('streamCardGeneration', () => {
  const stream = [
    ': heartbeat\n\n',
    cardEvent(basicCard),
    skippedEvent('duplicate', 'What is Redis?'),
    sseEvent('notice', { kind: 'fallback', message: 'The model failed; offline cards follow.' }),
    ':heartbeat\n\n',
    skippedEvent('quote-not-found'),
    cardEvent(clozeCard),
    generationDoneEvent({ accepted: 2, skipped: 2 }),
  ].join('');

  it('posts the request as JSON and asks for an event stream', async () => {
    const fetchMock = stubFetch(() => eventStreamResponse([generationDoneEvent()]));

    await collect(streamCardGeneration('t1', { count: 5, types: ['cloze'] }));

    const sent = request(fetchMock);
    expect(sent).toMatchObject({ url: '/api/topics/t1/cards/generate', method: 'POST', body: { count: 5, types: ['cloze'] } });
    expect(sent.headers.get('Content-Type')).toBe('application/json');
    expect(sent.headers.get('Accept')).toContain('text/event-stream');
  });

  it.each([1, 9, 100])('yields cards, skips, notices and done in order when %i-byte chunks split them', async (size) => {
    stubFetch(() => eventStreamResponse(byteChunks(stream, size)));

    const events = await collect(streamCardGeneration('t1', { count: 10 }));

    expect(events.map((event) => event.type)).toEqual(['card', 'skipped', 'notice', 'skipped', 'card', 'done']);
    expect(events[0]).toEqual({ type: 'card', data: basicCard });
    expect(events[1]).toEqual({ type: 'skipped', data: { front: 'What is Redis?', reason: 'duplicate', detail: 'Skipped: duplicate.' } });
    expect(events[2]).toMatchObject({ type: 'notice', data: { kind: 'fallback' } });
    expect(events[4]).toEqual({ type: 'card', data: clozeCard });
    expect(events[5]).toMatchObject({ type: 'done', data: { mode: 'extractive', accepted: 2, skipped: 2, durationMs: 1234 } });
  });

  it('ends at a failed event with its problem', async () => {
    stubFetch(() => eventStreamResponse([cardEvent(basicCard), generationFailedEvent('The model broke.'), cardEvent(clozeCard)]));

    const events = await collect(streamCardGeneration('t1', { count: 10 }));

    expect(events.map((event) => event.type)).toEqual(['card', 'failed']);
    expect(events[1]).toMatchObject({ data: { status: 502, detail: 'The model broke.' } });
  });

  it('throws a 400 problem before the stream as an ApiError', async () => {
    stubFetch(() => problemResponse(400, 'Bad Request', 'count: must be between 1 and 50'));

    await expect(collect(streamCardGeneration('t1', { count: 99 }))).rejects.toMatchObject({ status: 400, detail: 'count: must be between 1 and 50' });
  });

  it('stops with an AbortError and cancels the request when aborted', async () => {
    const open = openEventStream();
    stubFetch(() => open.response);
    const controller = new AbortController();
    const seen: string[] = [];

    const reading = (async () => {
      for await (const event of streamCardGeneration('t1', { count: 10 }, controller.signal)) {
        seen.push(event.type);
        controller.abort();
      }
    })();
    open.push(cardEvent(basicCard));

    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['card']);
    expect(open.cancelled()).toBe(true);
  });
});
