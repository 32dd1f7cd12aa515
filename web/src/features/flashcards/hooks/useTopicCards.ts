import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { listTopicCards } from '../api/cards-api';
import type { Card } from '../api/types';
import { cardsReducer, type CardsState } from './cards-state';

export interface TopicCards {
  state: CardsState;
  /** Lists a card that was just stored (generated or written by hand). */
  add: (card: Card) => void;
  /** Shows the server's new version of a card. */
  replace: (card: Card) => void;
  remove: (id: string) => void;
}

/**
 * Loads a topic's cards (again when the topic changes, aborting the previous request) and keeps them current. A new
 * `refreshKey` loads them again in place — the list stays while it loads and the cards that arrived show as new.
 */
export function useTopicCards(topicId: string, refreshKey?: unknown): TopicCards {
  const [state, dispatch] = useReducer(cardsReducer, { status: 'loading' });
  /** The topic whose list is shown: loading it again is a refresh. */
  const loadedTopic = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const refresh = loadedTopic.current === topicId;
    if (!refresh) dispatch({ type: 'loading' });
    listTopicCards(topicId, {}, controller.signal).then(
      (cards) => {
        if (controller.signal.aborted) return;
        const list = Array.isArray(cards) ? cards : [];
        loadedTopic.current = topicId;
        dispatch(refresh ? { type: 'refreshed', cards: list } : { type: 'loaded', cards: list });
      },
      (error: unknown) => {
        // a failed reload keeps the list that is shown
        if (!controller.signal.aborted && !refresh) dispatch({ type: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [topicId, refreshKey]);

  const add = useCallback((card: Card) => dispatch({ type: 'added', card }), []);
  const replace = useCallback((card: Card) => dispatch({ type: 'replaced', card }), []);
  const remove = useCallback((id: string) => dispatch({ type: 'removed', id }), []);
  return useMemo(() => ({ state, add, replace, remove }), [state, add, replace, remove]);
}
