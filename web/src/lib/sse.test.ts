import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import { readEventStream, readJsonEvents, SseParser, type JsonEvent, type ServerSentEvent } from './sse';

const STREAM =
  ': heartbeat\n\n' +
  'event:progress\ndata:{"done":1}\n\n' +
  ': heartbeat\n' +
  'event: progress\r\ndata: {"done":2,\r\ndata: "note":"two lines"}\r\n\r\n' +
  'data: unnamed\rid: 7\r\r' +
  'event:done\ndata:{"done":3}\n\n';

const EXPECTED: ServerSentEvent[] = [
  { event: 'progress', data: '{"done":1}', id: null },
  { event: 'progress', data: '{"done":2,\n"note":"two lines"}', id: null },
  { event: 'message', data: 'unnamed', id: '7' },
  { event: 'done', data: '{"done":3}', id: '7' },
];

function parseInChunks(chunks: string[]): ServerSentEvent[] {
  const parser = new SseParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

/** Splits `text` into pieces of `size` characters. */
function split(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function collect(events: AsyncIterable<ServerSentEvent>): Promise<ServerSentEvent[]> {
  const seen: ServerSentEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

describe('SseParser', () => {
  it('parses named events, multi-line data, ids and every line ending, skipping comments', () => {
    expect(parseInChunks([STREAM])).toEqual(EXPECTED);
  });

  it.each([1, 2, 3, 5, 7, 13])('gives the same events when chunks of %i characters split lines anywhere', (size) => {
    expect(parseInChunks(split(STREAM, size))).toEqual(EXPECTED);
  });

  it('waits for the rest of a line split mid-field and mid-value', () => {
    const parser = new SseParser();
    expect(parser.push('eve')).toEqual([]);
    expect(parser.push('nt: progr')).toEqual([]);
    expect(parser.push('ess\nda')).toEqual([]);
    expect(parser.push('ta: {"a"')).toEqual([]);
    expect(parser.push(':1}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'progress', data: '{"a":1}', id: null }]);
  });

  it('treats a CR at the end of a chunk and an LF at the start of the next as one line break', () => {
    const parser = new SseParser();
    expect(parser.push('data: x\r')).toEqual([]);
    expect(parser.push('\n\r')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'message', data: 'x', id: null }]);
  });

  it('does not dispatch an event without data or one the stream ends inside', () => {
    const parser = new SseParser();
    expect(parser.push('event: progress\n\n: only a comment\n\nevent: done\ndata: {}')).toEqual([]);
  });

  it('keeps an empty data line and a value without a space after the colon', () => {
    expect(parseInChunks(['data:\ndata:a:b\n\n'])).toEqual([{ event: 'message', data: '\na:b', id: null }]);
  });

  it('strips a leading byte order mark', () => {
    expect(parseInChunks(['\uFEFFdata: x\n\n'])).toEqual([{ event: 'message', data: 'x', id: null }]);
  });
});

describe('readEventStream', () => {
  it('reads events from a fetched stream whose bytes split lines and characters', async () => {
    const bytes = new TextEncoder().encode('event: progress\ndata: {"title":"Données"}\n\n');
    const chunks = [bytes.slice(0, 5), bytes.slice(5, 37), bytes.slice(37, 38), bytes.slice(38)];
    const fetchMock = vi.fn(async () => new Response(streamOf(chunks), { headers: { 'Content-Type': 'text/event-stream' } }));
    vi.stubGlobal('fetch', fetchMock);

    await expect(collect(readEventStream('/api/stream'))).resolves.toEqual([
      { event: 'progress', data: '{"title":"Données"}', id: null },
    ]);
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('Accept')).toContain('text/event-stream');
  });

  it('throws an ApiError with the ProblemDetail of an error answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ title: 'Not Found', status: 404, detail: 'No roadmap with id nope.' }), {
            status: 404,
            headers: { 'Content-Type': 'application/problem+json' },
          }),
      ),
    );

    const error = await collect(readEventStream('/api/stream')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, detail: 'No roadmap with id nope.' });
  });

  it('reports an unreachable server as an ApiError with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));

    await expect(collect(readEventStream('/api/stream'))).rejects.toMatchObject({ status: 0 });
  });

  it('stops with an AbortError when the signal aborts while waiting for data', async () => {
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('data: first\n\n'));
        // never closes: only the abort ends it
      },
    });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { headers: { 'Content-Type': 'text/event-stream' } })));
    const controller = new AbortController();
    const seen: string[] = [];

    const reading = (async () => {
      for await (const event of readEventStream('/api/stream', { signal: controller.signal })) {
        seen.push(event.data);
        controller.abort();
      }
    })();

    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['first']);
  });
});

describe('readJsonEvents', () => {
  it('yields the named JSON object events and stops after the terminal one', async () => {
    const stream =
      'event:card\ndata:{"id":"a"}\n\n' +
      ': heartbeat\n\n' +
      'event:card\ndata:not json\n\n' +
      'event:card\ndata:[1,2]\n\n' +
      'event:progress\ndata:{"n":1}\n\n' +
      'event:done\ndata:{"accepted":1}\n\n' +
      'event:card\ndata:{"id":"after"}\n\n';
    vi.stubGlobal('fetch', vi.fn(async () => new Response(streamOf([stream]), { headers: { 'Content-Type': 'text/event-stream' } })));

    const seen: JsonEvent[] = [];
    for await (const event of readJsonEvents('/api/stream', {}, new Set(['card', 'done']))) seen.push(event);

    expect(seen).toEqual([
      { type: 'card', data: { id: 'a' } },
      { type: 'done', data: { accepted: 1 } },
    ]);
  });
});
