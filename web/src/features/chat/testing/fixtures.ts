import type { AnswerSource, DoneEvent, SourcesEvent } from '../api/types';
import { sseEvent } from '../../../test/responses';

/** Test data shaped like the answer stream's events; used by unit tests only. */
export const prometheus: AnswerSource = {
  n: 1,
  chunkId: '6f1c2a9e-0000-4000-8000-000000000001',
  title: 'Prometheus overview',
  url: 'https://prometheus.io/docs/introduction/overview/',
  headingPath: ['Overview', 'Features'],
  page: null,
  snippet: 'Prometheus is an open-source systems monitoring and alerting toolkit…',
  text: 'Prometheus is an open-source systems monitoring and alerting toolkit. It stores metrics as time series <b>data</b>.',
};

export const sreBook: AnswerSource = {
  n: 2,
  chunkId: '6f1c2a9e-0000-4000-8000-000000000002',
  title: 'Site Reliability Engineering',
  url: 'https://sre.google/sre-book.pdf',
  headingPath: ['Monitoring Distributed Systems', 'The Four Golden Signals'],
  page: 12,
  snippet: 'The four golden signals of monitoring are latency, traffic, errors, and saturation.',
  text: 'The four golden signals of monitoring are latency, traffic, errors, and saturation.',
};

/** A topic's own text: its URL is not a web address, so it is shown as a title only. */
export const topicText: AnswerSource = {
  n: 3,
  chunkId: '6f1c2a9e-0000-4000-8000-000000000003',
  title: 'Week 3: Observability',
  url: 'groundwork:topic/0b6d3f52-9a7e-4c1e-9d51-1f0f5c7a3b21',
  headingPath: [],
  page: null,
  snippet: 'Learn metrics, logs and traces.',
  text: 'Learn metrics, logs and traces.',
};

export function sourcesEvent(overrides: Partial<SourcesEvent> = {}): string {
  return sseEvent('sources', { mode: 'llm', conversationId: 'conv-1', sources: [prometheus, sreBook, topicText], ...overrides });
}

export function tokenEvent(text: string): string {
  return sseEvent('token', { text });
}

export function citationEvent(source: AnswerSource): string {
  return sseEvent('citation', { n: source.n, chunkId: source.chunkId });
}

export function doneEvent(overrides: Partial<DoneEvent> = {}): string {
  return sseEvent('done', {
    mode: 'llm',
    model: 'qwen2.5:7b-instruct',
    usage: { promptTokens: 812, completionTokens: 64, totalTokens: 876 },
    latencyMs: 2310,
    firstTokenMs: 420,
    conversationId: 'conv-1',
    unsupported: [],
    droppedCitations: [],
    ...overrides,
  });
}

export const failedEvent = sseEvent('failed', {
  type: 'https://groundwork.dev/problems/generation-failed',
  title: 'Generation failed',
  status: 502,
  detail: 'The model stopped answering; try again.',
});

/** A complete answer: sources, tokens with two citations and a heartbeat between them, then done. */
export const completeAnswer: string[] = [
  ': heartbeat\n\n',
  sourcesEvent(),
  tokenEvent('Prometheus stores **metrics** as time series [1'),
  tokenEvent(']'),
  citationEvent(prometheus),
  ':heartbeat\n\n',
  tokenEvent('. Watch the golden signals [2]'),
  citationEvent(sreBook),
  tokenEvent('.'),
  doneEvent(),
];

export { byteChunks } from '../../../test/responses';
