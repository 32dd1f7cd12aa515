import { render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/mock-api';
import { jsonResponse, problemResponse } from '../../../test/responses';
import { reviewCounts, reviewStats } from '../testing/fixtures';
import { ReviewPanel, type ReviewPanelProps } from './ReviewPanel';

const COUNTS = 'GET /api/roadmaps/six-month-plan/review-counts';

function renderPanel(props: ReviewPanelProps) {
  render(
    <MemoryRouter>
      <ReviewPanel {...props} />
    </MemoryRouter>,
  );
}

describe('ReviewPanel: due counts and the Study button', () => {
  it('shows the roadmap’s due and new items and links to studying it', async () => {
    mockApi({ [COUNTS]: () => jsonResponse(reviewCounts), 'GET /api/roadmaps/six-month-plan/review-stats': () => jsonResponse(reviewStats()) });
    renderPanel({ kind: 'roadmap', roadmapId: 'six-month-plan' });

    expect((await screen.findByTestId('due-count')).textContent).toBe('12 due · 5 new');
    const study = screen.getByRole('link', { name: 'Study' });
    expect(study.getAttribute('href')).toBe('/roadmaps/six-month-plan/study');
  });

  it('sums a topic and all its subtopics', async () => {
    mockApi({ [COUNTS]: () => jsonResponse(reviewCounts), 'GET /api/topics/w2/review-stats': () => jsonResponse(reviewStats()) });
    renderPanel({ kind: 'topic', topicId: 'w2', roadmapId: 'six-month-plan', subtopicIds: ['d1', 'gone'] });

    expect((await screen.findByTestId('due-count')).textContent).toBe('6 due · 2 new');
    expect(screen.getByRole('link', { name: 'Study' }).getAttribute('href')).toBe('/topics/w2/study');
  });

  it('counts only the topic itself when its subtopics are not known', async () => {
    mockApi({ [COUNTS]: () => jsonResponse(reviewCounts), 'GET /api/topics/w1/review-stats': () => jsonResponse(reviewStats()) });
    renderPanel({ kind: 'topic', topicId: 'w1', roadmapId: 'six-month-plan' });

    expect((await screen.findByTestId('due-count')).textContent).toBe('3 due · 1 new');
  });

  it('says nothing is due for a topic without cards', async () => {
    mockApi({ [COUNTS]: () => jsonResponse(reviewCounts), 'GET /api/topics/none/review-stats': () => jsonResponse(reviewStats({ states: { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 } })) });
    renderPanel({ kind: 'topic', topicId: 'none', roadmapId: 'six-month-plan' });

    expect((await screen.findByTestId('due-count')).textContent).toBe('Nothing due');
    expect((await screen.findByTestId('review-stats-empty')).textContent).toContain('No cards to review yet');
  });

  it('keeps the Study button when the counts cannot be loaded', async () => {
    const api = mockApi({
      [COUNTS]: () => problemResponse(500, 'Internal Server Error', 'Boom.'),
      'GET /api/roadmaps/six-month-plan/review-stats': () => problemResponse(500, 'Internal Server Error', 'Boom.'),
    });
    renderPanel({ kind: 'roadmap', roadmapId: 'six-month-plan' });

    await waitFor(() => expect(api.seen).toHaveLength(2));
    expect(screen.queryByTestId('due-count')).toBeNull();
    expect(screen.queryByTestId('review-stats')).toBeNull();
    expect(screen.getByRole('link', { name: 'Study' })).toBeTruthy();
  });
});

describe('ReviewPanel: stats', () => {
  it('shows due today, reviews today, true retention and the cards by state', async () => {
    mockApi({ [COUNTS]: () => jsonResponse(reviewCounts), 'GET /api/roadmaps/six-month-plan/review-stats': () => jsonResponse(reviewStats()) });
    renderPanel({ kind: 'roadmap', roadmapId: 'six-month-plan' });

    await screen.findByTestId('review-stats');
    expect(screen.getByTestId('stat-due-today').textContent).toBe('15');
    expect(screen.getByTestId('stat-reviews-today').textContent).toBe('30');
    expect(screen.getByTestId('stat-retention').textContent).toBe('91%109 of 120 passed, 30 days');
    expect([...screen.getByTestId('stat-states').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'New 20',
      'Learning 3',
      'Review 40',
      'Relearning 1',
      'Suspended 2',
    ]);
  });

  it('shows a dash for retention without reviews', async () => {
    mockApi({
      [COUNTS]: () => jsonResponse(reviewCounts),
      'GET /api/roadmaps/six-month-plan/review-stats': () => jsonResponse(reviewStats({ retention: { days: 30, reviews: 0, passed: 0, rate: null } })),
    });
    renderPanel({ kind: 'roadmap', roadmapId: 'six-month-plan' });

    expect((await screen.findByTestId('stat-retention')).textContent).toBe('—no learned cards reviewed in 30 days');
  });

  it('draws the 30-day forecast as bars scaled to the busiest day, with the numbers in a table', async () => {
    mockApi({ [COUNTS]: () => jsonResponse(reviewCounts), 'GET /api/roadmaps/six-month-plan/review-stats': () => jsonResponse(reviewStats()) });
    renderPanel({ kind: 'roadmap', roadmapId: 'six-month-plan' });

    const forecast = await screen.findByTestId('forecast');
    const bars = [...forecast.querySelectorAll('rect')];
    expect(bars).toHaveLength(30);
    expect(bars.map((bar) => Number(bar.dataset.due))).toEqual(reviewStats().forecast.map((day) => day.due));
    // today (15) is the busiest day: the full height; a day with none has no bar
    expect(Number(bars[0].getAttribute('height'))).toBe(58);
    expect(bars[0].getAttribute('class')).toContain('forecast__bar--today');
    const empty = bars.find((bar) => bar.dataset.due === '0');
    expect(empty && Number(empty.getAttribute('height'))).toBe(0);
    expect(bars[1].querySelector('title')?.textContent).toBe('Wed, Dec 2: 7 due');
    expect(within(forecast).getByText(/in all/).textContent).toBe('(167 in all)');
    expect(within(forecast).getByRole('table').querySelectorAll('tr')).toHaveLength(30);
    expect(screen.getByTestId('forecast-chart').getAttribute('aria-labelledby')).toBeTruthy();
  });
});

describe('ReviewPanel: refreshKey', () => {
  it('loads the counts and stats again when it changes, keeping the old ones shown meanwhile', async () => {
    let due = 12;
    const api = mockApi({
      [COUNTS]: () => jsonResponse({ ...reviewCounts, due }),
      'GET /api/roadmaps/six-month-plan/review-stats': () => jsonResponse(reviewStats()),
    });
    const { rerender } = render(
      <MemoryRouter>
        <ReviewPanel kind="roadmap" roadmapId="six-month-plan" refreshKey={0} />
      </MemoryRouter>,
    );
    expect((await screen.findByTestId('due-count')).textContent).toBe('12 due · 5 new');

    due = 20;
    rerender(
      <MemoryRouter>
        <ReviewPanel kind="roadmap" roadmapId="six-month-plan" refreshKey={1} />
      </MemoryRouter>,
    );

    expect(screen.getByTestId('due-count').textContent).toBe('12 due · 5 new');
    await waitFor(() => expect(screen.getByTestId('due-count').textContent).toBe('20 due · 5 new'));
    expect(api.seen).toHaveLength(4);
  });
});
