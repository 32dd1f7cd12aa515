import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { eventStreamResponse, openEventStream, problemResponse, sseEvent } from '../../../test/responses';
import {
  byteChunks,
  citationEvent,
  completeAnswer,
  doneEvent,
  prometheus,
  sourcesEvent,
  sreBook,
  tokenEvent,
  topicText,
} from '../testing/fixtures';
import { ChatPanel } from './ChatPanel';

function stubFetch(...responses: (Response | Error)[]) {
  const fetchMock = vi.fn(async () => {
    const next = responses.shift();
    if (!next) throw new Error('unexpected fetch');
    if (next instanceof Error) throw next;
    return next;
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function input(): HTMLTextAreaElement {
  return screen.getByLabelText('Your question');
}

function ask(question: string) {
  fireEvent.change(input(), { target: { value: question } });
  fireEvent.keyDown(input(), { key: 'Enter' });
}

async function settledAnswer(state = 'done'): Promise<HTMLElement> {
  await waitFor(() => expect(screen.getByTestId('answer').dataset.state).toBe(state));
  return screen.getByTestId('answer');
}

describe('ChatPanel', () => {
  it('sends with Enter and streams an answer whose markers are chips', async () => {
    const fetchMock = stubFetch(eventStreamResponse(byteChunks(completeAnswer.join(''), 5)));
    render(<ChatPanel topicId="topic-1" title="Ask about this topic" />);
    expect(screen.getByRole('heading', { name: 'Ask about this topic' })).toBeTruthy();

    ask('What does Prometheus store?');

    const answer = await settledAnswer();
    expect(screen.getByText('What does Prometheus store?')).toBeTruthy();
    expect(input().value).toBe('');
    expect(within(answer).getByText('metrics').tagName).toBe('STRONG');
    expect(within(answer).getAllByTestId('citation-chip').map((chip) => chip.dataset.n)).toEqual(['1', '2']);
    expect(within(answer).getByText(/Answered by qwen2\.5:7b-instruct in 2\.3 s/)).toBeTruthy();
    expect(within(answer).queryByTestId('offline-badge')).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('opens the cited passage with its link, heading path, page and full text', async () => {
    stubFetch(eventStreamResponse(completeAnswer));
    render(<ChatPanel topicId="topic-1" />);
    ask('Golden signals?');
    const answer = await settledAnswer();

    fireEvent.click(within(answer).getByRole('button', { name: 'Source 2: Site Reliability Engineering' }));

    const panel = screen.getByTestId('source-panel');
    expect(within(panel).getByRole('heading').textContent).toBe('[2] Site Reliability Engineering');
    expect(within(panel).getByRole('link').getAttribute('href')).toBe(sreBook.url);
    expect(panel.textContent).toContain('Monitoring Distributed Systems › The Four Golden Signals · p. 12');
    expect(within(panel).getByTestId('source-text').textContent).toBe(sreBook.text);
    expect(document.activeElement).toBe(panel);

    fireEvent.click(within(answer).getByRole('button', { name: 'Source 1: Prometheus overview' }));
    const passage = within(screen.getByTestId('source-panel')).getByTestId('source-text');
    // the passage is text: its markup shows literally instead of becoming elements
    expect(passage.textContent).toBe(prometheus.text);
    expect(passage.querySelector('b')).toBeNull();

    fireEvent.keyDown(screen.getByTestId('source-panel'), { key: 'Escape' });
    expect(screen.queryByTestId('source-panel')).toBeNull();
  });

  it('shows a topic text source by title only, without a link', async () => {
    stubFetch(eventStreamResponse([sourcesEvent(), tokenEvent('See the plan [3].'), citationEvent(topicText), doneEvent()]));
    render(<ChatPanel topicId="topic-1" />);
    ask('What is this week about?');
    const answer = await settledAnswer();

    fireEvent.click(within(answer).getByTestId('citation-chip'));

    const panel = screen.getByTestId('source-panel');
    expect(within(panel).queryByRole('link')).toBeNull();
    expect(panel.textContent).not.toContain('groundwork:topic');
    expect(within(panel).getByTestId('source-text').textContent).toBe(topicText.text);
  });

  it('lists the sources under the answer and opens a passage from the list', async () => {
    stubFetch(eventStreamResponse(completeAnswer));
    render(<ChatPanel topicId="topic-1" />);
    ask('q');
    const answer = await settledAnswer();

    const items = within(within(answer).getByTestId('source-list')).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.source-list__number')?.textContent)).toEqual(['[1]', '[2]', '[3]']);
    expect(within(items[0]).getByRole('link', { name: /Prometheus overview/ }).getAttribute('href')).toBe(prometheus.url);
    expect(within(items[2]).queryByRole('link')).toBeNull();
    expect(items.map((item) => item.dataset.cited)).toEqual(['true', 'true', 'false']);

    fireEvent.click(within(items[2]).getByRole('button', { name: 'Show passage 3' }));
    expect(within(screen.getByTestId('source-panel')).getByRole('heading').textContent).toBe('[3] Week 3: Observability');
  });

  it('never puts scripts or event handlers from tokens into the page', async () => {
    const alertSpy = vi.fn();
    vi.stubGlobal('alert', alertSpy);
    stubFetch(
      eventStreamResponse([
        sourcesEvent(),
        tokenEvent('Safe <scr'),
        tokenEvent('ipt>alert("x")</script> text <img src=x onerror="alert(1)"> and <a href="#" onclick="alert(2)">link</a> [1]'),
        doneEvent(),
      ]),
    );
    const { container } = render(<ChatPanel topicId="topic-1" />);
    ask('q');
    const answer = await settledAnswer();

    expect(container.querySelector('script, img')).toBeNull();
    expect(container.querySelector('[onerror], [onclick]')).toBeNull();
    expect(answer.textContent).toContain('Safe');
    expect(within(answer).getAllByTestId('citation-chip')).toHaveLength(1);
    expect(alertSpy).not.toHaveBeenCalled();
  });

  it('marks an extractive answer with the offline badge and explains it', async () => {
    stubFetch(eventStreamResponse([sourcesEvent({ mode: 'extractive' }), tokenEvent('> Quoted passage [1]'), doneEvent({ mode: 'extractive', model: null })]));
    render(<ChatPanel roadmapId="roadmap-1" />);
    ask('q');
    const answer = await settledAnswer();

    const badge = within(answer).getByTestId('offline-badge');
    expect(badge.textContent).toContain('Offline mode');
    expect(badge.getAttribute('title')).toMatch(/extracted from your sources, not generated/);
    expect(within(answer).getByText(/Extracted from your sources in 2\.3 s/)).toBeTruthy();
  });

  it('shows a fallback notice and switches to offline mode mid-answer', async () => {
    const message = 'The model did not answer (timeout); the answer is extracted from your sources instead.';
    stubFetch(
      eventStreamResponse([
        sourcesEvent(),
        sseEvent('notice', { kind: 'fallback', message }),
        tokenEvent('Extracted [1].'),
        doneEvent({ mode: 'extractive', model: null }),
      ]),
    );
    render(<ChatPanel topicId="topic-1" />);
    ask('q');
    const answer = await settledAnswer();

    expect(within(answer).getByText(message)).toBeTruthy();
    expect(within(answer).getByTestId('offline-badge')).toBeTruthy();
  });

  it('counts the sentences without a citation', async () => {
    stubFetch(eventStreamResponse([sourcesEvent(), tokenEvent('One. Two.'), doneEvent({ unsupported: ['One.', 'Two.'], droppedCitations: [7] })]));
    render(<ChatPanel topicId="topic-1" />);
    ask('q');
    const answer = await settledAnswer();

    expect(within(answer).getByTestId('unsupported-note').textContent).toContain('2 sentences without a citation');
  });

  it('says when nothing relevant was found', async () => {
    stubFetch(eventStreamResponse([sourcesEvent({ sources: [] }), tokenEvent('I found nothing on that.'), doneEvent()]));
    render(<ChatPanel topicId="topic-1" />);
    ask('q');
    const answer = await settledAnswer();

    expect(within(answer).getByText(/No relevant passages were found/)).toBeTruthy();
    expect(within(answer).queryByTestId('source-list')).toBeNull();
  });

  it('shows the problem of a rejected question as an alert', async () => {
    stubFetch(problemResponse(404, 'Not Found', 'No topic with id topic-9.'));
    render(<ChatPanel topicId="topic-9" />);
    ask('q');
    const answer = await settledAnswer('failed');

    expect(within(answer).getByRole('alert').textContent).toContain('No topic with id topic-9.');
  });

  it('shows a failed event as an alert', async () => {
    stubFetch(
      eventStreamResponse([sourcesEvent(), sseEvent('failed', { type: 'about:blank', title: 'Generation failed', status: 502, detail: 'The model broke.' })]),
    );
    render(<ChatPanel topicId="topic-1" />);
    ask('q');
    const answer = await settledAnswer('failed');

    expect(within(answer).getByRole('alert').textContent).toContain('The model broke.');
  });

  it('shows a network error as an alert', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    render(<ChatPanel topicId="topic-1" />);
    ask('q');
    const answer = await settledAnswer('failed');

    expect(within(answer).getByRole('alert').textContent).toContain('Could not reach the Groundwork server');
  });

  it('disables the box while streaming, and Stop keeps the partial answer marked as stopped', async () => {
    const stream = openEventStream();
    stubFetch(stream.response);
    render(<ChatPanel topicId="topic-1" />);
    ask('Explain');
    stream.push(sourcesEvent() + tokenEvent('Half of the answer [1]'));
    await waitFor(() => expect(screen.getByTestId('citation-chip')).toBeTruthy());

    const answer = screen.getByTestId('answer');
    expect(answer.dataset.state).toBe('streaming');
    expect(answer.querySelector('[aria-live=polite]')).toBeTruthy();
    expect(input().disabled).toBe(true);
    expect((screen.getByTestId('chat-send') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));

    expect(answer.dataset.state).toBe('stopped');
    expect(answer.textContent).toContain('Half of the answer');
    expect(within(answer).getByText('Stopped')).toBeTruthy();
    expect(screen.queryByTestId('chat-stop')).toBeNull();
    expect(input().disabled).toBe(false);
    await waitFor(() => expect(stream.cancelled()).toBe(true));
  });

  it('adds a line on Shift+Enter, counts characters and sends nothing blank', () => {
    const fetchMock = stubFetch();
    render(<ChatPanel topicId="topic-1" />);

    fireEvent.change(input(), { target: { value: 'line one' } });
    fireEvent.keyDown(input(), { key: 'Enter', shiftKey: true });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByText(/8 \/ 2000/)).toBeTruthy();
    expect(input().maxLength).toBe(2000);

    fireEvent.change(input(), { target: { value: '   ' } });
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect((screen.getByTestId('chat-send') as HTMLButtonElement).disabled).toBe(true);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends with the Send button and keeps earlier turns', async () => {
    stubFetch(eventStreamResponse(completeAnswer), eventStreamResponse([sourcesEvent(), tokenEvent('Second.'), doneEvent()]));
    render(<ChatPanel topicId="topic-1" />);
    ask('First');
    await settledAnswer();

    fireEvent.change(input(), { target: { value: 'Second' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    await waitFor(() => expect(screen.getAllByTestId('answer').map((answer) => answer.dataset.state)).toEqual(['done', 'done']));
    expect(screen.getAllByTestId('answer')[1].textContent).toContain('Second.');
  });
});
