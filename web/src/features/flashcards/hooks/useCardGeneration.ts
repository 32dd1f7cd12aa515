import { useCallback, useEffect, useReducer, useRef } from 'react';
import { streamCardGeneration } from '../api/cards-api';
import type { Card, GenerateRequest } from '../api/types';
import { generationReducer, idleGeneration, type Generation, type GenerationAction } from './generation';

export interface CardGeneration {
  generation: Generation;
  /** Starts a run; false when one is already streaming. */
  generate: (request: GenerateRequest) => boolean;
  /** Aborts the run, which cancels it on the server; cards stored so far stay. */
  stop: () => void;
}

/**
 * Generates cards for a topic over the event stream, one run at a time; each stored card goes to `onCard` as it
 * arrives. Unmounting aborts the run.
 */
export function useCardGeneration(topicId: string, onCard: (card: Card) => void): CardGeneration {
  const [generation, dispatch] = useReducer(generationReducer, idleGeneration);
  const controller = useRef<AbortController | null>(null);
  const latestOnCard = useRef(onCard);
  useEffect(() => {
    latestOnCard.current = onCard;
  }, [onCard]);
  useEffect(() => () => controller.current?.abort(), []);

  const generate = useCallback(
    (request: GenerateRequest) => {
      if (controller.current) return false;
      const current = new AbortController();
      controller.current = current;
      dispatch({ type: 'started' });
      void follow(topicId, request, current.signal, dispatch, (card) => latestOnCard.current(card)).finally(() => {
        if (controller.current === current) controller.current = null;
      });
      return true;
    },
    [topicId],
  );

  const stop = useCallback(() => {
    if (!controller.current) return;
    controller.current.abort();
    controller.current = null;
    dispatch({ type: 'stopped' });
  }, []);

  return { generation, generate, stop };
}

async function follow(
  topicId: string,
  request: GenerateRequest,
  signal: AbortSignal,
  dispatch: (action: GenerationAction) => void,
  onCard: (card: Card) => void,
): Promise<void> {
  try {
    for await (const event of streamCardGeneration(topicId, request, signal)) {
      if (signal.aborted) return;
      if (event.type === 'card') onCard(event.data);
      dispatch({ type: 'event', event });
      if (event.type === 'done' || event.type === 'failed') return;
    }
    if (!signal.aborted) dispatch({ type: 'ended' });
  } catch (error) {
    if (!signal.aborted) dispatch({ type: 'errored', error });
  }
}
