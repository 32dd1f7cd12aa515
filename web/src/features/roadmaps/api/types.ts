/** Shapes of the roadmap endpoints under /api (see api/roadmap in the backend). */

export type TopicKind =
  | 'phase'
  | 'month'
  | 'week'
  | 'day'
  | 'milestone'
  | 'section'
  | 'project'
  | 'checklist'
  | (string & {});

export interface ResourceRef {
  /** Absent for named references such as a book title. */
  url: string | null;
  title: string;
  /**
   * The resource's kind: `link`, `video` (a video host or an `@video@` link: shown, never fetched), a link's type
   * prefix (`article`, `official`, `opensource`, `course`, …), or a named reference's type (`book`, `course`, …).
   */
  type: string;
}

export interface TopicNode {
  id: string;
  key: string;
  title: string;
  kind: TopicKind;
  /** Headings from the roadmap root down to this topic. */
  path: string[];
  description: string | null;
  concepts: string[];
  resources: ResourceRef[];
  buildTasks: string[];
  interviewFocus: string[];
  children: TopicNode[];
}

export interface RoadmapSummary {
  id: string;
  title: string;
  description: string | null;
  topicCount: number;
  resourceCount: number;
  importedAt: string;
  updatedAt: string;
}

export interface RoadmapDetail extends RoadmapSummary {
  topics: TopicNode[];
  /** How fresh the roadmap's resources are: its scheduled checks and what the last one found. */
  freshness?: Freshness | null;
}

/** A resource a check found changed, or failed (with its reason). */
export interface CheckedSource {
  title: string;
  url: string;
  reason: string | null;
}

/** One finished check of a roadmap's resources. */
export interface FreshnessCheck {
  trigger: 'schedule' | 'manual';
  startedAt: string;
  finishedAt: string;
  checked: number;
  unchanged: number;
  changed: number;
  failed: number;
  changedResources: CheckedSource[];
  failedResources: CheckedSource[];
}

/** A roadmap's refresh setting, when it is next checked, and its last check (`GET /api/roadmaps/{id}/refresh`). */
export interface Freshness {
  /** The roadmap's own switch. */
  enabled: boolean;
  /** Whether scheduled checks run at all on this server. */
  scheduled: boolean;
  /** ISO-8601 duration between checks, e.g. `PT168H`. */
  interval: string;
  defaultInterval: boolean;
  nextCheckAt: string | null;
  /** The start of the check running now, or null. */
  running: string | null;
  last: FreshnessCheck | null;
}

export interface TopicDetail extends TopicNode {
  roadmapId: string;
  roadmapTitle: string;
}

/** A link an import did not keep as a resource (a relative link, an anchor), and why. */
export interface SkippedLink {
  /** The topic it was under; null in the roadmap's overview. */
  topic: string | null;
  title: string;
  url: string;
  reason: string;
}

/** The answer to an import: the stored roadmap, and the links the import skipped. */
export interface ImportedRoadmap extends RoadmapDetail {
  skippedLinks?: SkippedLink[];
}
