import type { Interval, QueueItem, Rating, ReviewCard, ReviewCounts, ReviewQueue, ReviewStats, Schedule } from '../api/types';

/** Test data shaped like the review endpoints' answers; used by unit tests only. */

export const ROADMAP_ID = 'caching-drill';
export const TOPIC_ID = 'redis-week';

export function reviewCard(overrides: Partial<ReviewCard> & Pick<ReviewCard, 'id'>): ReviewCard {
  return {
    topicId: TOPIC_ID,
    roadmapId: ROADMAP_ID,
    topicTitle: 'Week 1: Redis basics',
    type: 'basic',
    front: 'What is Redis?',
    back: 'An in-memory data store.',
    text: null,
    anchor: {
      resourceUrl: 'https://redis.io/docs/latest/develop/get-started/',
      title: 'Redis: Get started',
      headingPath: ['Get started', 'What is Redis?'],
      page: null,
    },
    suspended: false,
    ...overrides,
  };
}

export const NEW_SCHEDULE: Schedule = {
  state: 'new',
  due: null,
  stability: 0,
  difficulty: 0,
  retrievability: null,
  scheduledDays: 0,
  reps: 0,
  lapses: 0,
  lastReview: null,
};

const interval = (seconds: number, label: string): Interval => ({ seconds, label });

export const NEW_INTERVALS: Record<Rating, Interval> = {
  again: interval(60, '1m'),
  hard: interval(360, '6m'),
  good: interval(600, '10m'),
  easy: interval(8 * 86400, '8d'),
};

export function queueItem(card: ReviewCard, overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    card,
    item: { ordinal: 1, label: card.type === 'cloze' ? 'Cloze 1' : 'Front → back' },
    schedule: NEW_SCHEDULE,
    intervals: NEW_INTERVALS,
    ...overrides,
  };
}

export const basicItem = queueItem(reviewCard({ id: 'card-basic' }));

export const reviewItem = queueItem(reviewCard({ id: 'card-review', front: 'What does TTL stand for?', back: 'Time to live.' }), {
  schedule: {
    ...NEW_SCHEDULE,
    state: 'review',
    due: '2026-12-01T09:00:00Z',
    stability: 12.3,
    difficulty: 5.1,
    retrievability: 0.87,
    scheduledDays: 12,
    reps: 4,
    lastReview: '2026-11-19T09:00:00Z',
  },
  intervals: { again: interval(600, '10m'), hard: interval(15 * 86400, '15d'), good: interval(33 * 86400, '1.1mo'), easy: interval(64 * 86400, '2.1mo') },
});

export const reversedItem = queueItem(
  reviewCard({ id: 'card-reversed', type: 'reversed', front: 'Append-only file', back: 'A persistence mode that logs every write.' }),
  { item: { ordinal: 2, label: 'Back → front' } },
);

export const clozeItem = queueItem(
  reviewCard({
    id: 'card-cloze',
    type: 'cloze',
    front: null,
    back: 'Snapshots are RDB files.',
    text: '{{c1::Redis}} keeps the dataset in {{c2::RAM}}.',
  }),
  { item: { ordinal: 2, label: 'Cloze 2' } },
);

export function queue(items: QueueItem[], overrides: Partial<ReviewQueue> = {}): ReviewQueue {
  const counts = { learning: 0, review: 0, new: 0 };
  for (const item of items) {
    if (item.schedule.state === 'new') counts.new += 1;
    else if (item.schedule.state === 'review') counts.review += 1;
    else counts.learning += 1;
  }
  return { items, counts, nextDue: null, ...overrides };
}

export const reviewCounts: ReviewCounts = {
  due: 12,
  new: 5,
  topics: {
    w1: { due: 3, new: 1 },
    w2: { due: 4, new: 0 },
    d1: { due: 2, new: 2 },
    p1: { due: 3, new: 2 },
  },
};

export function reviewStats(overrides: Partial<ReviewStats> = {}): ReviewStats {
  return {
    states: { new: 20, learning: 3, review: 40, relearning: 1, suspended: 2 },
    dueNow: 12,
    dueToday: 15,
    newToday: 5,
    reviewsToday: 30,
    retention: { days: 30, reviews: 120, passed: 109, rate: 109 / 120 },
    forecast: Array.from({ length: 30 }, (_, day) => ({
      date: `2026-12-${String(day + 1).padStart(2, '0')}`,
      due: day === 0 ? 15 : (day * 7) % 11,
    })),
    nextDue: '2026-12-01T10:10:00Z',
    ...overrides,
  };
}
