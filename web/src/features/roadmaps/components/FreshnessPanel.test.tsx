import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse } from '../../../test/responses';
import type { Freshness } from '../api/types';
import { roadmapDetail } from '../testing/fixtures';
import { describeInterval, FreshnessPanel } from './FreshnessPanel';
import { RoadmapPage } from './RoadmapPage';

const checked: Freshness = {
  enabled: true,
  scheduled: true,
  interval: 'PT168H',
  defaultInterval: true,
  nextCheckAt: '2026-03-17T10:00:00Z',
  running: null,
  last: {
    trigger: 'schedule',
    startedAt: '2026-03-10T10:00:00Z',
    finishedAt: '2026-03-10T10:02:00Z',
    checked: 4,
    unchanged: 2,
    changed: 1,
    failed: 1,
    changedResources: [{ title: 'Cache guide', url: 'https://example.org/cache', reason: null }],
    failedResources: [{ title: 'Old notes', url: 'https://example.org/old', reason: 'HTTP 404' }],
  },
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('FreshnessPanel', () => {
  it('shows what the last check found, the changed and failed sources, and when the next check is', () => {
    render(<FreshnessPanel roadmapId="caching" freshness={checked} />);

    expect(screen.getByTestId('freshness-last').textContent).toMatch(/4 resources — 2 unchanged, 1 changed, 1 failed/);
    const changed = within(screen.getByTestId('freshness-changed')).getByRole('link', { name: 'Cache guide' });
    expect(changed.getAttribute('href')).toBe('https://example.org/cache');
    expect(screen.getByTestId('freshness-failed').textContent).toContain('Old notes — HTTP 404');
    expect(screen.getByTestId('freshness-next').textContent).toMatch(/^Next check .+ \(every week\)\.$/);
  });

  it('says a roadmap not checked yet, or switched off, plainly', () => {
    render(<FreshnessPanel roadmapId="caching" freshness={{ ...checked, enabled: false, nextCheckAt: null, last: null }} />);

    expect(screen.getByTestId('freshness-last').textContent).toBe('Not checked since it was imported.');
    expect(screen.queryByTestId('freshness-changed')).toBeNull();
    expect(screen.getByTestId('freshness-next').textContent).toContain('checks are off for this roadmap');
  });

  it('starts a check now and shows it running', async () => {
    const fetch = vi.fn(async () => jsonResponse({ ...checked, running: '2026-03-11T09:00:00Z' }, 202));
    vi.stubGlobal('fetch', fetch);
    render(<FreshnessPanel roadmapId="caching" freshness={checked} />);

    fireEvent.click(screen.getByTestId('check-now'));

    expect(await screen.findByText(/^Checking now/)).toBeTruthy();
    expect(screen.queryByTestId('check-now')).toBeNull();
    expect(fetch).toHaveBeenCalledWith('/api/roadmaps/caching/refresh', expect.objectContaining({ method: 'POST' }));
  });

  it('looks again while a check runs and shows what it found once it has finished', async () => {
    const runningNow = { ...checked, running: '2026-03-17T10:00:00Z' };
    const finished = { ...checked, last: { ...checked.last!, changed: 3, unchanged: 0, failed: 0 } };
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(runningNow))
      .mockResolvedValueOnce(jsonResponse(finished));
    vi.stubGlobal('fetch', fetch);
    render(<FreshnessPanel roadmapId="caching" freshness={runningNow} pollMs={1} />);

    await screen.findByText(/3 changed/);
    expect(screen.getByTestId('check-now')).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenCalledWith('/api/roadmaps/caching/refresh', expect.anything());
  });

  it('shows why a check could not start and keeps what it showed', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problemResponse(403, 'Not allowed', 'Only admins may change roadmaps.')));
    render(<FreshnessPanel roadmapId="caching" freshness={checked} />);

    fireEvent.click(screen.getByTestId('check-now'));

    expect(await screen.findByText('Only admins may change roadmaps.')).toBeTruthy();
    expect(screen.getByTestId('freshness-last').textContent).toContain('1 changed');
  });

  it('is on the roadmap page when the roadmap says how fresh it is', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ ...roadmapDetail, freshness: checked })));
    render(
      <MemoryRouter initialEntries={['/roadmaps/six-month-plan']}>
        <Routes>
          <Route path="roadmaps/:id" element={<RoadmapPage />} />
        </Routes>
      </MemoryRouter>,
    );

    expect((await screen.findByTestId('freshness-panel')).textContent).toContain('Cache guide');
  });
});

describe('describeInterval', () => {
  it('reads the durations the API sends', () => {
    expect(describeInterval('PT168H')).toBe('every week');
    expect(describeInterval('PT24H')).toBe('every 1 day');
    expect(describeInterval('PT48H')).toBe('every 2 days');
    expect(describeInterval('PT12H')).toBe('every 12 hours');
    expect(describeInterval('PT1H30M')).toBe('every 90 minutes');
    expect(describeInterval('P1W')).toBe('P1W');
  });
});
