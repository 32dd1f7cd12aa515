import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/mock-api';
import { eventStreamResponse, jsonResponse, openEventStream, problemResponse, sseEvent } from '../../../test/responses';
import { followup, gradedStream, points, q1, q2, report, score, session, storedResult } from '../testing/fixtures';
import { InterviewPage } from './InterviewPage';

const SESSION = 'GET /api/interviews/iv-1';
const ANSWER_Q1 = 'POST /api/interviews/iv-1/questions/q1/answer';

function renderPage() {
  render(
    <MemoryRouter initialEntries={['/interviews/iv-1']}>
      <Routes>
        <Route path="/interviews/:id" element={<InterviewPage autosaveMs={20} />} />
        <Route path="*" element={<p data-testid="elsewhere" />} />
      </Routes>
    </MemoryRouter>,
  );
}

const answerBox = () => screen.getByLabelText<HTMLTextAreaElement>('Your answer');

function type(text: string) {
  fireEvent.change(answerBox(), { target: { value: text } });
}

async function shownQuestion(): Promise<HTMLElement> {
  return screen.findByTestId('question');
}

describe('InterviewPage: answering', () => {
  it('shows the first pending question with what it drew on, a timer, and focus on the question', async () => {
    mockApi({ [SESSION]: () => jsonResponse(session()) });
    renderPage();

    const question = await shownQuestion();
    expect(within(question).getByTestId('question-text').textContent).toBe(q1.text);
    await waitFor(() => expect(document.activeElement).toBe(within(question).getByTestId('question-text')));
    expect(within(question).getByTestId('question-meta').textContent).toContain('Question 1 of 2');
    expect(within(question).getByTestId('question-meta').textContent).toContain('Concept');
    expect(within(question).getByTestId('question-meta').textContent).toContain('Senior');
    expect(within(question).getByTestId('question-sources').textContent).toBe('Drew on: Redis: Get started (opens in a new tab)');
    expect(within(question).queryByTestId('broadened')).toBeNull();
    expect(within(question).getByTestId('timer').textContent).toContain('00:00');
  });

  it('submits with Ctrl+Enter and streams the rubric, the scores, the cited reference and the follow-up', async () => {
    const stream = openEventStream();
    const api = mockApi({ [SESSION]: () => jsonResponse(session()), [ANSWER_Q1]: () => stream.response });
    renderPage();
    await shownQuestion();
    type('  Snapshots copy the data now and then. There is also a log.  ');

    fireEvent.keyDown(answerBox(), { key: 'Enter', ctrlKey: true });

    await waitFor(() => expect(api.changes().map((request) => request.url)).toContain('/api/interviews/iv-1/questions/q1/answer'));
    const sent = api.changes().find((request) => request.url.endsWith('/answer'))!.body as { answer: string; durationMs: number };
    expect(sent.answer).toBe('Snapshots copy the data now and then. There is also a log.');
    expect(typeof sent.durationMs).toBe('number');

    const chunks = gradedStream();
    stream.push(chunks[0]);
    const first = await screen.findByTestId('rubric-point');
    expect(screen.getByTestId('result').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('result').dataset.state).toBe('streaming');
    expect(within(first).getByTestId('verdict').textContent).toBe('Covered');
    expect(answerBox().disabled).toBe(true);

    for (const chunk of chunks.slice(1)) stream.push(chunk);
    stream.close();
    await waitFor(() => expect(screen.getByTestId('result').dataset.state).toBe('done'));

    const rows = screen.getAllByTestId('rubric-point');
    expect(rows.map((row) => row.dataset.verdict)).toEqual(['covered', 'partial', 'missed']);
    expect(rows.map((row) => within(row).getByTestId('verdict').textContent)).toEqual(['Covered', 'Partly covered', 'Missed']);
    expect(rows[0].textContent).toContain(points[0].point);
    expect(within(rows[0]).getByTestId('evidence').textContent).toBe('You said: “Snapshots copy the data now and then.”');
    expect(rows[2].textContent).toContain('Not in your answer.');
    const anchor = within(rows[2]).getByRole('link', { name: /Designing Data-Intensive Applications/ });
    expect(anchor.getAttribute('href')).toBe('https://dataintensive.net/ddia.pdf');
    expect(anchor.textContent).toContain('Replication · p. 152');
    expect(within(rows[2]).getByTestId('anchor').textContent).toContain('Asynchronous replication can lose writes that were acknowledged.');

    expect(screen.getByTestId('score-note').textContent).toBe(score.note);
    expect(screen.getByTestId('score-overall').textContent).toContain('2.3 / 4');
    expect(screen.getByTestId('score-overall').textContent).toContain('A fair start.');
    expect(screen.getByTestId('score-tradeoffs').textContent).toContain('1 / 4');

    const reference = screen.getByTestId('reference');
    expect(within(reference).getByText('RDB snapshots').tagName).toBe('STRONG');
    expect(within(reference).getAllByTestId('citation-chip').map((chip) => chip.dataset.n)).toEqual(['1', '2']);
    fireEvent.click(within(reference).getByRole('button', { name: 'Source 2: Designing Data-Intensive Applications' }));
    const cited = screen.getByTestId('reference-citation');
    expect(within(cited).getByRole('link').getAttribute('href')).toBe('https://dataintensive.net/ddia.pdf');
    expect(cited.textContent).toContain('Replication · p. 152');

    expect(screen.getByTestId('followup').textContent).toContain(followup.text);
    expect(screen.getByTestId('submitted-answer').textContent).toContain('Snapshots copy the data now and then.');
    expect(screen.getByTestId('timer').textContent).toContain('00:42');
  });

  it('asks the follow-up next, then the next question, with focus on each', async () => {
    mockApi({ [SESSION]: () => jsonResponse(session()), [ANSWER_Q1]: () => eventStreamResponse(gradedStream()) });
    renderPage();
    await shownQuestion();
    type('An answer.');
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));

    const next = await screen.findByRole('button', { name: 'Next question' });
    await waitFor(() => expect(document.activeElement).toBe(next));
    fireEvent.click(next);

    await waitFor(() => expect(screen.getByTestId('question-text').textContent).toBe(followup.text));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('question-text')));
    expect(screen.getByTestId('question-meta').textContent).toContain('Question 2 of 3');
    expect(screen.getByTestId('question-meta').textContent).toContain('Follow-up');
    expect(answerBox().value).toBe('');
    const earlier = screen.getAllByTestId('answered-question');
    expect(earlier.map((item) => item.dataset.questionId)).toEqual(['q1']);
    expect(within(earlier[0]).getAllByTestId('rubric-point')).toHaveLength(3);
  });

  it('shows a failed grading as an alert and keeps the answer to send again', async () => {
    mockApi({
      [SESSION]: () => jsonResponse(session()),
      [ANSWER_Q1]: () =>
        eventStreamResponse([
          sseEvent('point', points[0]),
          sseEvent('failed', { type: 'urn:groundwork:problem:grading-failed', title: 'Grading failed', status: 502, detail: 'The grader stopped; try again.' }),
        ]),
    });
    renderPage();
    await shownQuestion();
    type('My answer');
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));

    expect((await screen.findByRole('alert')).textContent).toContain('The grader stopped; try again.');
    expect(answerBox().value).toBe('My answer');
    expect(answerBox().disabled).toBe(false);
    expect(screen.queryByRole('button', { name: 'Next question' })).toBeNull();
  });

  it('shows the problem of an answer refused before the stream', async () => {
    mockApi({
      [SESSION]: () => jsonResponse(session()),
      [ANSWER_Q1]: () => problemResponse(409, 'Conflict', 'This question was already answered.'),
    });
    renderPage();
    await shownQuestion();
    type('Again');
    fireEvent.keyDown(answerBox(), { key: 'Enter', metaKey: true });

    expect((await screen.findByRole('alert')).textContent).toContain('This question was already answered.');
  });

  it('sends nothing blank and leaves plain Enter to the text box', async () => {
    const api = mockApi({ [SESSION]: () => jsonResponse(session()) });
    renderPage();
    await shownQuestion();

    type('   ');
    fireEvent.keyDown(answerBox(), { key: 'Enter', ctrlKey: true });
    expect((screen.getByRole('button', { name: 'Submit' }) as HTMLButtonElement).disabled).toBe(true);
    type('line');
    fireEvent.keyDown(answerBox(), { key: 'Enter' });

    await waitFor(() => expect(api.changes().map((request) => request.method)).toEqual(['PUT']));
  });

  it('autosaves the draft while typing and restores it on return', async () => {
    const api = mockApi({
      [SESSION]: () => jsonResponse(session({ questions: [{ ...q1, draft: 'Half an answer' }, q2] })),
      'PUT /api/interviews/iv-1/questions/q1/draft': () => new Response(null, { status: 204 }),
    });
    renderPage();
    await shownQuestion();
    expect(answerBox().value).toBe('Half an answer');

    type('Half an answer, and more');

    await waitFor(() => expect(api.changes()).toEqual([{ method: 'PUT', url: '/api/interviews/iv-1/questions/q1/draft', body: { answer: 'Half an answer, and more' } }]));
    await waitFor(() => expect(screen.getByTestId('draft-status').textContent).toContain('Draft saved'));
  });

  it('skips to the next question', async () => {
    const api = mockApi({
      [SESSION]: () => jsonResponse(session()),
      'POST /api/interviews/iv-1/questions/q1/skip': () => jsonResponse({ ...q1, status: 'skipped' }),
    });
    renderPage();
    await shownQuestion();

    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));

    await waitFor(() => expect(screen.getByTestId('question-text').textContent).toBe(q2.text));
    expect(screen.getByTestId('broadened').textContent).toContain('other roadmaps’ sources');
    expect(api.changes().map((request) => request.url)).toEqual(['/api/interviews/iv-1/questions/q1/skip']);
    expect(screen.getByTestId('answered-question').dataset.status).toBe('skipped');
  });
});

