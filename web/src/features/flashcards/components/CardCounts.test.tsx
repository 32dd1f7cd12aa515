import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, problemResponse } from '../../../test/responses';
import { cardCounts } from '../testing/fixtures';
import { mockApi } from '../../../test/mock-api';
import { CardCountsProvider, TopicCardCount } from './CardCounts';

function renderCounts() {
  return render(
    <CardCountsProvider roadmapId="six-month-plan">
      {['w1', 'd1', 'w2', 'unknown'].map((id) => (
        <p key={id} data-testid={`topic-${id}`}>
          <TopicCardCount topicId={id} />
        </p>
      ))}
    </CardCountsProvider>,
  );
}

describe('card counts in the topic tree', () => {
  it('loads the roadmap’s counts once and shows each topic’s cards and stale cards', async () => {
    const api = mockApi({ 'GET /api/roadmaps/six-month-plan/cards/counts': () => jsonResponse(cardCounts) });
    renderCounts();

    await waitFor(() => expect(screen.getByTestId('topic-w1').textContent).toBe('4 cards · 1 stale'));
    expect(screen.getByTestId('topic-d1').textContent).toBe('1 card');
    expect(screen.getByTestId('topic-w2').textContent).toBe('');
    expect(screen.getByTestId('topic-unknown').textContent).toBe('');
    expect(api.seen).toHaveLength(1);
  });

  it('shows no counts when they cannot be loaded', async () => {
    const api = mockApi({ 'GET /api/roadmaps/six-month-plan/cards/counts': () => problemResponse(500, 'Internal Server Error', 'Boom.') });
    renderCounts();

    await waitFor(() => expect(api.seen).toHaveLength(1));
    expect(screen.queryAllByTestId('topic-card-count')).toEqual([]);
  });
});
