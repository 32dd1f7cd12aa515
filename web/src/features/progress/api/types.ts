/** Shapes of the progress endpoints (see api/progress in the backend). */

export type TopicState = 'not-started' | 'learning' | 'solid' | 'needs-revision';

export interface StateCounts {
  notStarted: number;
  learning: number;
  solid: number;
  needsRevision: number;
}

export interface TopicProgress {
  topicId: string;
  state: TopicState;
  /** 0..1 */
  mastery: number;
  cards: { count: number; inReview: number; retrievability: number | null };
  /** `recent`: the latest interview score, 0–4. */
  interview: { answered: number; recent: number | null };
  /** Why the topic is in its state, in a sentence. */
  reason: string;
}

/** `GET /api/roadmaps/{id}/progress`. */
export interface RoadmapProgress {
  roadmapId: string;
  /** 0..1 */
  completion: number;
  counts: StateCounts;
  topics: TopicProgress[];
}

/** One roadmap in `GET /api/progress`. */
export interface RoadmapCompletion {
  roadmapId: string;
  completion: number;
  counts: StateCounts;
}
