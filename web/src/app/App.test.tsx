import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { importReport } from '../features/exchange/testing/fixtures';
import { card } from '../features/flashcards/testing/fixtures';
import { reviewCounts, reviewStats } from '../features/review/testing/fixtures';
import { roadmapDetail, week2 } from '../features/roadmaps/testing/fixtures';
import { mockApi } from '../test/mock-api';
import { jsonResponse } from '../test/responses';
import { App } from './App';

describe('App: an import on the topic page', () => {
  it('loads the topic’s cards and due counts again, so the imported cards show', async () => {
    const old = card({ id: 'card-old', topicId: 'w2', front: 'What is a B-tree?' });
    const imported = card({ id: 'card-imported', topicId: 'w2', front: 'What is an LSM tree?', origin: { kind: 'imported', model: null } });
    let cards = [old];
    let counts = { ...reviewCounts, topics: { w2: { due: 0, new: 1 } } };
    const api = mockApi({
      'GET /api/topics/w2': () => jsonResponse({ ...week2, roadmapId: roadmapDetail.id, roadmapTitle: roadmapDetail.title }),
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