describe('InterviewPage: resuming', () => {
  it('shows answered questions with their stored grading and asks the next pending one', async () => {
    const answered = { ...q1, status: 'answered' as const, result: { ...storedResult, followupId: followup.id } };
    mockApi({ [SESSION]: () => jsonResponse(session({ questions: [answered, q2, { ...followup, status: 'skipped' }] })) });
    renderPage();

    await shownQuestion();
    expect(screen.getByTestId('question-text').textContent).toBe(q2.text);
    expect(screen.getByTestId('question-meta').textContent).toContain('Question 3 of 3');
    const items = screen.getAllByTestId('answered-question');
    expect(items.map((item) => item.dataset.questionId)).toEqual(['q1', 'q1-f']);
    const stored = items[0];
    expect(stored.querySelector('summary')?.textContent).toContain('2.3 / 4');
    expect(within(stored).getAllByTestId('rubric-point').map((row) => row.dataset.verdict)).toEqual(['covered', 'partial', 'missed']);
    expect(within(stored).getByTestId('score-note').textContent).toBe(score.note);
    expect(within(stored).getAllByTestId('citation-chip').map((chip) => chip.dataset.n)).toEqual(['1', '1', '2']);
    expect(within(stored).getByTestId('followup').textContent).toContain(followup.text);
    expect(stored.textContent).toContain(storedResult.answer);
  });

  it('opens on the report when no question is left', async () => {
    mockApi({
      [SESSION]: () => jsonResponse(session({ status: 'ended', questions: [{ ...q1, status: 'answered', result: storedResult }, q2] })),
      'GET /api/interviews/iv-1/report': () => jsonResponse(report()),
    });
    renderPage();

    expect((await screen.findByTestId('report-overall')).textContent).toContain('2.3 / 4');
    expect(screen.queryByTestId('end-interview')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Back to the questions' }));
    expect(screen.getByTestId('no-questions-left').textContent).toBe('This interview has ended.');
    expect(screen.getAllByTestId('answered-question')).toHaveLength(1);
  });

  it('says when the interview does not exist', async () => {
    mockApi({ [SESSION]: () => problemResponse(404, 'Not Found', 'No interview with id iv-1.') });
    renderPage();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Interview not found');
    expect(alert.textContent).toContain('No interview with id iv-1.');
  });
});

describe('InterviewPage: the report', () => {
  it('ends the interview, shows the report and makes cards from the misses', async () => {
    const api = mockApi({
      [SESSION]: () => jsonResponse(session()),
      'POST /api/interviews/iv-1/end': () => jsonResponse(session({ status: 'ended', endedAt: '2026-12-01T10:30:00Z' })),
      'GET /api/interviews/iv-1/report': () => jsonResponse(report()),
      'POST /api/interviews/iv-1/cards': () => jsonResponse({ created: 3, duplicates: 1, cards: [{ id: 'c1', front: 'AOF?' }] }),
    });
    renderPage();
    await shownQuestion();

    fireEvent.click(screen.getByRole('button', { name: 'End interview' }));

    const overall = await screen.findByTestId('report-overall');
    expect(overall.textContent).toContain('2.3 / 4');
    expect(overall.textContent).toContain('1 answered · 1 skipped · 0 not asked');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Report' })));
    const questions = screen.getAllByTestId('report-question');
    expect(questions.map((item) => within(item).getByTestId('report-question-score').textContent)).toEqual(['2.3 / 4', 'skipped']);
    expect(questions[0].textContent).toContain('1 min 05 s');
    const missed = within(questions[0]).getAllByTestId('missed-point');
    expect(missed.map((item) => item.dataset.verdict)).toEqual(['partial', 'missed']);
    expect(within(missed[1]).getByRole('link').getAttribute('href')).toBe('https://dataintensive.net/ddia.pdf');
    expect(within(screen.getByTestId('weakest-topics')).getByRole('link', { name: 'Week 1: Redis basics' }).getAttribute('href')).toBe('/topics/redis-week');
    expect(screen.getByTestId('study-next').textContent).toContain('Replication can lose acknowledged writes');

    fireEvent.click(screen.getByRole('button', { name: 'Make cards from my misses' }));

    const made = await screen.findByTestId('cards-made');
    expect(made.textContent).toBe('3 cards created, 1 already in your deck. Study them');
    expect(within(made).getByRole('link', { name: 'Study them' }).getAttribute('href')).toBe('/topics/redis-week/study');
    expect(api.changes().map((request) => `${request.method} ${request.url}`)).toEqual(['POST /api/interviews/iv-1/end', 'POST /api/interviews/iv-1/cards']);
  });

  it('shows the report on demand and goes back to the question', async () => {
    mockApi({ [SESSION]: () => jsonResponse(session()), 'GET /api/interviews/iv-1/report': () => jsonResponse(report({ status: 'active' })) });
    renderPage();
    await shownQuestion();

    fireEvent.click(screen.getByRole('button', { name: 'Report' }));
    await screen.findByTestId('report');
    fireEvent.click(screen.getByRole('button', { name: 'Back to the questions' }));

    expect((await shownQuestion()).dataset.questionId).toBe('q1');
  });

  it('shows why cards could not be made', async () => {
    mockApi({
      [SESSION]: () => jsonResponse(session({ status: 'ended' })),
      'GET /api/interviews/iv-1/report': () => jsonResponse(report()),
      'POST /api/interviews/iv-1/cards': () => problemResponse(503, 'Service Unavailable', 'The database is busy.'),
    });
    renderPage();

    fireEvent.click(await screen.findByRole('button', { name: 'Make cards from my misses' }));

    expect((await screen.findByRole('alert')).textContent).toContain('The database is busy.');
  });
});
