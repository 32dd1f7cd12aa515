/** Shapes of `/api/topics/{id}/resources` (see api/source in the backend). */

/** `link`, `file` or `text` for a learner's source; a roadmap's own resource may also be `book`, `course`, … */
export type SourceKind = 'link' | 'file' | 'text' | (string & {});

/** pending, fetched, not_modified, failed or reference. */
export type SourceState = 'pending' | 'fetched' | 'not_modified' | 'failed' | 'reference' | (string & {});

export interface TopicSource {
  id: string;
  title: string;
  kind: SourceKind;
  /** Absent for an uploaded file, pasted text or a named reference. */
  url?: string;
  fileName?: string;
  state: SourceState;
  /** Why its ingestion failed. */
  reason?: string;
  chunks: number;
  /** The name of the learner who added it; absent for the roadmap's own resources. */
  addedBy?: string;
  addedByYou: boolean;
  addedAt?: string;
}

/** What the learner adds: a link, a file, or pasted text with a title. */
export type NewSource =
  | { kind: 'link'; url: string; title?: string }
  | { kind: 'file'; file: File; title?: string }
  | { kind: 'text'; title: string; text: string };
