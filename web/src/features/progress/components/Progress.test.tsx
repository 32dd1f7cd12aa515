import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/mock-api';
import { jsonResponse, problemResponse } from '../../../test/responses';
import { completions, ROADMAP_ID, roadmapProgress } from '../testing/fixtures';
import { RoadmapCompletion, RoadmapCompletionsProvider } from './RoadmapCompletion';
import { ProgressProvider, RoadmapProgressSummary, TopicProgressBadge, TopicProgressPanel } from './TopicProgress';

const PROGRESS = `GET /api/roadmaps/${ROADMAP_ID}/progress`;

describe('TopicProgressBadge', () => {
  it('shows each topic’s state and mastery from one request for the roadmap', async () => {
    const api = mockApi({ [PROGRESS]: () => jsonResponse(roadmapProgress) });
    render(
      <ProgressProvider roadmapId={ROADMAP_ID}>
        <RoadmapProgressSummary />
        {['w1', 'w2', 'd1', 'p1', 'unknown'].map((id) => (
          <p key={id} data-testid={`topic-${id}`}>
            <TopicProgressBadge topicId={id} />
          </p>
        ))}
      </ProgressProvider>,
    );

    await screen.findAllByTestId('topic-progress');
    const badge = (id: string) => within(screen.getByTestId(`topic-${id}`)).queryByTestId('topic-progress');
    expect(badge('w1')?.textContent).toBe('Learning · 45% mastery');
    expect(badge('w2')?.textContent).toBe('Solid · 92% mastery');
    expect(badge('d1')?.dataset.state).toBe('needs-revision');
    expect(badge('d1')?.textContent).toBe('Needs revision · 30% mastery');
    expect(badge('d1')?.getAttribute('title')).toBe('Cards are being forgotten.');
    expect(badge('p1')?.textContent).toBe('Not started');
    expect(badge('unknown')).toBeNull();

    const summary = screen.getByTestId('roadmap-progress');
    expect(within(summary).getByTestId('completion-value').textContent).toBe('38%');
    expect(within(summary).getByRole('progressbar', { name: 'Roadmap completion' }).getAttribute('aria-valuenow')).toBe('38');
    expect(within(summary).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['1 solid', '1 learning', '1 need revision', '1 not started']);
    expect(api.seen).toHaveLength(1);
  });

  it('shows no badges when progress cannot be loaded', async () => {
    const api = mockApi({ [PROGRESS]: () => problemResponse(500, 'Internal Server Error', 'Boom.') });
    render(
      <ProgressProvider roadmapId={ROADMAP_ID}>
        <TopicProgressBadge topicId="w1" />
      </ProgressProvider>,
    );

    await waitFor(() => expect(api.seen).toHaveLength(1));
    expect(screen.queryByTestId('topic-progress')).toBeNull();
  });
});

describe('TopicProgressPanel', () => {
  it('shows the topic’s state, mastery, reason, cards and interview answers', async () => {
    mockApi({ [PROGRESS]: () => jsonResponse(roadmapProgress) });
    render(<TopicProgressPanel topicId="w1" roadmapId={ROADMAP_ID} />);

    const panel = await screen.findByTestId('topic-progress-panel');
    expect(within(panel).getByTestId('topic-progress').textContent).toBe('Learning · 45% mastery');
    expect(panel.textContent).toContain('Cards are being learned');
    expect(within(panel).getByRole('progressbar', { name: 'Mastery' }).getAttribute('aria-valuenow')).toBe('45');
    expect(panel.textContent).toContain('12 cards, 8 in review · recall 81% · 3 interview answers, latest 2.5 / 4');
  });
});

describe('RoadmapCompletion', () => {
  it('shows each known roadmap’s completion as a bar and percent', async () => {
    mockApi({ 'GET /api/progress': () => jsonResponse(completions) });
    render(
      <RoadmapCompletionsProvider>
        <div data-testid="known">
          <RoadmapCompletion roadmapId={ROADMAP_ID} />
        </div>
        <div data-testid="other">
          <RoadmapCompletion roadmapId="other" />
        </div>
      </RoadmapCompletionsProvider>,
    );

    const known = await within(screen.getByTestId('known')).findByTestId('roadmap-completion');
    expect(within(known).getByTestId('completion-value').textContent).toBe('38%');
    expect(within(known).getByRole('progressbar', { name: 'Completion' })).toBeTruthy();
    expect(within(screen.getByTestId('other')).queryByTestId('roadmap-completion')).toBeNull();
  });
});
