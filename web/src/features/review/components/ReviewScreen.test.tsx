import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi, type SeenRequest } from '../../../test/mock-api';
import { jsonResponse, problemResponse } from '../../../test/responses';
import { CardEditForm } from '../../flashcards';
import type { QueueItem, ReviewQueue } from '../api/types';
import { basicItem, clozeItem, queue, reversedItem, reviewItem, TOPIC_ID } from '../testing/fixtures';
import { StudyPage, type RenderCardEditor } from './ReviewScreen';

const QUEUE = `GET /api/reviews/queue?topicId=${TOPIC_ID}`;
const TITLE = `GET /api/topics/${TOPIC_ID}`;
const SOURCE_TEXT = 'Redis is an in-memory data store used as a cache. It keeps data in RAM.';

/** The editor the app composes in (flashcards' CardEditForm). */
const renderEditor: RenderCardEditor = (card, close) => <CardEditForm card={card} onSaved={close} onCancel={() => close(null)} />;

/** The server's queue: what GET answers now; tests change it as the server's state would change. */
let serverQueue: ReviewQueue;
let reviewIds: string[];

beforeEach(() => {
  reviewIds = [];
  let n = 0;
  vi.spyOn(crypto, 'randomUUID').mockImplementation(() => {
    n += 1;
    const id = `00000000-0000-4000-8000-00000000000${n}` as `${string}-${string}-${string}-${string}-${string}`;
    reviewIds.push(id);
    return id;
  });
});

function graded(request: SeenRequest, schedule = basicItem.schedule) {
  const body = request.body as { rating: string; reviewId: string; ordinal: number };
  const cardId = request.url.split('/')[3];
  return jsonResponse({ reviewId: body.reviewId, cardId, ordinal: body.ordinal, rating: body.rating, reviewedAt: new Date().toISOString(), schedule });
}

/** Routes for a session over `items`; each grade takes its card out of the server's queue. */
function serve(items: QueueItem[], extra: Parameters<typeof mockApi>[0] = {}, nextDue: string | null = null) {
  serverQueue = queue(items, { nextDue });
  const routes: Parameters<typeof mockApi>[0] = {
    [QUEUE]: () => jsonResponse(serverQueue),
    [TITLE]: () => jsonResponse({ id: TOPIC_ID, title: 'Week 1: Redis basics' }),
    ...extra,
  };
  for (const item of items) {
    routes[`POST /api/cards/${item.card.id}/reviews`] ??= (request) => {
      serverQueue = queue(serverQueue.items.filter((other) => other.card.id !== item.card.id), { nextDue });
      return graded(request);
    };
  }
  return mockApi(routes);
}

async function renderStudy() {
  render(
    <MemoryRouter initialEntries={[`/topics/${TOPIC_ID}/study`]}>
      <Routes>
        <Route path="topics/:id/study" element={<StudyPage kind="topic" renderEditor={renderEditor} />} />
        <Route path="topics/:id" element={<p>the topic page</p>} />
      </Routes>
    </MemoryRouter>,
  );
  await waitFor(() => expect(screen.queryByText('Loading the cards due…')).toBeNull());
  // a card, the finished screen or the reason for neither is up before a test starts pressing keys
  await waitFor(() => expect(screen.queryByTestId('review-front') ?? screen.queryByTestId('review-finished')
    ?? screen.queryByRole('alert')).not.toBeNull());
}

/** A key pressed wherever focus is, as a learner would. */
function press(key: string, init: KeyboardEventInit = {}) {
  fireEvent.keyDown(document.activeElement ?? document.body, { key, ...init });
}

const card = () => screen.getByTestId('review-card');
const front = () => screen.getByTestId('review-front').textContent;
const posts = (api: ReturnType<typeof mockApi>) => api.changes().filter((request) => request.method === 'POST');

