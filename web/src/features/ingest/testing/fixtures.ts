import type { IngestionStatus, ResourceStatus } from '../api/types';

/** Test data shaped like the API's answers; used by unit tests only. */
export function resource(overrides: Partial<ResourceStatus> & Pick<ResourceStatus, 'title' | 'state'>): ResourceStatus {
  return {
    roadmapId: 'six-month-plan',
    url: null,
    type: 'link',
    reason: null,
    chunks: 0,
    pages: null,
    documents: 0,
    failedDocuments: 0,
    ...overrides,
  };
}

export const items: ResourceStatus[] = [
  resource({ url: 'https://prometheus.io/docs/', title: 'Prometheus Docs', state: 'fetched', chunks: 120, documents: 14, failedDocuments: 2 }),
  resource({ url: 'https://sre.google/sre-book.pdf', title: 'SRE Book PDF', state: 'not_modified', chunks: 300, pages: 18, documents: 1 }),
  resource({ url: 'https://example.com/gone', title: 'Gone page', state: 'failed', reason: 'HTTP 404', documents: 1, failedDocuments: 1 }),
  resource({ url: 'https://kafka.apache.org/documentation/', title: 'Kafka docs', state: 'pending' }),
  resource({ title: 'Designing Data-Intensive Applications', type: 'book', state: 'reference' }),
];

/** Three of four web resources settled (fetched, not modified, failed), one pending, one named reference. */
export const inProgress: IngestionStatus = {
  roadmapId: 'six-month-plan',
  title: '6-Month Study Plan',
  jobs: { queued: 0, running: 1, done: 3, failed: 0 },
  resources: { fetched: 1, failed: 1, not_modified: 1, pending: 1, reference: 1 },
  chunks: 420,
  topicChunks: 40,
  finished: false,
  items,
};

export const finished: IngestionStatus = {
  ...inProgress,
  jobs: { queued: 0, running: 0, done: 4, failed: 0 },
  resources: { fetched: 2, failed: 1, not_modified: 1, pending: 0, reference: 1 },
  chunks: 512,
  finished: true,
  items: items.map((item) => (item.state === 'pending' ? { ...item, state: 'fetched', chunks: 92, documents: 3 } : item)),
};

export { eventStreamResponse, jsonResponse, openEventStream, problemResponse, sseEvent } from '../../../test/responses';
