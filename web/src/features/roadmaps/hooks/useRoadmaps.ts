import { getRoadmap, getTopic, listRoadmaps } from '../api/roadmaps-api';
import { useApiResource } from '../../../lib/use-api-resource';

export function useRoadmaps() {
  return useApiResource((signal) => listRoadmaps(signal), []);
}

export function useRoadmap(id: string) {
  return useApiResource((signal) => getRoadmap(id, signal), [id]);
}

export function useTopic(id: string) {
  return useApiResource((signal) => getTopic(id, signal), [id]);
}
