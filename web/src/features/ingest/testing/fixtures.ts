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

/** A fetch answer as the server would send it. */
export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export function problemResponse(status: number, title: string, detail: string): Response {
  return jsonResponse({ type: `https://groundwork.dev/problems/${status}`, title, status, detail }, status, 'application/problem+json');
}

/** An event-stream answer whose body arrives in the given text chunks, then closes. */
export function eventStreamResponse(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

/** `event:`/`data:` lines for one event, as Spring writes them. */
export function sseEvent(event: string, data: unknown): string {
  return `event:${event}\ndata:${JSON.stringify(data)}\n\n`;
}

/** An event-stream answer the test writes to as it goes; `close` ends it like the server does after `done`. */
export function openEventStream(): { response: Response; push: (text: string) => void; close: () => void } {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    push: (text) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
  };
}
