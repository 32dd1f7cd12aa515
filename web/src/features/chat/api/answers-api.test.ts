import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { eventStreamResponse, problemResponse, sseEvent } from '../../../test/responses';
import { byteChunks, completeAnswer, prometheus, sreBook } from '../testing/fixtures';
import { streamAnswer } from './answers-api';
import type { AnswerEvent } from './types';

async function collect(events: AsyncIterable<AnswerEvent>): Promise<AnswerEvent[]> {
  const seen: AnswerEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

describe('streamAnswer', () => {
  it('posts the question as JSON and asks for an event stream', async () => {
    const fetchMock = vi.fn(async () => eventStreamResponse(completeAnswer));
    vi.stubGlobal('fetch', fetchMock);

    await collect(streamAnswer({ question: 'What is Prometheus?', topicId: 't-1', conversationId: 'conv-1' }));

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/answers');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ question: 'What is Prometheus?', topicId: 't-1', conversationId: 'conv-1' });
    const headers = new Headers(init.headers);
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Accept')).toContain('text/event-stream');
  });

  it.each([1, 7, 64])('yields typed events in order, skipping heartbeats, when %i-byte chunks split them', async (size) => {
    vi.stubGlobal('fetch', vi.fn(async () => eventStreamResponse(byteChunks(completeAnswer.join(''), size))));

    const events = await collect(streamAnswer({ question: 'What is Prometheus?' }));

    expect(events.map((event) => event.type)).toEqual(['sources', 'token', 'token', 'citation', 'token', 'citation', 'token', 'done']);
    expect(events[0]).toMatchObject({ type: 'sources', data: { mode: 'llm', conversationId: 'conv-1', sources: [prometheus, sreBook, {}] } });
    expect(events[3]).toEqual({ type: 'citation', data: { n: 1, chunkId: prometheus.chunkId } });
    expect(events[7]).toMatchObject({ type: 'done', data: { conversationId: 'conv-1', latencyMs: 2310 } });
  });

  it('skips unknown events and undecodable data, and stops reading at the terminal event', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        eventStreamResponse([
          sseEvent('sources', { mode: 'extractive', conversationId: 'c', sources: [] }),
          'event:token\ndata:not json\n\n',
          sseEvent('progress', { done: 1 }),
          'data:{"text":"unnamed"}\n\n',
          sseEvent('done', { mode: 'extractive', conversationId: 'c' }),
          sseEvent('token', { text: 'after the end' }),
        ]),
      ),
    );

    const events = await collect(streamAnswer({ question: 'q' }));

    expect(events.map((event) => event.type)).toEqual(['sources', 'done']);
  });

  it('throws the problem of a rejected question as an ApiError', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problemResponse(400, 'Bad Request', 'question: size must be between 1 and 2000')));

    const error = await collect(streamAnswer({ question: 'x'.repeat(2001) })).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, detail: 'question: size must be between 1 and 2000' });
  });
});
