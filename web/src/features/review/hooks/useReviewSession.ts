import { useCallback, useEffect, useReducer, useRef } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { getQueue, gradeCard, newReviewId, suspendCard, undoReview } from '../api/review-api';
import type { Rating, ReviewCard, StudyScope } from '../api/types';
import { RATING_LABELS } from '../components/format';
import { INITIAL_SESSION, itemKey, sessionReducer, type GradedItem, type SessionState } from './review-state';

/** The server takes a grade's durationMs up to a day; a card left open longer is sent as a day. */
const MAX_DURATION_MS = 24 * 60 * 60_000;

/** The finished screen checks again by itself when the next card is due within this long (a learning step). */
const WAIT_FOR_NEXT_MS = 60 * 60_000;

export interface ReviewSession {
  state: SessionState;
  /** Shows the answer of the card on screen. */
  reveal: () => void;
  /** Grades the card on screen (its answer must show) and moves on; the grade is stored in the background. */
  grade: (rating: Rating) => void;
  /** Undoes the session's latest grade and brings its card back. */
  undo: () => Promise<void>;
  /** Takes the card on screen out of reviews and moves on. */
  suspend: () => Promise<void>;
  /** The card on screen was edited: show its new content. */
  edited: (card: ReviewCard) => void;
  /** Asks the server again what is due (the finished screen's "Check again"). */
  refill: () => void;
}

/**
 * A study session of a roadmap or topic. The queue comes from `GET /api/reviews/queue` and is asked for again after
 * every grade, undo and suspension, so learning cards come back when they are due; the card on screen always stays.
 * An answer that arrives after a newer change is dropped: the newer change asks again itself.
 */
export function useReviewSession(scope: StudyScope): ReviewSession {
  const [state, dispatch] = useReducer(sessionReducer, INITIAL_SESSION);
  const latest = useRef(state);
  latest.current = state;
  const mounted = useRef(true);
  /** Bumped by every local change of the queue; a refill started before a change is stale. */
  const changes = useRef(0);
  const gradesInFlight = useRef(0);
  const undoing = useRef(false);
  const shownAt = useRef(Date.now());
  const { kind, id } = scope;

  useEffect(() => {
    mounted.current = true;
    const controller = new AbortController();
    getQueue({ kind, id }, {}, controller.signal).then(
      (queue) => dispatch({ type: 'loaded', queue }),
      (error: unknown) => {
        if (!controller.signal.aborted) dispatch({ type: 'load-failed', error });
      },
    );
    return () => {
      mounted.current = false;
      controller.abort();
    };
  }, [kind, id]);

  const safeDispatch: typeof dispatch = useCallback((action) => {
    if (mounted.current) dispatch(action);
  }, []);

  const refill = useCallback(() => {
    const startedAt = changes.current;
    safeDispatch({ type: 'sync-started' });
    getQueue({ kind, id }).then(
      (queue) => {
        if (startedAt === changes.current && gradesInFlight.current === 0) safeDispatch({ type: 'refilled', queue });
        safeDispatch({ type: 'sync-ended' });
      },
      () => {
        // the queue on screen stays usable; the next grade asks again
        safeDispatch({ type: 'sync-ended' });
      },
    );
  }, [kind, id, safeDispatch]);

  // the time a card is looked at runs from when it is shown
  const head = state.queue[0];
  const headKey = head ? itemKey(head) : null;
  useEffect(() => {
    shownAt.current = Date.now();
  }, [headKey, state.history.length]);

  // finished but a learning card comes back soon: ask again when it is due
  const waiting = state.status === 'ready' && state.queue.length === 0 && state.syncing === 0;
  useEffect(() => {
    if (!waiting || !state.nextDue) return;
    const delay = new Date(state.nextDue).getTime() - Date.now();
    if (!(delay < WAIT_FOR_NEXT_MS)) return;
    const timer = setTimeout(refill, Math.max(1_000, delay + 1_000));
    return () => clearTimeout(timer);
  }, [waiting, state.nextDue, refill]);

  const reveal = useCallback(() => dispatch({ type: 'revealed' }), []);

  const grade = useCallback(
    (rating: Rating) => {
      const { queue, revealed } = latest.current;
      const item = queue[0];
      if (!item || !revealed) return;
      const reviewId = newReviewId();
      const durationMs = Math.min(MAX_DURATION_MS, Math.max(0, Date.now() - shownAt.current));
      let settle!: (saved: boolean) => void;
      const graded: GradedItem = { reviewId, item, rating, saved: new Promise((resolve) => (settle = resolve)) };
      changes.current += 1;
      gradesInFlight.current += 1;
      dispatch({ type: 'graded', graded });
      safeDispatch({ type: 'sync-started' });
      gradeCard(item.card.id, { rating, ordinal: item.item.ordinal, durationMs }, reviewId)
        .then(
          () => {
            settle(true);
            gradesInFlight.current -= 1;
            if (gradesInFlight.current === 0) refill();
          },
          (error: unknown) => {
            settle(false);
            gradesInFlight.current -= 1;
            changes.current += 1;
            safeDispatch({ type: 'grade-failed', reviewId, message: `Your grade was not saved: ${errorMessage(error)} Grade the card again.` });
          },
        )
        .finally(() => safeDispatch({ type: 'sync-ended' }));
    },
    [refill, safeDispatch],
  );

  const undo = useCallback(async () => {
    if (undoing.current) return;
    const graded = latest.current.history.at(-1);
    if (!graded) {
      dispatch({ type: 'noticed', notice: { tone: 'info', text: 'Nothing to undo yet.' } });
      return;
    }
    undoing.current = true;
    try {
      if (!(await graded.saved)) return;
      changes.current += 1;
      await undoReview(graded.reviewId);
      safeDispatch({ type: 'undone', graded });
      safeDispatch({ type: 'noticed', notice: { tone: 'info', text: `Undid “${RATING_LABELS[graded.rating]}”: the card is back.` } });
      refill();
    } catch (error) {
      // a 409 says why (already undone, a later review, imported); its detail is written to be shown
      safeDispatch({ type: 'noticed', notice: { tone: 'error', text: `Could not undo: ${errorMessage(error)}` } });
    } finally {
      undoing.current = false;
    }
  }, [refill, safeDispatch]);

  const suspend = useCallback(async () => {
    const item = latest.current.queue[0];
    if (!item) return;
    changes.current += 1;
    try {
      await suspendCard(item.card.id);
      safeDispatch({
        type: 'removed',
        cardId: item.card.id,
        notice: { tone: 'info', text: 'Card suspended: it will not come up in reviews until you unsuspend it in the card list.' },
      });
      refill();
    } catch (error) {
      safeDispatch({ type: 'noticed', notice: { tone: 'error', text: `Could not suspend the card: ${errorMessage(error)}` } });
    }
  }, [refill, safeDispatch]);

  const edited = useCallback((card: ReviewCard) => dispatch({ type: 'edited', card }), []);

  return { state, reveal, grade, undo, suspend, edited, refill };
}
