import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/mock-api';
import { jsonResponse, problemResponse } from '../../../test/responses';
import { ROADMAP_ID, session, summaries, TOPIC_ID } from '../testing/fixtures';
import { InterviewPanel, type InterviewPanelProps } from './InterviewPanel';

const LIST = `GET /api/interviews?roadmapId=${ROADMAP_ID}`;

function Where() {
  return <p data-testid="location">{useLocation().pathname}</p>;
}

function renderPanel(props: InterviewPanelProps) {
  render(
    <MemoryRouter initialEntries={['/here']}>
      <Routes>
        <Route path="/here" element={<InterviewPanel {...props} />} />
        <Route path="*" element={<Where />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('InterviewPanel', () => {
  it('starts a senior interview of 5 questions on the topic and opens it', async () => {
    const api = mockApi({ [LIST]: () => jsonResponse([]), 'POST /api/interviews': () => jsonResponse(session(), 201) });
    renderPanel({ kind: 'topic', topicId: TOPIC_ID, roadmapId: ROADMAP_ID });

    expect(screen.getByLabelText<HTMLSelectElement>('Level').value).toBe('senior');
    expect(screen.getByLabelText<HTMLInputElement>('Questions').value).toBe('5');
    fireEvent.click(screen.getByRole('button', { name: 'Start the interview' }));

    expect((await screen.findByTestId('location')).textContent).toBe('/interviews/iv-1');
    expect(api.changes()).toEqual([{ method: 'POST', url: '/api/interviews', body: { topicId: TOPIC_ID, level: 'senior', questions: 5 } }]);
  });

  it('sends the chosen level, count and kinds for a roadmap', async () => {
    const api = mockApi({ [LIST]: () => jsonResponse([]), 'POST /api/interviews': () => jsonResponse(session(), 201) });
    renderPanel({ kind: 'roadmap', roadmapId: ROADMAP_ID });

    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'staff' } });
    fireEvent.change(screen.getByLabelText('Questions'), { target: { value: '2' } });
    fireEvent.click(screen.getByLabelText('Debugging'));
    fireEvent.click(screen.getByLabelText('Trade-off'));
    fireEvent.click(screen.getByRole('button', { name: 'Start the interview' }));

    await screen.findByTestId('location');
    expect(api.changes()[0].body).toEqual({ roadmapId: ROADMAP_ID, level: 'staff', questions: 2, kinds: ['trade-off', 'debugging'] });
  });

  it('refuses a count outside 1–15 and shows the server’s problem', async () => {
    const api = mockApi({
      [LIST]: () => jsonResponse([]),
      'POST /api/interviews': () => problemResponse(422, 'Unprocessable Entity', 'Nothing in your sources supports an interview question yet.'),
    });
    renderPanel({ kind: 'topic', topicId: TOPIC_ID, roadmapId: ROADMAP_ID });

    fireEvent.change(screen.getByLabelText('Questions'), { target: { value: '16' } });
    expect((screen.getByRole('button', { name: 'Start the interview' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe('Ask for 1 to 15 questions.');

    fireEvent.change(screen.getByLabelText('Questions'), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start the interview' }));

    expect((await screen.findByTestId('interview-problem')).textContent).toBe('Nothing in your sources supports an interview question yet.');
    expect(api.changes()).toHaveLength(1);
  });

  it('lists the roadmap’s past sessions with their scores, linking to each', async () => {
    mockApi({ [LIST]: () => jsonResponse(summaries) });
    renderPanel({ kind: 'roadmap', roadmapId: ROADMAP_ID });

    const items = within(await screen.findByTestId('past-interviews')).getAllByTestId('past-interview');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Whole roadmap');
    expect(items[0].textContent).toContain('Staff · 5 of 5 answered');
    expect(within(items[0]).getByTestId('past-interview-score').textContent).toBe('3.2 / 4');
    expect(items[1].textContent).toContain('Week 1: Redis basics');
    expect(items[1].textContent).toContain('0 of 2 answered · in progress');
    expect(within(items[1]).getByTestId('past-interview-score').textContent).toBe('—');
    expect(within(items[1]).getByRole('link').getAttribute('href')).toBe('/interviews/iv-1');
  });

  it('lists only the topic’s sessions on a topic page', async () => {
    mockApi({ [LIST]: () => jsonResponse(summaries) });
    renderPanel({ kind: 'topic', topicId: TOPIC_ID, roadmapId: ROADMAP_ID });

    await waitFor(() => expect(screen.getAllByTestId('past-interview')).toHaveLength(1));
    expect(screen.getByTestId('past-interview').textContent).toContain('Week 1: Redis basics');
  });
});
