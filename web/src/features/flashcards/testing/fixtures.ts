import { sseEvent } from '../../../test/responses';
import type { Card, CardCounts, CardSource, GenerationDone, SkippedCard } from '../api/types';

/** Test data shaped like the card endpoints' answers; used by unit tests only. */

export const TOPIC_ID = '0b6d3f52-9a7e-4c1e-9d51-1f0f5c7a3b21';

const PASSAGE =
  'Redis is an in-memory data store used as a cache, database and message broker. ' +
  'It keeps the whole dataset in RAM and persists it to disk with snapshots or an append-only file.';

export const redisAnchor = {
  chunkId: '6f1c2a9e-0000-4000-8000-0000000000a1',
  resourceUrl: 'https://redis.io/docs/latest/develop/get-started/',
  title: 'Redis: Get started',
  headingPath: ['Get started', 'What is Redis?'],
  page: null,
  quote: 'Redis is an in-memory data store used as a cache, database and message broker.',
  start: 120,
  end: 199,
  chunkHash: 'a'.repeat(64),
};

export function card(overrides: Partial<Card> & Pick<Card, 'id'>): Card {
  return {
    topicId: TOPIC_ID,
    roadmapId: 'caching-drill',
    topicTitle: 'Week 1: Redis basics',
    topicArchived: false,
    type: 'basic',
    front: 'What is Redis?',
    back: 'An in-memory data store used as a cache, database and message broker.',
    text: null,
    origin: { kind: 'generated', model: null },
    anchor: redisAnchor,
    stale: null,
    suspended: false,
    edited: false,
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    items: [{ ordinal: 1, label: 'Front → back' }],
    ...overrides,
  };
}

export const basicCard = card({ id: 'card-basic' });

export const reversedCard = card({
  id: 'card-reversed',
  type: 'reversed',
  front: 'Append-only file',
  back: 'A Redis persistence mode that logs every write operation.',
  origin: { kind: 'generated', model: 'gpt-4o-mini' },
  items: [
    { ordinal: 1, label: 'Front → back' },
    { ordinal: 2, label: 'Back → front' },
  ],
});

export const clozeCard = card({
  id: 'card-cloze',
  type: 'cloze',
  front: null,
  back: 'Snapshots are called RDB files.',
  text: '{{c1::Redis}} keeps the whole dataset in {{c2::RAM::where?}} and persists it <b>to disk</b>.',
  items: [
    { ordinal: 1, label: 'Cloze 1' },
    { ordinal: 2, label: 'Cloze 2' },
  ],
});

export const manualCard = card({
  id: 'card-manual',
  front: 'Which command opens the Redis shell?',
  back: 'redis-cli',
  origin: { kind: 'manual', model: null },
  anchor: null,
  edited: true,
});

export const staleCard = card({
  id: 'card-stale',
  front: 'How does Redis persist data?',
  back: 'With RDB snapshots only.',
  stale: {
    reason: 'The source page changed: the quoted sentence is gone.',
    currentPassage: {
      chunkId: '6f1c2a9e-0000-4000-8000-0000000000a2',
      text: PASSAGE,
      quote: 'It keeps the whole dataset in RAM and persists it to disk with snapshots or an append-only file.',
      headingPath: ['Get started', 'Persistence'],
      page: null,
      start: 80,
      end: 177,
    },
  },
});

export const archivedCard = card({ id: 'card-archived', front: 'What is LFU?', back: 'Least frequently used.', topicArchived: true, suspended: true });

export const cardSource: CardSource = {
  chunkId: redisAnchor.chunkId,
  title: redisAnchor.title,
  url: redisAnchor.resourceUrl,
  headingPath: redisAnchor.headingPath,
  page: null,
  text: PASSAGE,
  quote: redisAnchor.quote,
  quoteStart: 0,
  quoteEnd: 79,
};

export const cardCounts: CardCounts = {
  total: 5,
  stale: 1,
  topics: {
    w1: { cards: 4, stale: 1 },
    d1: { cards: 1, stale: 0 },
    w2: { cards: 0, stale: 0 },
  },
};

export function cardEvent(value: Card): string {
  return sseEvent('card', value);
}

export function skippedEvent(reason: SkippedCard['reason'], front = 'A candidate', detail = `Skipped: ${reason}.`): string {
  return sseEvent('skipped', { front, reason, detail });
}

export function generationDoneEvent(overrides: Partial<GenerationDone> = {}): string {
  return sseEvent('done', { mode: 'extractive', model: null, accepted: 2, skipped: 3, durationMs: 1234, ...overrides });
}

export function generationFailedEvent(detail = 'The generator stopped; try again.'): string {
  return sseEvent('failed', { type: 'urn:groundwork:problem:generation-failed', title: 'Generation failed', status: 502, detail });
}

export { byteChunks } from '../../../test/responses';
