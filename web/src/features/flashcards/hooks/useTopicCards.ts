import { useCallback, useEffect, useMemo, useReducer } from 'react';
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

/** Loads a topic's cards (again when the topic changes, aborting the previous request) and keeps them current. */
export function useTopicCards(topicId: string): TopicCards {
  const [state, dispatch] = useReducer(cardsReducer, { status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    dispatch({ type: 'loading' });
    listTopicCards(topicId, {}, controller.signal).then(
      (cards) => {
        if (!controller.signal.aborted) dispatch({ type: 'loaded', cards: Array.isArray(cards) ? cards : [] });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) dispatch({ type: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [topicId]);

  const add = useCallback((card: Card) => dispatch({ type: 'added', card }), []);
  const replace = useCallback((card: Card) => dispatch({ type: 'replaced', card }), []);
  const remove = useCallback((id: string) => dispatch({ type: 'removed', id }), []);
  return useMemo(() => ({ state, add, replace, remove }), [state, add, replace, remove]);
}
