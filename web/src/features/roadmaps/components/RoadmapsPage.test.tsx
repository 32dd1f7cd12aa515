import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, roadmapSummary } from '../testing/fixtures';
import { RoadmapsPage } from './RoadmapsPage';

function renderPage() {
  return render(
    <MemoryRouter>
      <RoadmapsPage />
    </MemoryRouter>,
  );
}

describe('RoadmapsPage', () => {
  it('lists roadmaps with links and counts', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse([roadmapSummary])));
    renderPage();

    const link = await screen.findByRole('link', { name: '6-Month Study Plan' });
    expect(link.getAttribute('href')).toBe('/roadmaps/six-month-plan');
    expect(screen.getByTestId('roadmap-card').textContent).toContain('6 topics · 3 resources');
  });

  it('shows an empty state when nothing was imported', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse([])));
    renderPage();

    expect(await screen.findByText('No roadmaps yet')).toBeTruthy();
  });

  it('shows the problem detail when the list cannot be loaded', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problemResponse(503, 'Service Unavailable', 'The database is starting; try again shortly.')));
    renderPage();

    expect((await screen.findByRole('alert')).textContent).toContain('The database is starting; try again shortly.');
  });
});
