import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { authState, learner, singleUserState } from '../features/account/testing/fixtures';
import { embeddingModel } from '../features/admin/testing/fixtures';
import { importReport } from '../features/exchange/testing/fixtures';
import { session as interviewSession } from '../features/interview/testing/fixtures';
import { completions, roadmapProgress } from '../features/progress/testing/fixtures';
import { card } from '../features/flashcards/testing/fixtures';
import { reviewCounts, reviewStats } from '../features/review/testing/fixtures';
import { roadmapDetail, roadmapSummary, week2 } from '../features/roadmaps/testing/fixtures';
import { mockApi } from '../test/mock-api';
import { jsonResponse } from '../test/responses';
import { App } from './App';

/** The app asks who is signed in first: single-user mode here, as `make run` starts it. */
const SINGLE_USER = { 'GET /api/auth/state': () => jsonResponse(singleUserState) };

describe('App: an import on the topic page', () => {
  it('loads the topic’s cards and due counts again, so the imported cards show', async () => {
    const old = card({ id: 'card-old', topicId: 'w2', front: 'What is a B-tree?' });
    const imported = card({ id: 'card-imported', topicId: 'w2', front: 'What is an LSM tree?', origin: { kind: 'imported', model: null } });
    let cards = [old];
    let counts = { ...reviewCounts, topics: { w2: { due: 0, new: 1 } } };
    const api = mockApi({
      ...SINGLE_USER,
      'GET /api/topics/w2': () => jsonResponse({ ...week2, roadmapId: roadmapDetail.id, roadmapTitle: roadmapDetail.title }),
      'GET /api/topics/w2/resources': () => jsonResponse([]),
      'GET /api/roadmaps/six-month-plan/review-counts': () => jsonResponse(counts),
      'GET /api/topics/w2/review-stats': () => jsonResponse(reviewStats()),
      'GET /api/topics/w2/cards': () => jsonResponse(cards),
      'POST /api/topics/w2/cards/import': () => {
        cards = [old, imported];
        counts = { ...counts, topics: { w2: { due: 0, new: 2 } } };
        return jsonResponse(importReport({ imported: 1, skipped: 0, failed: 0, rows: [] }));
      },
    });
    vi.stubGlobal('scrollTo', () => {}); // the layout scrolls to the top on navigation; jsdom has no scrolling
    render(
      <MemoryRouter initialEntries={['/topics/w2']}>
        <App />
      </MemoryRouter>,
    );
    expect((await screen.findByTestId('due-count')).textContent).toBe('0 due · 1 new');
    await screen.findByTestId('card-list');

    const panel = screen.getByTestId('exchange-panel');
    fireEvent.change(within(panel).getByLabelText('Import'), { target: { files: [new File(['Q\tA\n'], 'deck.txt')] } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Import cards' }));

    await within(panel).findByTestId('import-report');
    await waitFor(() => expect(screen.getByTestId('due-count').textContent).toBe('0 due · 2 new'));
    await waitFor(() => expect(screen.getAllByTestId('card').map((element) => element.dataset.cardId)).toEqual(['card-imported', 'card-old']));
    expect(api.seen.filter((request) => request.url === '/api/topics/w2/review-stats')).toHaveLength(2);
  });
});

function renderAt(path: string) {
  vi.stubGlobal('scrollTo', () => {});
  render(
    <MemoryRouter initialEntries={[path]}>
      <App />
    </MemoryRouter>,
  );
}

describe('App: progress and mock interviews', () => {
  it('shows each roadmap’s completion in the list', async () => {
    mockApi({ ...SINGLE_USER, 'GET /api/roadmaps': () => jsonResponse([roadmapSummary]), 'GET /api/progress': () => jsonResponse(completions) });
    renderAt('/');

    const completion = await screen.findByTestId('roadmap-completion');
    expect(completion.closest('[data-testid=roadmap-card]')?.getAttribute('data-roadmap-id')).toBe('six-month-plan');
    expect(within(completion).getByTestId('completion-value').textContent).toBe('38%');
  });

  it('shows the topic’s progress and the interview form on the topic page', async () => {
    mockApi({
      ...SINGLE_USER,
      'GET /api/topics/w2': () => jsonResponse({ ...week2, roadmapId: roadmapDetail.id, roadmapTitle: roadmapDetail.title }),
      'GET /api/topics/w2/resources': () => jsonResponse([]),
      'GET /api/roadmaps/six-month-plan/review-counts': () => jsonResponse(reviewCounts),
      'GET /api/topics/w2/review-stats': () => jsonResponse(reviewStats()),
      'GET /api/topics/w2/cards': () => jsonResponse([]),
      'GET /api/roadmaps/six-month-plan/progress': () => jsonResponse(roadmapProgress),
      'GET /api/interviews?roadmapId=six-month-plan': () => jsonResponse([]),
    });
    renderAt('/topics/w2');

    expect((await screen.findByTestId('topic-progress-panel')).textContent).toContain('Solid · 92%');
    expect(within(screen.getByTestId('interview-panel')).getByRole('button', { name: 'Start the interview' })).toBeTruthy();
  });

  it('shows badges for every topic of the roadmap and opens an interview at /interviews/:id', async () => {
    mockApi({
      ...SINGLE_USER,
      'GET /api/roadmaps/six-month-plan': () => jsonResponse(roadmapDetail),
      'GET /api/roadmaps/six-month-plan/review-counts': () => jsonResponse(reviewCounts),
      'GET /api/roadmaps/six-month-plan/review-stats': () => jsonResponse(reviewStats()),
      'GET /api/roadmaps/six-month-plan/card-counts': () => jsonResponse({ total: 0, stale: 0, topics: {} }),
      'GET /api/roadmaps/six-month-plan/progress': () => jsonResponse(roadmapProgress),
      'GET /api/roadmaps/six-month-plan/ingestion': () => jsonResponse(null),
      'GET /api/interviews?roadmapId=six-month-plan': () => jsonResponse([]),
    });
    renderAt('/roadmaps/six-month-plan');

    await waitFor(() => expect(screen.getAllByTestId('topic-progress').map((badge) => badge.dataset.state)).toEqual(['learning', 'solid', 'not-started']));
    expect(within(screen.getByTestId('roadmap-progress')).getByTestId('completion-value').textContent).toBe('38%');
    expect(screen.getByTestId('interview-panel')).toBeTruthy();
  });

  it('routes /interviews/:id to the interview', async () => {
    mockApi({ ...SINGLE_USER, 'GET /api/interviews/iv-1': () => jsonResponse(interviewSession()) });
    renderAt('/interviews/iv-1');

    expect((await screen.findByTestId('question-text')).textContent).toBe('How does Redis persist data?');
    expect(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: 'Week 1: Redis basics' }).getAttribute('href')).toBe(
      '/topics/redis-week',
    );
  });
});

