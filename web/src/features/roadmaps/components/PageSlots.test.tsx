import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { TopicDetail } from '../api/types';
import { jsonResponse, roadmapDetail, week2 } from '../testing/fixtures';
import { RoadmapPage } from './RoadmapPage';
import { TopicPage } from './TopicPage';

const topicDetail: TopicDetail = { ...week2, roadmapId: roadmapDetail.id, roadmapTitle: roadmapDetail.title };

describe('page slots for other features', () => {
  it('shows what renderChat gives for the topic under the topic page', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(topicDetail)));
    render(
      <MemoryRouter initialEntries={['/topics/w2']}>
        <Routes>
          <Route path="topics/:id" element={<TopicPage renderChat={(id) => <p data-testid="slot">chat about {id}</p>} />} />
        </Routes>
      </MemoryRouter>,
    );

    expect((await screen.findByTestId('slot')).textContent).toBe('chat about w2');
  });

  it('shows the status and then the chat for the roadmap on the roadmap page', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(roadmapDetail)));
    render(
      <MemoryRouter initialEntries={['/roadmaps/six-month-plan']}>
        <Routes>
          <Route
            path="roadmaps/:id"
            element={
              <RoadmapPage
                renderStatus={(id) => <p data-testid="slot">status of {id}</p>}
                renderChat={(id) => <p data-testid="slot">chat about {id}</p>}
              />
            }
          />
        </Routes>
      </MemoryRouter>,
    );

    await screen.findAllByTestId('slot');
    expect(screen.getAllByTestId('slot').map((slot) => slot.textContent)).toEqual(['status of six-month-plan', 'chat about six-month-plan']);
  });
});
