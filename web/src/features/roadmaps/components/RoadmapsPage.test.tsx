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

  it('wraps the list and shows each roadmap’s badge on its card', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse([roadmapSummary])));
    render(
      <MemoryRouter>
        <RoadmapsPage
          wrapRoadmaps={(list) => <div data-testid="wrapper">{list}</div>}
          renderRoadmapBadge={(id) => <span data-testid="badge">{id}</span>}
        />
      </MemoryRouter>,
    );

    const badge = await screen.findByTestId('badge');
    expect(badge.textContent).toBe('six-month-plan');
    expect(badge.closest('[data-testid=roadmap-card]')).toBeTruthy();
    expect(badge.closest('[data-testid=wrapper]')).toBeTruthy();
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