describe('ReviewScreen: studying by keyboard', () => {
  it('shows the front, the back after Space, and each grade’s interval on its button', async () => {
    serve([basicItem, reviewItem]);
    await renderStudy();

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Study: Week 1: Redis basics');
    expect(front()).toBe('What is Redis?');
    expect(screen.queryByTestId('review-back')).toBeNull();
    expect(screen.queryByTestId('grade-bar')).toBeNull();
    expect(screen.getByTestId('review-left').textContent).toBe('Left: 1 new · 0 learning · 1 to review');
    expect(screen.getByTestId('left-new').dataset.current).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(card()));

    press('1');
    expect(screen.queryByTestId('grade-bar')).toBeNull();
    press(' ');

    expect(screen.getByTestId('review-back').textContent).toBe('Answer: An in-memory data store.');
    const buttons = within(screen.getByTestId('grade-bar')).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Again, next in 1m1', 'Hard, next in 6m2', 'Good, next in 10m3', 'Easy, next in 8d4']);
    expect(buttons.map((button) => button.getAttribute('aria-keyshortcuts'))).toEqual(['1', '2', '3', '4']);
  });

  it('shows the back on Enter too, and the next card’s own intervals after a grade', async () => {
    serve([basicItem, reviewItem]);
    await renderStudy();

    press('Enter');
    expect(screen.getByTestId('review-back')).toBeTruthy();
    press('4');

    await waitFor(() => expect(front()).toBe('What does TTL stand for?'));
    press('Enter');
    expect(screen.getAllByTestId('grade-interval').map((label) => label.textContent)).toEqual(['10m', '15d', '1.1mo', '2.1mo']);
  });

  it('grades with 1–4: sends the rating, the item, a new review id and the time the card was shown', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const api = serve([basicItem, reviewItem]);
    await renderStudy();
    vi.spyOn(Date, 'now').mockReturnValue(1_004_250);

    press(' ');
    press('3');

    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0]).toEqual({
      method: 'POST',
      url: '/api/cards/card-basic/reviews',
      body: { rating: 'good', ordinal: 1, durationMs: 4250, reviewId: reviewIds[0] },
    });
    expect(front()).toBe('What does TTL stand for?');
    expect(screen.queryByTestId('review-back')).toBeNull();
    // the queue is asked again after the grade
    await waitFor(() => expect(api.seen.filter((request) => request.url.startsWith('/api/reviews/queue'))).toHaveLength(2));
    // the refilled queue's counts show once its answer is read, not when the request is made
    await waitFor(() => expect(screen.getByTestId('review-left').textContent).toBe('Left: 0 new · 0 learning · 1 to review'));

    press(' ');
    press('1');
    await waitFor(() => expect(posts(api)).toHaveLength(2));
    expect(posts(api)[1].body).toMatchObject({ rating: 'again', reviewId: reviewIds[1] });
    expect(reviewIds[1]).not.toBe(reviewIds[0]);
  });

  it('brings back a learning card when the refilled queue has it again', async () => {
    const again = { ...basicItem, schedule: { ...basicItem.schedule, state: 'learning' as const } };
    serve([basicItem, reviewItem], {
      'POST /api/cards/card-basic/reviews': (request) => {
        serverQueue = queue([again, reviewItem]);
        return graded(request);
      },
    });
    await renderStudy();

    press(' ');
    press('1');
    await waitFor(() => expect(screen.getByTestId('review-left').textContent).toBe('Left: 0 new · 1 learning · 1 to review'));

    // the card on screen stays; the learning card waits behind it
    expect(front()).toBe('What does TTL stand for?');
    press(' ');
    press('3');
    await waitFor(() => expect(front()).toBe('What is Redis?'));
  });

  it('Z and Ctrl+Z undo the last grades with DELETE and bring their cards back', async () => {
    const api = serve([basicItem, reviewItem], {
      'DELETE /api/reviews/00000000-0000-4000-8000-000000000002': () =>
        jsonResponse({ reviewId: reviewIds[1], cardId: 'card-review', ordinal: 1, schedule: reviewItem.schedule }),
      'DELETE /api/reviews/00000000-0000-4000-8000-000000000001': () =>
        jsonResponse({ reviewId: reviewIds[0], cardId: 'card-basic', ordinal: 1, schedule: basicItem.schedule }),
    });
    await renderStudy();
    press(' ');
    press('3');
    await waitFor(() => expect(front()).toBe('What does TTL stand for?'));
    press(' ');
    press('2');
    await screen.findByTestId('review-finished');
    expect(screen.getByTestId('session-tally').textContent).toBe('0 Again1 Hard1 Good0 Easy');

    press('z', { ctrlKey: true });

    await waitFor(() => expect(screen.queryByTestId('review-finished')).toBeNull());
    expect(front()).toBe('What does TTL stand for?');
    expect(screen.queryByTestId('review-back')).toBeNull();
    expect(screen.getByTestId('review-notice').textContent).toBe('Undid “Hard”: the card is back.');

    press('z');
    await waitFor(() => expect(front()).toBe('What is Redis?'));
    expect(api.changes().filter((request) => request.method === 'DELETE').map((request) => request.url)).toEqual([
      `/api/reviews/${reviewIds[1]}`,
      `/api/reviews/${reviewIds[0]}`,
    ]);

    press('z');
    await waitFor(() => expect(screen.getByTestId('review-notice').textContent).toBe('Nothing to undo yet.'));
  });

  it('says so when a grade can no longer be undone', async () => {
    serve([basicItem, reviewItem], {
      'DELETE /api/reviews/00000000-0000-4000-8000-000000000001': () => problemResponse(409, 'Review not latest', 'Only the latest review of a card can be undone.'),
    });
    await renderStudy();
    press(' ');
    press('3');
    await waitFor(() => expect(front()).toBe('What does TTL stand for?'));

    press('z');

    await waitFor(() => expect(screen.getByTestId('review-notice').textContent).toBe('Could not undo: Only the latest review of a card can be undone.'));
    expect(front()).toBe('What does TTL stand for?');
  });

  it('puts the card back with the answer showing when its grade is not saved', async () => {
    serve([basicItem, reviewItem], { 'POST /api/cards/card-basic/reviews': () => problemResponse(500, 'Internal Server Error', 'Database down.') });
    await renderStudy();

    press(' ');
    press('3');

    await waitFor(() => expect(screen.getByTestId('review-notice').textContent).toBe('Your grade was not saved: Database down. Grade the card again.'));
    expect(front()).toBe('What is Redis?');
    expect(screen.getByTestId('grade-bar')).toBeTruthy();
    expect(screen.getByTestId('review-left').textContent).toBe('Left: 1 new · 0 learning · 1 to review');
  });

  it('E edits the card; keys typed in the editor are not shortcuts; the saved content shows', async () => {
    const api = serve([basicItem, reviewItem], {
      'PATCH /api/cards/card-basic': (request) => jsonResponse({ ...basicItem.card, ...(request.body as object), edited: true }),
    });
    await renderStudy();

    press('e');
    const back = (await screen.findByTestId('card-field-back')) as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('card-field-front')));
    for (const key of [' ', '3', 'z', 's', 'o', 'e']) fireEvent.keyDown(back, { key });
    fireEvent.change(back, { target: { value: 'A key-value store kept in RAM.' } });
    fireEvent.click(screen.getByTestId('card-save'));

    await waitFor(() => expect(screen.queryByTestId('card-field-back')).toBeNull());
    expect(api.changes()).toEqual([{ method: 'PATCH', url: '/api/cards/card-basic', body: { back: 'A key-value store kept in RAM.' } }]);
    expect(screen.queryByTestId('review-source')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(card()));
    press(' ');
    expect(screen.getByTestId('review-back').textContent).toBe('Answer: A key-value store kept in RAM.');
  });

  it('Escape leaves the editor without saving', async () => {
    const api = serve([basicItem]);
    await renderStudy();

    press('e');
    fireEvent.keyDown(await screen.findByTestId('card-field-front'), { key: 'Escape' });

    expect(screen.queryByTestId('card-field-front')).toBeNull();
    expect(front()).toBe('What is Redis?');
    expect(api.changes()).toEqual([]);
  });

  it('S suspends the card and moves on', async () => {
    const api = serve([basicItem, reviewItem], {
      'PATCH /api/cards/card-basic': () => {
        serverQueue = queue([reviewItem]);
        return jsonResponse({ ...basicItem.card, suspended: true });
      },
    });
    await renderStudy();

    press('s');

    await waitFor(() => expect(front()).toBe('What does TTL stand for?'));
    expect(api.changes()).toEqual([{ method: 'PATCH', url: '/api/cards/card-basic', body: { suspended: true } }]);
    expect(screen.getByTestId('review-notice').textContent).toContain('Card suspended');
    expect(screen.getByTestId('review-left').textContent).toBe('Left: 0 new · 0 learning · 1 to review');
  });

  it('O opens the source passage with the quote highlighted; Escape closes it and focus returns to the card', async () => {
    serve([basicItem], {
      'GET /api/cards/card-basic/source': () =>
        jsonResponse({
          chunkId: 'chunk-1',
          title: 'Redis: Get started',
          url: 'https://redis.io/docs/latest/develop/get-started/',
          headingPath: ['Get started'],
          page: null,
          text: SOURCE_TEXT,
          quote: 'It keeps data in RAM.',
          quoteStart: 50,
          quoteEnd: 71,
        }),
    });
    await renderStudy();

    press('o');

    const source = await screen.findByTestId('source-panel');
    expect(within(source).getByTestId('source-quote').textContent).toBe('It keeps data in RAM.');
    expect(within(source).getByRole('link').getAttribute('href')).toBe('https://redis.io/docs/latest/develop/get-started/');
    expect(screen.getByTestId('review-open-source').getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(source));

    press('Escape');

    expect(screen.queryByTestId('review-source')).toBeNull();
    expect(document.activeElement).toBe(card());
    press(' ');
    expect(screen.getByTestId('review-back')).toBeTruthy();
  });

  it('does not open a source for a card without one', async () => {
    serve([{ ...basicItem, card: { ...basicItem.card, anchor: null } }]);
    await renderStudy();

    press('o');

    expect(screen.queryByTestId('review-source')).toBeNull();
    expect((screen.getByTestId('review-open-source') as HTMLButtonElement).disabled).toBe(true);
  });

  it('ignores shortcuts with Alt or Ctrl (other than Ctrl+Z) and lets a focused button take Space', async () => {
    const api = serve([basicItem]);
    await renderStudy();

    press('s', { ctrlKey: true });
    press(' ', { altKey: true });
    expect(screen.queryByTestId('review-back')).toBeNull();

    screen.getByTestId('review-edit').focus();
    press(' ');
    expect(screen.queryByTestId('review-back')).toBeNull();
    expect(api.changes()).toEqual([]);
  });

  it('works by tapping: Show answer, then a grade button', async () => {
    const api = serve([basicItem]);
    await renderStudy();

    fireEvent.click(screen.getByTestId('show-answer'));
    fireEvent.click(screen.getByTestId('grade-easy'));

    await waitFor(() => expect(posts(api)).toHaveLength(1));
    expect(posts(api)[0].body).toMatchObject({ rating: 'easy' });
  });
});

