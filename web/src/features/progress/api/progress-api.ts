import { apiFetch } from '../../../lib/api-client';
import type { RoadmapCompletion, RoadmapProgress } from './types';

/** Every topic's state and mastery in a roadmap. */
export function getRoadmapProgress(roadmapId: string, signal?: AbortSignal): Promise<RoadmapProgress> {
  return apiFetch<RoadmapProgress>(`/api/roadmaps/${encodeURIComponent(roadmapId)}/progress`, { signal });
}

/** How complete each roadmap is, for the roadmap list. */
export function listProgress(signal?: AbortSignal): Promise<RoadmapCompletion[]> {
  return apiFetch<RoadmapCompletion[]>('/api/progress', { signal });
}
