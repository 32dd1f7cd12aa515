import type { QueueCounts, QueueItem, Rating, ReviewCard, ReviewQueue } from '../api/types';
import { countKey } from '../components/format';

/** A grade of this session, kept so that Z can undo it. `saved` settles true once the server stored it. */
export interface GradedItem {
  reviewId: string;
  item: QueueItem;
  rating: Rating;
  saved: Promise<boolean>;
}

export interface Notice {
  tone: 'info' | 'error';
  text: string;
}

/**
 * A study session: the queue (its head is the card shown), whether the answer shows, what is left, the session's
 * grades by rating and the stack of grades to undo. `syncing` counts requests whose answer may change the queue.
 */
export interface SessionState {
  status: 'loading' | 'error' | 'ready';
  loadError: unknown;
  queue: QueueItem[];
  counts: QueueCounts;
  nextDue: string | null;
  revealed: boolean;
  tally: Record<Rating, number>;
  history: GradedItem[];
  syncing: number;
  notice: Notice | null;
}

export type SessionAction =
  | { type: 'loaded'; queue: ReviewQueue }
  | { type: 'load-failed'; error: unknown }
  | { type: 'sync-started' }
  | { type: 'sync-ended' }
  | { type: 'refilled'; queue: ReviewQueue }
  | { type: 'revealed' }
  | { type: 'graded'; graded: GradedItem }
  | { type: 'grade-failed'; reviewId: string; message: string }
  | { type: 'undone'; graded: GradedItem }
  | { type: 'removed'; cardId: string; notice: Notice }
  | { type: 'edited'; card: ReviewCard }
  | { type: 'noticed'; notice: Notice | null };

export const EMPTY_TALLY: Record<Rating, number> = { again: 0, hard: 0, good: 0, easy: 0 };

export const INITIAL_SESSION: SessionState = {
  status: 'loading',
  loadError: null,
  queue: [],
  counts: { learning: 0, review: 0, new: 0 },
  nextDue: null,
  revealed: false,
  tally: EMPTY_TALLY,
  history: [],
  syncing: 0,
  notice: null,
};

/** One card item of the queue: a card and which of its sides (or cloze deletions) is asked. */
export function itemKey(item: QueueItem): string {
  return `${item.card.id}#${item.item.ordinal}`;
}

/**
 * The fresh queue from the server, with the card on screen kept first: the learner is looking at it (maybe at its
 * answer), and a refill must never swap it.
 */
export function mergeQueue(current: QueueItem[], fresh: QueueItem[]): QueueItem[] {
  const head = current[0];
  if (!head) return fresh;
  const key = itemKey(head);
  return [head, ...fresh.filter((item) => itemKey(item) !== key)];
}

function shift(counts: QueueCounts, item: QueueItem, by: number): QueueCounts {
  const key = countKey(item.schedule.state);
  return { ...counts, [key]: Math.max(0, counts[key] + by) };
}

function withFirst(queue: QueueItem[], item: QueueItem): QueueItem[] {
  const key = itemKey(item);
  return [item, ...queue.filter((other) => itemKey(other) !== key)];
}

/** `state` without the grade `graded`: its card first in the queue again, the counts and the tally as before it. */
function withoutGrade(state: SessionState, graded: GradedItem): SessionState {
  return {
    ...state,
    queue: withFirst(state.queue, graded.item),
    counts: shift(state.counts, graded.item, 1),
    tally: { ...state.tally, [graded.rating]: Math.max(0, state.tally[graded.rating] - 1) },
    history: state.history.filter((entry) => entry !== graded),
  };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'loaded':
      return { ...state, status: 'ready', queue: action.queue.items, counts: action.queue.counts, nextDue: action.queue.nextDue };
    case 'load-failed':
      return { ...state, status: 'error', loadError: action.error };
    case 'sync-started':
      return { ...state, syncing: state.syncing + 1 };
    case 'sync-ended':
      return { ...state, syncing: Math.max(0, state.syncing - 1) };
    case 'refilled': {
      const queue = mergeQueue(state.queue, action.queue.items);
      const revealed = state.revealed && queue[0] !== undefined && queue[0] === state.queue[0];
      return { ...state, queue, revealed, counts: action.queue.counts, nextDue: action.queue.nextDue };
    }
    case 'revealed':
      return state.queue.length === 0 ? state : { ...state, revealed: true };
    case 'graded': {
      const { graded } = action;
      return {
        ...state,
        queue: state.queue.filter((item) => item !== graded.item),
        counts: shift(state.counts, graded.item, -1),
        revealed: false,
        tally: { ...state.tally, [graded.rating]: state.tally[graded.rating] + 1 },
        history: [...state.history, graded],
        notice: null,
      };
    }
    case 'grade-failed': {
      const graded = state.history.find((entry) => entry.reviewId === action.reviewId);
      if (!graded) return state;
      return { ...withoutGrade(state, graded), revealed: true, notice: { tone: 'error', text: action.message } };
    }
    case 'undone':
      return { ...withoutGrade(state, action.graded), revealed: false, notice: null };
    case 'removed': {
      const head = state.queue[0];
      return {
        ...state,
        queue: state.queue.filter((item) => item.card.id !== action.cardId),
        counts: head && head.card.id === action.cardId ? shift(state.counts, head, -1) : state.counts,
        revealed: false,
        notice: action.notice,
      };
    }
    case 'edited':
      return {
        ...state,
        queue: state.queue.map((item) => (item.card.id === action.card.id ? { ...item, card: { ...item.card, ...action.card } } : item)),
      };
    case 'noticed':
      return { ...state, notice: action.notice };
  }
}
