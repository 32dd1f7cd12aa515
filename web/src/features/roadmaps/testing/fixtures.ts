import { jsonResponse } from '../../../test/responses';
import type { RoadmapDetail, RoadmapSummary, TopicNode } from '../api/types';

/** Test data shaped like the API's answers; used by unit tests only. */
export function topic(overrides: Partial<TopicNode> & Pick<TopicNode, 'id' | 'title' | 'kind'>): TopicNode {
  return {
    key: overrides.id,
    path: [overrides.title],
    description: null,
    concepts: [],
    resources: [],
    buildTasks: [],
    interviewFocus: [],
    children: [],
    ...overrides,
  };
}

export const week2 = topic({
  id: 'w2',
  key: 'month-1/week-2',
  title: 'Week 2: Caching and indexes',
  kind: 'week',
  path: ['Month 1: Core Engineering', 'Week 2: Caching and indexes'],
  concepts: ['Write-through cache', 'B-tree index'],
  resources: [
    { url: 'https://dataintensive.net/', title: 'DDIA by Kleppmann', type: 'link' },
    { url: null, title: 'Designing Data-Intensive Applications', type: 'book' },
  ],
  buildTasks: ['Add Redis caching to the TODO API'],
  interviewFocus: ['When does a cache make consistency worse?'],
  children: [topic({ id: 'd1', title: 'Day 1: Cache-aside drill', kind: 'day' })],
});

export const month1 = topic({
  id: 'm1',
  key: 'month-1',
  title: 'Month 1: Core Engineering',
  kind: 'month',
  description: 'Systems design foundations.',
  resources: [{ url: 'https://sre.google/books/', title: 'Google SRE Book', type: 'link' }],
  children: [topic({ id: 'w1', title: 'Week 1: Distributed basics', kind: 'week' }), week2],
});

export const capstone = topic({
  id: 'p1',
  key: 'capstone',
  title: 'Capstone project',
  kind: 'project',
  buildTasks: ['Ship a RAG service'],
});

export const roadmapDetail: RoadmapDetail = {
  id: 'six-month-plan',
  title: '6-Month Study Plan',
  description: 'Become a senior engineer.',
  topicCount: 6,
  resourceCount: 3,
  importedAt: '2026-11-23T12:00:00Z',
  updatedAt: '2026-11-23T12:00:00Z',
  topics: [month1, capstone],
};

export const roadmapSummary: RoadmapSummary = {
  id: roadmapDetail.id,
  title: roadmapDetail.title,
  description: roadmapDetail.description,
  topicCount: roadmapDetail.topicCount,
  resourceCount: roadmapDetail.resourceCount,
  importedAt: roadmapDetail.importedAt,
  updatedAt: roadmapDetail.updatedAt,
};

/** The `409` the API answers when a different roadmap with the uploaded file's title is stored. */
export function roadmapExistsResponse(existingId: string, existingTitle: string): Response {
  return jsonResponse(
    {
      type: 'urn:groundwork:problem:roadmap-exists',
      title: 'Roadmap already exists',
      status: 409,
      detail: `A different roadmap titled "${existingTitle}" is already stored.`,
      existingId,
      existingTitle,
    },
    409,
    'application/problem+json',
  );
}

export { jsonResponse, problemResponse } from '../../../test/responses';
