/** Shapes of the ingestion endpoints under /api/roadmaps/{id}/ingestion (see api/ingestion in the backend). */

/** `reference` is a named reference (a book, a course) with no URL: it is never fetched. */
export type ResourceState =
  | 'pending'
  | 'fetched'
  | 'not_modified'
  | 'failed'
  | 'reference'
  | 'not_fetched'
  | (string & {});

export interface ResourceStatus {
  roadmapId: string;
  /** Absent for named references. */
  url: string | null;
  title: string;
  /** link, book, course, … */
  type: string;
  state: ResourceState;
  /** Why it failed, e.g. "HTTP 404"; else null. */
  reason: string | null;
  chunks: number;
  /** PDF pages extracted, or null. */
  pages: number | null;
  /** Documents fetched for it: the page, a README, crawled subpages, linked PDFs. */
  documents: number;
  failedDocuments: number;
}

export interface IngestionStatus {
  roadmapId: string;
  title: string;
  /** Jobs by state: queued, running, done, failed. */
  jobs: Record<string, number>;
  /** Resources by {@link ResourceState}. */
  resources: Record<string, number>;
  /** Chunks stored from the roadmap's resources. */
  chunks: number;
  /** Chunks stored from the roadmap's own topic texts. */
  topicChunks: number;
  /** True when no job is queued or running. */
  finished: boolean;
  items: ResourceStatus[];
}

/** An event of the ingestion stream: `progress` whenever the status changes, `done` once it is finished. */
export interface IngestionEvent {
  type: 'progress' | 'done';
  status: IngestionStatus;
}
