import { apiFetch, isApiError } from '../../../lib/api-client';
import type { Freshness, ImportedRoadmap, RoadmapDetail, RoadmapSummary, TopicDetail } from './types';

export function listRoadmaps(signal?: AbortSignal): Promise<RoadmapSummary[]> {
  return apiFetch<RoadmapSummary[]>('/api/roadmaps', { signal });
}

export function getRoadmap(id: string, signal?: AbortSignal): Promise<RoadmapDetail> {
  return apiFetch<RoadmapDetail>(`/api/roadmaps/${encodeURIComponent(id)}`, { signal });
}

/** The roadmap's freshness: its refresh setting, the next check, the last one, one running now. */
export function getFreshness(id: string, signal?: AbortSignal): Promise<Freshness> {
  return apiFetch<Freshness>(`/api/roadmaps/${encodeURIComponent(id)}/refresh`, { signal });
}

/** Starts a check of the roadmap's resources now; resolves to its freshness, with the check running. */
export function checkNow(id: string, signal?: AbortSignal): Promise<Freshness> {
  return apiFetch<Freshness>(`/api/roadmaps/${encodeURIComponent(id)}/refresh`, { method: 'POST', signal });
}

export function getTopic(id: string, signal?: AbortSignal): Promise<TopicDetail> {
  return apiFetch<TopicDetail>(`/api/topics/${encodeURIComponent(id)}`, { signal });
}

/**
 * Where an uploaded roadmap goes: found by its title (`title`, the default), imported as a new roadmap even when
 * its title is taken (`new`), or written over the stored roadmap `id` (`update`).
 */
export type UploadMode = { as: 'title' } | { as: 'new' } | { as: 'update'; id: string };

/** Problem type of a `409`: a different roadmap with the file's title is stored; the problem names it. */
export const ROADMAP_EXISTS = 'urn:groundwork:problem:roadmap-exists';

/** The stored roadmap a `roadmap-exists` problem names. */
export interface ExistingRoadmap {
  id: string;
  title: string;
}

/**
 * Imports a roadmap file (Markdown or plain text) as multipart field `file`; resolves to the stored roadmap and the
 * links the import skipped.
 * By title, a different stored roadmap with the same title rejects with a `409` (see {@link existingRoadmap}).
 */
export function uploadRoadmap(
  file: File,
  mode: UploadMode = { as: 'title' },
  signal?: AbortSignal,
): Promise<ImportedRoadmap> {
  const body = new FormData();
  body.append('file', file, file.name);
  if (mode.as === 'update') {
    return apiFetch<ImportedRoadmap>(`/api/roadmaps/${encodeURIComponent(mode.id)}`, { method: 'PUT', body, signal });
  }
  const path = mode.as === 'new' ? '/api/roadmaps?as=new' : '/api/roadmaps';
  return apiFetch<ImportedRoadmap>(path, { method: 'POST', body, signal });
}

/** The stored roadmap an upload clashed with, when the error is a `roadmap-exists` problem; otherwise null. */
export function existingRoadmap(error: unknown): ExistingRoadmap | null {
  if (!isApiError(error) || error.status !== 409 || error.problem.type !== ROADMAP_EXISTS) return null;
  const { existingId, existingTitle } = error.problem;
  return typeof existingId === 'string' && typeof existingTitle === 'string'
    ? { id: existingId, title: existingTitle }
    : null;
}
