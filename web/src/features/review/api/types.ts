/** Shapes of the review endpoints (see /work/notes/review-contract.md and api/review in the backend). */

export type { CardSource } from '../../../lib/card-source';

export type Rating = 'again' | 'hard' | 'good' | 'easy';

/** In key order: 1 again, 2 hard, 3 good, 4 easy. */
export const RATINGS: readonly Rating[] = ['again', 'hard', 'good', 'easy'];

export type ScheduleState = 'new' | 'learning' | 'review' | 'relearning';

/** A card item's scheduling state (FSRS). */
export interface Schedule {
  state: ScheduleState;
  /** Null for a new item. */
  due: string | null;
  /** Null for a new item. */
  stability: number | null;
  difficulty: number | null;
  /** Chance of recall now; null for a new item. */
  retrievability: number | null;
  scheduledDays: number;
  reps: number;
  lapses: number;
  lastReview: string | null;
}

/** The next interval a grade would give: `{seconds: 600, label: "10m"}`. */
export interface Interval {
  seconds: number;
  label: string;
}

export type CardType = 'basic' | 'reversed' | 'cloze';

/** Where a card's passage is, as much as the review screen shows of it. */
export interface ReviewCardAnchor {
  resourceUrl: string;
  title: string;
  headingPath: string[];
  page: number | null;
}

/** The card of a queue item: the flashcards issue's card, the fields the review screen uses. */
export interface ReviewCard {
  id: string;
  topicId: string;
  roadmapId: string;
  topicTitle: string;
  type: CardType;
  /** basic and reversed: the question (reversed: the term); null for cloze. */
  front: string | null;
  /** basic and reversed: the answer; cloze: an optional extra. */
  back: string | null;
  /** cloze only: text with deletions `{{c1::answer}}`. */
  text: string | null;
  anchor: ReviewCardAnchor | null;
  suspended: boolean;
}

/** One reviewable side of a card: ordinal 1 "Front → back", 2 "Back → front"; a cloze's ordinal is its number. */
export interface CardItem {
  ordinal: number;
  label: string;
}

export interface QueueItem {
  card: ReviewCard;
  item: CardItem;
  schedule: Schedule;
  intervals: Record<Rating, Interval>;
}

/** What is left to study now in the scope. */
export interface QueueCounts {
  learning: number;
  review: number;
  new: number;
}

/** `GET /api/reviews/queue`: learning due, review due, then new up to the daily limit. */
export interface ReviewQueue {
  items: QueueItem[];
  counts: QueueCounts;
  /** The earliest due time among scheduled items that are not due yet; null when none. */
  nextDue: string | null;
}

export interface GradeRequest {
  rating: Rating;
  /** The card item graded; the server takes the one due first when absent. */
  ordinal?: number;
  /** From showing the card to the grade. */
  durationMs?: number;
}

/** `POST /api/cards/{id}/reviews`. */
export interface GradeResult {
  reviewId: string;
  cardId: string;
  ordinal: number;
  rating: Rating;
  reviewedAt: string;
  schedule: Schedule;
}

/** `DELETE /api/reviews/{reviewId}`: the item's state restored. */
export interface UndoResult {
  reviewId: string;
  cardId: string;
  ordinal: number;
  schedule: Schedule;
}

/** `GET /api/{roadmaps|topics}/{id}/review-stats`. */
export interface ReviewStats {
  states: Record<ScheduleState | 'suspended', number>;
  dueNow: number;
  dueToday: number;
  newToday: number;
  reviewsToday: number;
  /** True retention: share of review-state reviews not graded again; `rate` null without reviews. */
  retention: { days: number; reviews: number; passed: number; rate: number | null };
  /** One entry per day from today, 30 in all. */
  forecast: { date: string; due: number }[];
  nextDue: string | null;
}

export interface DueCount {
  due: number;
  new: number;
}

/** `GET /api/roadmaps/{id}/review-counts`: `topics` counts the cards directly on each topic; `new` is not capped. */
export interface ReviewCounts extends DueCount {
  topics: Record<string, DueCount>;
}

/** `GET|PUT /api/review/settings`. */
export interface ReviewSettings {
  desiredRetention: number;
  dailyNewLimit: number;
  maximumIntervalDays: number;
  fuzz: boolean;
  timeZone: string;
}

/** What a study session or a stats panel covers: a whole roadmap or one topic with its subtopics. */
export interface StudyScope {
  kind: 'roadmap' | 'topic';
  id: string;
}
