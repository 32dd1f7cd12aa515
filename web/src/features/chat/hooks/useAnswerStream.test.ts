import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { eventStreamResponse, openEventStream, problemResponse } from '../../../test/responses';
import { completeAnswer, doneEvent, failedEvent, sourcesEvent, tokenEvent } from '../testing/fixtures';
import { useAnswerStream } from './useAnswerStream';

type Answer = Response | Error | ((init: RequestInit | undefined) => Response);

/** Stubs fetch with one answer per call, in order. */
function stubAnswers(...answers: Answer[]) {
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    const answer = answers.shift();
    if (!answer) throw new Error('unexpected fetch');
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(init) : answer;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** Stubs fetch with one stream the test writes to; `signal()` is the request's abort signal. */
function stubOpenStream() {
  const stream = openEventStream();
  let signal: AbortSignal | undefined;
  const fetchMock = stubAnswers((init) => {
    signal = init?.signal ?? undefined;
    return stream.response;
  });
  return { stream, fetchMock, signal: () => signal };
}

function bodyOf(fetchMock: ReturnType<typeof stubAnswers>, call: number): unknown {
  return JSON.parse(String(fetchMock.mock.calls[call][1]?.body));
}

describe('useAnswerStream', () => {
  it('goes from idle through streaming to done with the whole answer', async () => {
    stubAnswers(eventStreamResponse(completeAnswer));
    const { result } = renderHook(() => useAnswerStream({ topicId: 'topic-1' }));
    expect(result.current.status).toBe('idle');

    act(() => {
      result.current.ask('  What is Prometheus?  ');
    });
    expect(result.current.status).toBe('streaming');

    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.turns).toHaveLength(1);
    expect(result.current.turns[0]).toMatchObject({
      question: 'What is Prometheus?',
      mode: 'llm',
      text: 'Prometheus stores **metrics** as time series [1]. Watch the golden signals [2].',
      citations: [{ n: 1 }, { n: 2 }],
      done: { model: 'qwen2.5:7b-instruct' },
    });
  });

  it('sends the conversation id of the first answer with the follow-up question', async () => {
    const fetchMock = stubAnswers(
      eventStreamResponse([sourcesEvent({ conversationId: 'conv-42' }), tokenEvent('One.'), doneEvent({ conversationId: 'conv-42' })]),
      eventStreamResponse(completeAnswer),
    );
    const { result } = renderHook(() => useAnswerStream({ roadmapId: 'roadmap-7' }));

    act(() => {
      result.current.ask('First question');
    });
    await waitFor(() => expect(result.current.status).toBe('done'));
    act(() => {
      result.current.ask('And a follow-up?');
    });
    await waitFor(() => expect(result.current.turns[1]?.state).toBe('done'));

    expect(bodyOf(fetchMock, 0)).toEqual({ question: 'First question', roadmapId: 'roadmap-7' });
    expect(bodyOf(fetchMock, 1)).toEqual({ question: 'And a follow-up?', roadmapId: 'roadmap-7', conversationId: 'conv-42' });
  });

  it('refuses a second question while an answer streams, and an empty one', async () => {
    const { fetchMock } = stubOpenStream();
    const { result } = renderHook(() => useAnswerStream());

    let accepted: boolean[] = [];
    act(() => {
      accepted = [result.current.ask('   '), result.current.ask('first'), result.current.ask('second')];
    });

    expect(accepted).toEqual([false, true, false]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    act(() => result.current.stop());
  });

  it('stop aborts the request, cancels the stream and keeps the partial answer', async () => {
    const { stream, signal } = stubOpenStream();
    const { result } = renderHook(() => useAnswerStream());
    act(() => {
      result.current.ask('Explain the golden signals');
    });
    stream.push(sourcesEvent() + tokenEvent('Latency, traffic'));
    await waitFor(() => expect(result.current.turns[0].text).toBe('Latency, traffic'));

    act(() => result.current.stop());

    expect(signal()?.aborted).toBe(true);
    await waitFor(() => expect(stream.cancelled()).toBe(true));
    expect(result.current.status).toBe('stopped');
    expect(result.current.turns[0]).toMatchObject({ state: 'stopped', text: 'Latency, traffic', error: null });
  });

  it('fails with the problem detail when the server rejects the question', async () => {
    stubAnswers(problemResponse(404, 'Not Found', 'No topic with id topic-9.'));
    const { result } = renderHook(() => useAnswerStream({ topicId: 'topic-9' }));

    act(() => {
      result.current.ask('Anything?');
    });

    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(result.current.turns[0].error).toEqual({ title: 'Not found', message: 'No topic with id topic-9.' });
  });

  it('fails with the problem detail of a failed event, keeping the text so far', async () => {
    stubAnswers(eventStreamResponse([sourcesEvent(), tokenEvent('Prometheus is'), failedEvent]));
    const { result } = renderHook(() => useAnswerStream());

    act(() => {
      result.current.ask('What is Prometheus?');
    });

    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(result.current.turns[0]).toMatchObject({
      text: 'Prometheus is',
      error: { title: 'The answer failed', message: 'The model stopped answering; try again.' },
    });
  });

  it('fails with a connection problem when the server cannot be reached', async () => {
    stubAnswers(new TypeError('fetch failed'));
    const { result } = renderHook(() => useAnswerStream());

    act(() => {
      result.current.ask('Hello?');
    });

    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(result.current.turns[0].error).toMatchObject({ title: 'Connection problem', message: expect.stringContaining('Could not reach') });
  });

  it('aborts the streaming answer when unmounted', async () => {
    const { signal } = stubOpenStream();
    const { result, unmount } = renderHook(() => useAnswerStream());
    act(() => {
      result.current.ask('q');
    });
    await waitFor(() => expect(signal()).toBeDefined());

    unmount();

    expect(signal()?.aborted).toBe(true);
  });
});
