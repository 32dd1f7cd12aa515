import { render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { TopicDetail } from '../api/types';
import { jsonResponse, roadmapDetail, week2 } from '../testing/fixtures';
import { RoadmapPage } from './RoadmapPage';
import { TopicPage } from './TopicPage';

const topicDetail: TopicDetail = { ...week2, roadmapId: roadmapDetail.id, roadmapTitle: roadmapDetail.title };

/** Renders `page` at `path` (matched by `pattern`) with the API answering `body`. */
function renderPage(path: string, pattern: string, page: ReactElement, body: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(body)));
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path={pattern} element={page} />
      </Routes>
    </MemoryRouter>,
  );
}

async function slotTexts(): Promise<(string | null)[]> {
  await screen.findAllByTestId('slot');
  return screen.getAllByTestId('slot').map((slot) => slot.textContent);
}

describe('page slots for other features', () => {
  it('shows what renderChat gives for the topic under the topic page', async () => {
    renderPage('/topics/w2', 'topics/:id', <TopicPage renderChat={(id) => <p data-testid="slot">chat about {id}</p>} />, topicDetail);

    expect(await slotTexts()).toEqual(['chat about w2']);
  });

  it('shows what renderCards gives for the topic after the chat', async () => {
    renderPage(
      '/topics/w2',
      'topics/:id',
      <TopicPage renderChat={(id) => <p data-testid="slot">chat about {id}</p>} renderCards={(id) => <p data-testid="slot">cards of {id}</p>} />,
      topicDetail,
    );

    expect(await slotTexts()).toEqual(['chat about w2', 'cards of w2']);
  });

  it('shows what renderSources gives for the topic before the chat', async () => {
    renderPage(
      '/topics/w2',
      'topics/:id',
      <TopicPage renderSources={(id) => <p data-testid="slot">sources of {id}</p>} renderChat={(id) => <p data-testid="slot">chat about {id}</p>} />,
      topicDetail,
    );

    expect(await slotTexts()).toEqual(['sources of w2', 'chat about w2']);
  });

  it('shows the status and then the chat for the roadmap on the roadmap page', async () => {
    renderPage(
      '/roadmaps/six-month-plan',
      'roadmaps/:id',
      <RoadmapPage
        renderStatus={(id) => <p data-testid="slot">status of {id}</p>}
        renderChat={(id) => <p data-testid="slot">chat about {id}</p>}
      />,
      roadmapDetail,
    );

    expect(await slotTexts()).toEqual(['status of six-month-plan', 'chat about six-month-plan']);
  });

  it('wraps the topic tree and shows a badge after each visible topic of the roadmap', async () => {
    renderPage(
      '/roadmaps/six-month-plan',
      'roadmaps/:id',
      <RoadmapPage
        wrapTopics={(id, topics) => (
          <div data-testid="wrapper" data-roadmap={id}>
            {topics}
          </div>
        )}
        renderTopicBadge={(topicId) => <span data-testid="badge">{topicId}</span>}
      />,
      roadmapDetail,
    );

    const wrapper = await screen.findByTestId('wrapper');
    expect(wrapper.dataset.roadmap).toBe('six-month-plan');
    // month 1 and the capstone start open, so month 1's weeks show too; week 2's day stays collapsed
    expect(within(wrapper).getAllByTestId('badge').map((badge) => badge.textContent)).toEqual(['m1', 'w1', 'w2', 'p1']);
    const week2Header = screen.getByRole('link', { name: 'Week 2: Caching and indexes' }).closest('.topic-node__header');
    expect(week2Header?.querySelector('[data-testid=badge]')?.textContent).toBe('w2');
  });

  it('shows what renderReview gives right under the roadmap’s header, before the status', async () => {
    renderPage(
      '/roadmaps/six-month-plan',
      'roadmaps/:id',
      <RoadmapPage
        renderReview={(id) => <p data-testid="slot">due on {id}</p>}
        renderStatus={(id) => <p data-testid="slot">status of {id}</p>}
      />,
      roadmapDetail,
    );

    expect(await slotTexts()).toEqual(['due on six-month-plan', 'status of six-month-plan']);
  });

  it('gives renderReview the topic’s roadmap and all its subtopics, before the chat', async () => {
    const nested = { ...topicDetail, children: [{ ...topicDetail.children[0], children: [{ ...topicDetail.children[0], id: 'd1-a', children: [] }] }] };
    renderPage(
      '/topics/w2',
      'topics/:id',
      <TopicPage
        renderReview={(topic) => <p data-testid="slot">{`${topic.id} in ${topic.roadmapId}: ${topic.subtopicIds.join(', ')}`}</p>}
        renderChat={(id) => <p data-testid="slot">chat about {id}</p>}
      />,
      nested,
    );

    expect(await slotTexts()).toEqual(['w2 in six-month-plan: d1, d1-a', 'chat about w2']);
  });

  it('shows what renderExchange gives for the topic after its cards', async () => {
    renderPage(
      '/topics/w2',
      'topics/:id',
      <TopicPage renderCards={(id) => <p data-testid="slot">cards of {id}</p>} renderExchange={(id) => <p data-testid="slot">anki for {id}</p>} />,
      topicDetail,
    );

    expect(await slotTexts()).toEqual(['cards of w2', 'anki for w2']);
  });

  it('shows what renderExchange gives for the roadmap right after the review, before the status', async () => {
    renderPage(
      '/roadmaps/six-month-plan',
      'roadmaps/:id',
      <RoadmapPage
        renderReview={(id) => <p data-testid="slot">due on {id}</p>}
        renderExchange={(id) => <p data-testid="slot">anki for {id}</p>}
        renderStatus={(id) => <p data-testid="slot">status of {id}</p>}
      />,
      roadmapDetail,
    );

    expect(await slotTexts()).toEqual(['due on six-month-plan', 'anki for six-month-plan', 'status of six-month-plan']);
  });
});

describe('page slots for progress and interviews', () => {
  it('shows the topic’s progress in its header, and the interview after the chat and before the cards', async () => {
    renderPage(
      '/topics/w2',
      'topics/:id',
      <TopicPage
        renderProgress={(topic) => <p data-testid="slot">progress of {topic.id} in {topic.roadmapId}</p>}
        renderChat={(id) => <p data-testid="slot">chat about {id}</p>}
        renderInterview={(topic) => <p data-testid="slot">interview on {topic.id} in {topic.roadmapId}</p>}
        renderCards={(id) => <p data-testid="slot">cards of {id}</p>}
      />,
      topicDetail,
    );

    expect(await slotTexts()).toEqual(['progress of w2 in six-month-plan', 'chat about w2', 'interview on w2 in six-month-plan', 'cards of w2']);
    expect(screen.getAllByTestId('slot')[0].closest('header')).toBeTruthy();
  });

  it('shows the interview after the roadmap’s chat', async () => {
    renderPage(
      '/roadmaps/six-month-plan',
      'roadmaps/:id',
      <RoadmapPage
        renderChat={(id) => <p data-testid="slot">chat about {id}</p>}
        renderInterview={(id) => <p data-testid="slot">interview on {id}</p>}
      />,
      roadmapDetail,
    );

    expect(await slotTexts()).toEqual(['chat about six-month-plan', 'interview on six-month-plan']);
  });
});
