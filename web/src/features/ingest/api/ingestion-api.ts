import { apiFetch } from '../../../lib/api-client';
import { readEventStream } from '../../../lib/sse';
import type { IngestionEvent, IngestionStatus } from './types';

function ingestionPath(roadmapId: string): string {
  return `/api/roadmaps/${encodeURIComponent(roadmapId)}/ingestion`;
}

export function getIngestion(roadmapId: string, signal?: AbortSignal): Promise<IngestionStatus> {
  return apiFetch<IngestionStatus>(ingestionPath(roadmapId), { signal });
}

/**
 * Follows the roadmap's ingestion events until the server ends the stream (after `done`).
 * Throws like {@link readEventStream}: an ApiError with the ProblemDetail (404 for an unknown roadmap),
 * status 0 for a broken connection. Events of other types and undecodable data are skipped.
 */
export async function* streamIngestion(roadmapId: string, signal?: AbortSignal): AsyncGenerator<IngestionEvent, void, undefined> {
  for await (const event of readEventStream(`${ingestionPath(roadmapId)}/events`, { signal })) {
    if (event.event !== 'progress' && event.event !== 'done') continue;
    let status: IngestionStatus;
    try {
      status = JSON.parse(event.data) as IngestionStatus;
    } catch {
      continue;
    }
    yield { type: event.event, status };
  }
}
