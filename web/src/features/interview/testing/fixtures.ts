import { sseEvent } from '../../../test/responses';
import type { Anchor, Citation, DoneEvent, Point, Question, Report, Result, Score, Session, SessionSummary } from '../api/types';

/** Test data shaped like the interview endpoints' answers; used by unit tests only. */

export const SESSION_ID = 'iv-1';
export const ROADMAP_ID = 'caching-drill';
export const TOPIC_ID = 'redis-week';

export const redisAnchor: Anchor = {
  chunkId: 'chunk-1',
  url: 'https://redis.io/docs/latest/develop/get-started/',
  title: 'Redis: Get started',
  headingPath: ['Get started', 'Persistence'],
  page: null,
  quote: 'Redis persists the dataset with RDB snapshots or an append-only file.',
};

export const ddiaAnchor: Anchor = {
  chunkId: 'chunk-2',
  url: 'https://dataintensive.net/ddia.pdf',
  title: 'Designing Data-Intensive Applications',
  headingPath: ['Replication'],
  page: 152,
  quote: 'Asynchronous replication can lose writes that were acknowledged.',
};

export const points: Point[] = [
  { index: 0, point: 'RDB snapshots are point-in-time copies', verdict: 'covered', evidence: 'Snapshots copy the data now and then.', anchor: redisAnchor },
  { index: 1, point: 'AOF logs every write', verdict: 'partial', evidence: 'There is also a log.', anchor: redisAnchor },
  { index: 2, point: 'Replication can lose acknowledged writes', verdict: 'missed', evidence: null, anchor: ddiaAnchor },
];

const part = (score: number, reason: string) => ({ score, reason });

export const score: Score = {
  correctness: part(3, 'Right about snapshots.'),
  depth: part(2, 'Little on the log.'),
  tradeoffs: part(1, 'No durability trade-off.'),
  communication: part(3, 'Clear.'),
  overall: part(2.3, 'A fair start.'),
  mode: 'offline',
  note: 'Graded offline: the rubric was checked by matching your answer against the passages, without a language model.',
};

export const citations: Citation[] = [
  { n: 1, chunkId: 'chunk-1', url: redisAnchor.url, title: redisAnchor.title, headingPath: redisAnchor.headingPath, page: null },
  { n: 2, chunkId: 'chunk-2', url: ddiaAnchor.url, title: ddiaAnchor.title, headingPath: ddiaAnchor.headingPath, page: 152 },
];

export function question(overrides: Partial<Question> & Pick<Question, 'id' | 'position'>): Question {
  return {
    parentId: null,
    kind: 'concept',
    level: 'senior',
    topicId: TOPIC_ID,
    topicTitle: 'Week 1: Redis basics',
    origin: 'concept',
    text: 'How does Redis persist data?',
    status: 'pending',
    draft: null,
    sources: [{ title: redisAnchor.title, url: redisAnchor.url }],
    broadened: false,
    result: null,
    ...overrides,
  };
}

export const storedResult: Result = {
  answer: 'Snapshots copy the data now and then. There is also a log.',
  durationMs: 65_000,
  mode: 'offline',
  model: null,
  points,
  score,
  reference: { text: 'Redis writes **RDB snapshots** [1] and can log every write [1]; replicas may lag [2].', citations },
  followupId: null,
};

export const q1 = question({ id: 'q1', position: 1 });
export const q2 = question({
  id: 'q2',
  position: 2,
  kind: 'trade-off',
  origin: 'interview-line',
  text: 'When does a cache make consistency worse?',
  sources: [{ title: ddiaAnchor.title, url: ddiaAnchor.url }],
  broadened: true,
});
export const followup = question({
  id: 'q1-f',
  position: 3,
  parentId: 'q1',
  kind: 'scenario',
  origin: 'follow-up',
  text: 'A replica lost acknowledged writes after a failover. Why?',
});

export function session(overrides: Partial<Session> = {}): Session {
  return {
    id: SESSION_ID,
    scope: { kind: 'topic', id: TOPIC_ID, title: 'Week 1: Redis basics', roadmapId: ROADMAP_ID },
    level: 'senior',
    kinds: [],
    status: 'active',
    createdAt: '2026-12-01T10:00:00Z',
    endedAt: null,
    notice: null,
    questions: [q1, q2],
    ...overrides,
  };
}

export const doneData: DoneEvent = { questionId: 'q1', mode: 'offline', model: null, overall: 2.3, durationMs: 42_000 };

/** The whole stream of a graded answer to q1, with a follow-up. */
export function gradedStream({ withFollowup = true } = {}): string[] {
  return [
    ...points.map((point) => sseEvent('point', point)),
    sseEvent('score', score),
    sseEvent('reference', { text: 'Redis writes **RDB snapshots** [1' }),
    sseEvent('reference', { text: '] and can log every write.' }),
    sseEvent('citation', citations[0]),
    sseEvent('reference', { text: ' Replicas may lag [2].' }),
    sseEvent('citation', citations[1]),
    ...(withFollowup ? [sseEvent('followup', followup)] : []),
    ': heartbeat\n\n',
    sseEvent('done', doneData),
  ];
}

export const summaries: SessionSummary[] = [
  {
    id: 'iv-2',
    scope: { kind: 'roadmap', id: ROADMAP_ID, title: 'Caching drill', roadmapId: ROADMAP_ID },
    level: 'staff',
    status: 'ended',
    createdAt: '2026-12-02T09:30:00Z',
    questions: 5,
    answered: 5,
    overall: 3.2,
  },
  {
    id: SESSION_ID,
    scope: { kind: 'topic', id: TOPIC_ID, title: 'Week 1: Redis basics', roadmapId: ROADMAP_ID },
    level: 'senior',
    status: 'active',
    createdAt: '2026-12-01T10:00:00Z',
    questions: 2,
    answered: 0,
    overall: null,
  },
];

export function report(overrides: Partial<Report> = {}): Report {
  return {
    sessionId: SESSION_ID,
    scope: session().scope,
    level: 'senior',
    status: 'ended',
    overall: { score: 2.3, answered: 1, skipped: 1, pending: 0 },
    questions: [
      {
        id: 'q1',
        position: 1,
        parentId: null,
        kind: 'concept',
        text: q1.text,
        topicId: TOPIC_ID,
        topicTitle: 'Week 1: Redis basics',
        status: 'answered',
        durationMs: 65_000,
        score,
        missed: [
          { index: 1, point: 'AOF logs every write', verdict: 'partial', anchor: redisAnchor },
          { index: 2, point: 'Replication can lose acknowledged writes', verdict: 'missed', anchor: ddiaAnchor },
        ],
      },
      {
        id: 'q2',
        position: 2,
        parentId: null,
        kind: 'trade-off',
        text: q2.text,
        topicId: TOPIC_ID,
        topicTitle: 'Week 1: Redis basics',
        status: 'skipped',
        durationMs: null,
        score: null,
        missed: [],
      },
    ],
    weakestTopics: [{ topicId: TOPIC_ID, title: 'Week 1: Redis basics', overall: 2.3, answered: 1 }],
    studyNext: [{ topicId: TOPIC_ID, topicTitle: 'Week 1: Redis basics', point: 'Replication can lose acknowledged writes', anchor: ddiaAnchor }],
    ...overrides,
  };
}
