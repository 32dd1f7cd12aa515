import { apiFetch, withJson } from '../../../lib/api-client';
import type { NewSource, TopicSource } from './types';

/** The file kinds a topic takes, as the file input's `accept`. */
export const SOURCE_ACCEPT = '.pdf,.md,.markdown,.txt,.html,.htm,.docx';

/** The server's default `groundwork.sources.max-file-size`; the server checks the real limit. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

function path(topicId: string): string {
  return `/api/topics/${encodeURIComponent(topicId)}/resources`;
}

/** Every resource of the topic: the roadmap's own, then those learners added, with their ingestion state. */
export function listSources(topicId: string, signal?: AbortSignal): Promise<TopicSource[]> {
  return apiFetch<TopicSource[]>(path(topicId), { signal });
}

/** Takes a source the learner added off the topic (another learner's answers 404). */
export function removeSource(topicId: string, sourceId: string): Promise<void> {
  return apiFetch<void>(`${path(topicId)}/${encodeURIComponent(sourceId)}`, { method: 'DELETE' });
}

/**
 * Adds a link (JSON `{url, title}`), pasted text (JSON `{title, text}`) or a file (multipart part `file`, field
 * `title`) to the topic; resolves to the source as the topic lists it, its ingestion queued.
 */
export function addSource(topicId: string, source: NewSource, signal?: AbortSignal): Promise<TopicSource> {
  if (source.kind === 'file') {
    const body = new FormData();
    body.append('file', source.file, source.file.name);
    if (source.title) body.append('title', source.title);
    return apiFetch<TopicSource>(path(topicId), { method: 'POST', body, signal });
  }
  const json = source.kind === 'link' ? { url: source.url, ...(source.title ? { title: source.title } : {}) }
    : { title: source.title, text: source.text };
  return apiFetch<TopicSource>(path(topicId), withJson('POST', json, signal));
}
