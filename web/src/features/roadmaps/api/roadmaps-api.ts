import { apiFetch } from '../../../lib/api-client';
import type { RoadmapDetail, RoadmapSummary, TopicDetail } from './types';

export function listRoadmaps(signal?: AbortSignal): Promise<RoadmapSummary[]> {
  return apiFetch<RoadmapSummary[]>('/api/roadmaps', { signal });
}

export function getRoadmap(id: string, signal?: AbortSignal): Promise<RoadmapDetail> {
  return apiFetch<RoadmapDetail>(`/api/roadmaps/${encodeURIComponent(id)}`, { signal });
}

export function getTopic(id: string, signal?: AbortSignal): Promise<TopicDetail> {
  return apiFetch<TopicDetail>(`/api/topics/${encodeURIComponent(id)}`, { signal });
}

/** Imports a roadmap file (Markdown or plain text) as multipart field `file`; resolves to the stored roadmap. */
export function uploadRoadmap(file: File, signal?: AbortSignal): Promise<RoadmapDetail> {
  const body = new FormData();
  body.append('file', file, file.name);
  return apiFetch<RoadmapDetail>('/api/roadmaps', { method: 'POST', body, signal });
}