describe('ReviewScreen: what a card asks', () => {
  it('hides a cloze item’s own deletion, shows the others, then reveals it with the extra', async () => {
    serve([clozeItem]);
    await renderStudy();

    expect(front()).toBe('Redis keeps the dataset in [...] (blank to fill in).');
    expect(screen.getByTestId('cloze-blank').dataset.n).toBe('2');
    expect(screen.getByTestId('review-item-label').textContent).toBe('Cloze 2');

    press(' ');

    expect(screen.queryByTestId('cloze-blank')).toBeNull();
    expect(within(screen.getByTestId('review-front')).getByTestId('cloze-answer').textContent).toBe('RAM');
    expect(front()).toBe('Redis keeps the dataset in RAM.');
    expect(screen.getByTestId('review-back').textContent).toBe('Answer: Snapshots are RDB files.');
  });

  it('asks the back of a reversed card’s second item', async () => {
    serve([reversedItem]);
    await renderStudy();

    expect(front()).toBe('A persistence mode that logs every write.');
    press(' ');
    expect(screen.getByTestId('review-back').textContent).toBe('Answer: Append-only file');
  });
});

describe('ReviewScreen: finishing', () => {
  it('shows the session’s grades and when the next card is due, and links back', async () => {
    const inTenMinutes = new Date(Date.now() + 10 * 60_000 + 5_000).toISOString();
    serve([basicItem, reviewItem], {}, inTenMinutes);
    await renderStudy();

    press(' ');
    press('1');
    await waitFor(() => expect(front()).toBe('What does TTL stand for?'));
    press(' ');
    press('4');

    const finished = await screen.findByTestId('review-finished');
    expect(within(finished).getByRole('heading').textContent).toBe('Done for now');
    await waitFor(() => expect(document.activeElement).toBe(within(finished).getByRole('heading')));
    expect(screen.getByTestId('session-reviewed').textContent).toBe('You reviewed 2 cards in this session.');
    expect([...screen.getByTestId('session-tally').querySelectorAll('li')].map((li) => [li.dataset.rating, li.textContent])).toEqual([
      ['again', '1 Again'],
      ['hard', '0 Hard'],
      ['good', '0 Good'],
      ['easy', '1 Easy'],
    ]);
    expect(screen.getByTestId('next-due').textContent).toBe('Next card due in 10 minutes.');
    expect(screen.getByTestId('review-left').textContent).toBe('Left: 0 new · 0 learning · 0 to review');
    expect(screen.getByTestId('review-back-link').getAttribute('href')).toBe(`/topics/${TOPIC_ID}`);
  });

  it('says when nothing is due and nothing is scheduled', async () => {
    serve([]);
    await renderStudy();

    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Nothing to study right now');
    expect(screen.getByTestId('next-due').textContent).toBe('No other cards are scheduled yet.');
    expect(screen.queryByTestId('session-tally')).toBeNull();
  });

  it('asks again by itself when a learning card is due soon', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      const api = serve([], {}, new Date(Date.now() + 60_000).toISOString());
      render(
        <MemoryRouter initialEntries={[`/topics/${TOPIC_ID}/study`]}>
          <Routes>
            <Route path="topics/:id/study" element={<StudyPage kind="topic" />} />
          </Routes>
        </MemoryRouter>,
      );
      await act(async () => {
        await vi.advanceTimersByTimeAsync(10);
      });
      expect(screen.getByTestId('next-due').textContent).toBe('Next card due in a minute.');
      serverQueue = queue([{ ...basicItem, schedule: { ...basicItem.schedule, state: 'learning' } }]);

      await act(async () => {
        await vi.advanceTimersByTimeAsync(62_000);
      });

      expect(front()).toBe('What is Redis?');
      expect(api.seen.filter((request) => request.url.startsWith('/api/reviews/queue'))).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows why the cards could not be loaded', async () => {
    mockApi({
      [QUEUE]: () => problemResponse(404, 'Not Found', 'No topic with id redis-week.'),
      [TITLE]: () => problemResponse(404, 'Not Found', 'No topic with id redis-week.'),
    });
    await renderStudy();

    expect(screen.getByRole('alert').textContent).toContain('No topic with id redis-week.');
  });
});
