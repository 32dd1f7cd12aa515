import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { IngestionStatus } from '../api/types';
import { eventStreamResponse, finished, inProgress, jsonResponse, openEventStream, problemResponse, sseEvent } from '../testing/fixtures';
import { useIngestion, type IngestionState } from './useIngestion';

const STATUS_URL = '/api/roadmaps/six-month-plan/ingestion';
const EVENTS_URL = `${STATUS_URL}/events`;

type Answer = Response | Error | ((init: RequestInit | undefined) => Response | Promise<Response>);

/** Stubs fetch with a queue of answers per URL; the last answer of a queue repeats. */
function stubRoutes(routes: Record<string, Answer[]>) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const queue = routes[url];
    if (!queue || queue.length === 0) throw new Error(`unexpected fetch ${url}`);
    const answer = queue.length > 1 ? queue.shift()! : queue[0];
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(init);
    return answer.clone();
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function callsTo(fetchMock: ReturnType<typeof stubRoutes>, url: string): number {
  return fetchMock.mock.calls.filter(([called]) => called === url).length;
}

function readyData(state: IngestionState): IngestionStatus {
  if (state.status !== 'ready') throw new Error(`not ready: ${state.status}`);
  return state.data;
}

const halfway: IngestionStatus = { ...inProgress, chunks: 460 };

describe('useIngestion', () => {
  it('loads the status, follows the event stream through progress to done and ends finished', async () => {
    const stream = openEventStream();
    const fetchMock = stubRoutes({
      [STATUS_URL]: [jsonResponse(inProgress)],
      [EVENTS_URL]: [() => stream.response],
    });

    const { result } = renderHook(() => useIngestion('six-month-plan'));
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', following: 'stream' }));
    expect(readyData(result.current)).toEqual(inProgress);

    // chunk boundaries fall in the middle of lines and of the JSON
    const progress = sseEvent('progress', halfway);
    stream.push(': heartbeat\n\nevent:prog');
    stream.push(progress.slice('event:prog'.length, 60));
    stream.push(progress.slice(60));
    await waitFor(() => expect(readyData(result.current).chunks).toBe(460));
    expect(result.current).toMatchObject({ following: 'stream', data: { finished: false } });

    const done = sseEvent('done', finished);
    stream.push(done.slice(0, 15));
    stream.push(done.slice(15));
    stream.close();
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', following: null }));
    expect(readyData(result.current)).toEqual(finished);

    expect(callsTo(fetchMock, STATUS_URL)).toBe(1);
    expect(callsTo(fetchMock, EVENTS_URL)).toBe(1);
    const [, init] = fetchMock.mock.calls.find(([url]) => url === EVENTS_URL)!;
    expect(new Headers(init?.headers).get('Accept')).toContain('text/event-stream');
  });

  it('reconnects once after a network error, then polls until finished', async () => {
    const fetchMock = stubRoutes({
      [STATUS_URL]: [jsonResponse(inProgress), jsonResponse(halfway), jsonResponse(finished)],
      [EVENTS_URL]: [new TypeError('fetch failed'), eventStreamResponse([sseEvent('progress', halfway)])],
    });

    const { result } = renderHook(() => useIngestion('six-month-plan', { pollIntervalMs: 5, reconnectDelayMs: 1 }));

    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', following: null }));
    expect(readyData(result.current).finished).toBe(true);
    // the second stream closed without `done`: no third attempt, polling instead
    expect(callsTo(fetchMock, EVENTS_URL)).toBe(2);
    expect(callsTo(fetchMock, STATUS_URL)).toBe(3);
  });

  it('keeps polling through a network error while polling', async () => {
    const fetchMock = stubRoutes({
      [STATUS_URL]: [jsonResponse(inProgress), new TypeError('fetch failed'), jsonResponse(finished)],
      [EVENTS_URL]: [new TypeError('fetch failed')],
    });

    const { result } = renderHook(() => useIngestion('six-month-plan', { pollIntervalMs: 5, reconnectDelayMs: 1 }));

    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', following: null }));
    expect(callsTo(fetchMock, STATUS_URL)).toBe(3);
  });

  it('reports a 404 problem from the status request', async () => {
    stubRoutes({ [STATUS_URL]: [problemResponse(404, 'Not Found', 'No roadmap with id six-month-plan.')] });

    const { result } = renderHook(() => useIngestion('six-month-plan'));

    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current).toMatchObject({ error: { status: 404, detail: 'No roadmap with id six-month-plan.' } });
  });

  it('reports a 404 problem from the event stream without retrying it', async () => {
    const fetchMock = stubRoutes({
      [STATUS_URL]: [jsonResponse(inProgress)],
      [EVENTS_URL]: [problemResponse(404, 'Not Found', 'No roadmap with id six-month-plan.')],
    });

    const { result } = renderHook(() => useIngestion('six-month-plan', { reconnectDelayMs: 1 }));

    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current).toMatchObject({ error: { status: 404 } });
    expect(callsTo(fetchMock, EVENTS_URL)).toBe(1);
  });

  it('aborts the stream when unmounted', async () => {
    let streamSignal: AbortSignal | undefined;
    stubRoutes({
      [STATUS_URL]: [jsonResponse(inProgress)],
      [EVENTS_URL]: [
        (init) => {
          streamSignal = init?.signal ?? undefined;
          // a stream that stays open: only the abort ends it
          const body = new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(sseEvent('progress', halfway)));
            },
          });
          return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
        },
      ],
    });

    const { result, unmount } = renderHook(() => useIngestion('six-month-plan'));
    await waitFor(() => expect(result.current.status === 'ready' && result.current.data.chunks).toBe(460));

    unmount();

    expect(streamSignal?.aborted).toBe(true);
  });
});
