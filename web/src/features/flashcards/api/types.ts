import type { ProblemDetail } from '../../../lib/problem';
export type { CardSource } from '../../../lib/card-source';

/** Shapes of the card endpoints (see /work/notes/cards-contract.md and api/flashcard in the backend). */

export type CardType = 'basic' | 'reversed' | 'cloze';

export const CARD_TYPES: readonly CardType[] = ['basic', 'reversed', 'cloze'];

/** The server's limits for a generation request. */
export const MIN_GENERATE_COUNT = 1;
export const MAX_GENERATE_COUNT = 50;
export const DEFAULT_GENERATE_COUNT = 10;

export interface CardOrigin {
  kind: 'generated' | 'manual' | 'imported' | 'interview' | (string & {});
  /** The model that wrote a generated card; null offline or for other origins. */
  model: string | null;
}

/** The passage a card was built from. */
export interface CardAnchor {
  chunkId: string;
  /** A web URL, or `groundwork:topic/<topicId>` for a topic's own text (not a link). */
  resourceUrl: string;
  title: string;
  headingPath: string[];
  page: number | null;
  /** The exact source sentence(s). */
  quote: string;
  /** The quote's span in the document's extracted text. */
  start: number;
  end: number;
  chunkHash: string;
}

/** The passage that now stands where a stale card's source was. */
export interface CurrentPassage {
  chunkId: string;
  /** The whole passage. */
  text: string;
  /** The sentence nearest to the card's old quote. */
  quote: string;
  headingPath: string[];
  page: number | null;
  start: number;
  end: number;
}

/** Set when the source changed under the card. */
export interface CardStale {
  reason: string;
  /** Null when nothing like the old passage is left. */
  currentPassage: CurrentPassage | null;
}

/** One review direction of a card: "Front → back", "Back → front", "Cloze 1", … */
export interface CardItem {
  ordinal: number;
  label: string;
}

export interface Card {
  id: string;
  topicId: string;
  roadmapId: string;
  topicTitle: string;
  /** The topic was removed from the roadmap by a re-import; the card stays. */
  topicArchived: boolean;
  type: CardType;
  /** basic and reversed: the question (reversed: the term); null for cloze. */
  front: string | null;
  /** basic and reversed: the answer (reversed: the definition); cloze: an optional extra. */
  back: string | null;
  /** cloze only: text with Anki deletions `{{c1::answer}}` or `{{c1::answer::hint}}`. */
  text: string | null;
  origin: CardOrigin;
  /** Null for a card written by hand without a source. */
  anchor: CardAnchor | null;
  stale: CardStale | null;
  suspended: boolean;
  /** True once the learner changed its content. */
  edited: boolean;
  createdAt: string;
  updatedAt: string;
  items: CardItem[];
}

export interface CardPage {
  items: Card[];
  page: number;
  size: number;
  total: number;
}

export interface TopicCardCount {
  cards: number;
  stale: number;
}

/** `GET /api/roadmaps/{id}/cards/counts`: topics without cards may be absent. */
export interface CardCounts {
  total: number;
  stale: number;
  topics: Record<string, TopicCardCount>;
}

/** `POST /api/topics/{id}/cards`: basic and reversed need front and back, cloze needs text. */
export interface NewCard {
  type: CardType;
  front?: string;
  back?: string;
  text?: string;
}

/** `PATCH /api/cards/{id}`: only the fields to change. */
export interface CardChanges {
  front?: string;
  back?: string;
  text?: string;
  suspended?: boolean;
}

export interface GenerateRequest {
  /** {@link MIN_GENERATE_COUNT} to {@link MAX_GENERATE_COUNT}; the server's default is 10. */
  count: number;
  /** Which types to write; all when absent. */
  types?: CardType[];
}

export type SkipReason = 'duplicate' | 'unsupported' | 'quote-not-found' | 'low-quality' | (string & {});

/** A candidate card the server did not keep. */
export interface SkippedCard {
  front: string;
  reason: SkipReason;
  detail: string;
}

export interface GenerationNotice {
  kind: 'fallback' | (string & {});
  message: string;
}

export interface GenerationDone {
  /** `llm`: written by a model; `extractive`: built from the sources offline. */
  mode: 'llm' | 'extractive';
  model: string | null;
  accepted: number;
  skipped: number;
  durationMs: number;
}

/** One event of the generation stream: cards, skips and notices in any order, then `done` or `failed`. */
export type GenerationEvent =
  | { type: 'card'; data: Card }
  | { type: 'skipped'; data: SkippedCard }
  | { type: 'notice'; data: GenerationNotice }
  | { type: 'done'; data: GenerationDone }
  | { type: 'failed'; data: ProblemDetail };