describe('App: accounts', () => {
  it('opens the login page for a visitor, with no navigation to screens they cannot see', async () => {
    const api = mockApi({ 'GET /api/auth/state': () => jsonResponse(authState({ learner: null })) });
    renderAt('/roadmaps/six-month-plan');

    await screen.findByTestId('login-page');
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(api.seen.map((request) => request.url)).toEqual(['/api/auth/state']);
  });

  it('shows the roadmaps without a login in single-user mode', async () => {
    mockApi({ ...SINGLE_USER, 'GET /api/roadmaps': () => jsonResponse([roadmapSummary]), 'GET /api/progress': () => jsonResponse(completions) });
    renderAt('/');

    await screen.findByTestId('roadmap-card');
    expect(screen.getByTestId('single-user-note')).toBeTruthy();
    expect(screen.queryByTestId('login-page')).toBeNull();
  });

  it('shows the embedding model, and no accounts, on the admin page in single-user mode', async () => {
    mockApi({ ...SINGLE_USER, 'GET /api/admin/embedding-model': () => jsonResponse(embeddingModel()) });
    renderAt('/admin');

    expect((await screen.findByTestId('embedding-model-active')).textContent).toContain('bge-small-en-v1.5-q');
    expect(screen.queryByTestId('users-table')).toBeNull();
  });

  it('keeps learners out of the admin page', async () => {
    const api = mockApi({ 'GET /api/auth/state': () => jsonResponse(authState({ learner })) });
    renderAt('/admin');

    expect(await screen.findByRole('heading', { name: 'Admins only' })).toBeTruthy();
    expect(api.seen.map((request) => request.url)).toEqual(['/api/auth/state']);
  });

  it('opens the admin page for an admin', async () => {
    mockApi({
      'GET /api/auth/state': () => jsonResponse(authState()),
      'GET /api/admin/users': () => jsonResponse([]),
      'GET /api/admin/settings': () => jsonResponse({ registration: 'invite', imports: 'learners' }),
      'GET /api/admin/audit?limit=100': () => jsonResponse([]),
    });
    renderAt('/admin');

    await screen.findByTestId('users-table');
    expect(screen.getByRole('heading', { name: 'Admin', level: 1 })).toBeTruthy();
  });
});
