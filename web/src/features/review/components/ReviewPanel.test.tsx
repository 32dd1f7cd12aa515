import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
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

describe('ReviewPanel: settings', () => {
  const STATS = 'GET /api/roadmaps/six-month-plan/review-stats';
  const SETTINGS = 'GET /api/review/settings';
  const SAVE = 'PUT /api/review/settings';
  const stored = { desiredRetention: 0.9, dailyNewLimit: 20, maximumIntervalDays: 36500, fuzz: true, timeZone: 'UTC' };

  function deviceIn(timeZone: string) {
    const real = Intl.DateTimeFormat.prototype.resolvedOptions;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (this: Intl.DateTimeFormat) {
      return { ...real.call(this), timeZone };
    });
  }

  async function openSettings() {
    renderPanel({ kind: 'roadmap', roadmapId: 'six-month-plan' });
    await screen.findByTestId('due-count');
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    return screen.findByTestId('settings-form');
  }

  it('stays closed until asked, then loads the learner’s settings', async () => {
    const api = mockApi({ [COUNTS]: () => jsonResponse(reviewCounts), [STATS]: () => jsonResponse(reviewStats()), [SETTINGS]: () => jsonResponse(stored) });
    renderPanel({ kind: 'roadmap', roadmapId: 'six-month-plan' });
    await screen.findByTestId('due-count');
    const toggle = screen.getByRole('button', { name: 'Settings' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(api.seen.map((request) => request.url)).not.toContain('/api/review/settings');

    fireEvent.click(toggle);
    await screen.findByTestId('settings-form');

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(screen.getByTestId('review-settings').id);
    expect((screen.getByLabelText('Desired retention') as HTMLInputElement).value).toBe('0.9');
    expect(screen.getByTestId('retention-value').textContent).toBe('90%');
    expect(screen.getByText(/Higher means more reviews and less forgetting/)).toBeTruthy();
    expect((screen.getByLabelText('New cards per day') as HTMLInputElement).value).toBe('20');
    expect((screen.getByLabelText('Maximum interval (days)') as HTMLInputElement).value).toBe('36500');
    expect((screen.getByLabelText('Fuzz intervals') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Time zone') as HTMLInputElement).value).toBe('UTC');
  });

  it('saves the changes, says so, and loads the due counts and stats again', async () => {
    deviceIn('Europe/Berlin');
    const api = mockApi({
      [COUNTS]: () => jsonResponse(reviewCounts),
      [STATS]: () => jsonResponse(reviewStats()),
      [SETTINGS]: () => jsonResponse(stored),
      [SAVE]: (request) => jsonResponse(request.body),
    });
    await openSettings();
    expect(screen.getByText(/This device: Europe\/Berlin\./)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Desired retention'), { target: { value: '0.85' } });
    expect(screen.getByTestId('retention-value').textContent).toBe('85%');
    fireEvent.change(screen.getByLabelText('New cards per day'), { target: { value: '10' } });
    fireEvent.change(screen.getByLabelText('Maximum interval (days)'), { target: { value: '365' } });
    fireEvent.click(screen.getByLabelText('Fuzz intervals'));
    fireEvent.click(screen.getByRole('button', { name: 'Use this device’s time zone' }));
    expect((screen.getByLabelText('Time zone') as HTMLInputElement).value).toBe('Europe/Berlin');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(screen.getByTestId('settings-status').textContent).toBe('Saved'));
    expect(api.changes()).toEqual([
      { method: 'PUT', url: '/api/review/settings', body: { desiredRetention: 0.85, dailyNewLimit: 10, maximumIntervalDays: 365, fuzz: false, timeZone: 'Europe/Berlin' } },
    ]);
    await waitFor(() => expect(api.seen.filter((request) => request.url.endsWith('/review-counts'))).toHaveLength(2));
    await waitFor(() => expect(api.seen.filter((request) => request.url.endsWith('/review-stats'))).toHaveLength(2));
    expect(screen.getByTestId('due-count').textContent).toBe('12 due · 5 new');

    fireEvent.change(screen.getByLabelText('New cards per day'), { target: { value: '11' } });
    expect(screen.getByTestId('settings-status').textContent).toBe('');
  });

  it('checks the ranges before sending and marks the fields out of range', async () => {
    const api = mockApi({ [COUNTS]: () => jsonResponse(reviewCounts), [STATS]: () => jsonResponse(reviewStats()), [SETTINGS]: () => jsonResponse(stored) });
    await openSettings();

    fireEvent.change(screen.getByLabelText('New cards per day'), { target: { value: '-1' } });
    fireEvent.change(screen.getByLabelText('Maximum interval (days)'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(screen.getAllByTestId('field-error').map((error) => error.textContent)).toEqual([
      'New cards per day must be a whole number from 0 to 9999.',
      'The maximum interval must be a whole number of days from 1 to 36,500.',
    ]);
    const newLimit = screen.getByLabelText('New cards per day');
    expect(newLimit.getAttribute('aria-invalid')).toBe('true');
    expect(newLimit.getAttribute('aria-describedby')).toContain(screen.getAllByTestId('field-error')[0].id);
    await waitFor(() => expect(document.activeElement).toBe(newLimit));
    expect(api.changes()).toEqual([]);
    expect(screen.getByTestId('settings-status').textContent).toBe('');
  });

  it('shows the server’s 400 detail under the field it names', async () => {
    const detail = "timeZone 'Mars/Olympus' is not a known time zone (use an IANA name such as Europe/Berlin).";
    mockApi({
      [COUNTS]: () => jsonResponse(reviewCounts),
      [STATS]: () => jsonResponse(reviewStats()),
      [SETTINGS]: () => jsonResponse(stored),
      [SAVE]: () => problemResponse(400, 'Bad request', detail),
    });
    await openSettings();

    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'Mars/Olympus' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect((await screen.findByTestId('field-error')).textContent).toBe(detail);
    expect(screen.getByLabelText('Time zone').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('settings-error').textContent).toBe('Not saved: check the field marked above.');
    expect(screen.getByTestId('settings-status').textContent).toBe('');
  });

  it('shows any other failure to save inline', async () => {
    mockApi({
      [COUNTS]: () => jsonResponse(reviewCounts),
      [STATS]: () => jsonResponse(reviewStats()),
      [SETTINGS]: () => jsonResponse(stored),
      [SAVE]: () => problemResponse(400, 'Bad request', 'Send the settings to change as JSON.'),
    });
    await openSettings();

    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    const error = await screen.findByTestId('settings-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('Send the settings to change as JSON.');
    expect(screen.queryByTestId('field-error')).toBeNull();
  });

  it('says when the settings cannot be loaded and tries again on request', async () => {
    let answers = 0;
    mockApi({
      [COUNTS]: () => jsonResponse(reviewCounts),
      [STATS]: () => jsonResponse(reviewStats()),
      [SETTINGS]: () => (answers++ === 0 ? problemResponse(503, 'Service Unavailable', 'The database is not reachable.') : jsonResponse(stored)),
    });
    renderPanel({ kind: 'roadmap', roadmapId: 'six-month-plan' });
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Could not load the review settingsThe database is not reachable.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByTestId('settings-form')).toBeTruthy();
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
