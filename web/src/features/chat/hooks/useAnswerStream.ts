import { useCallback, useEffect, useReducer, useRef } from 'react';
import { streamAnswer } from '../api/answers-api';
import type { AnswerRequest } from '../api/types';
import { conversationReducer, type AnswerState, type ConversationAction, type Turn } from './conversation';

/** What the answers are about: a topic's resources or a roadmap's. */
export interface ChatScope {
  topicId?: string;
  roadmapId?: string;
}

export interface AnswerStream {
  turns: Turn[];
  /** `idle` before the first question, else the state of the latest answer. */
  status: 'idle' | AnswerState;
  /** Asks a question (trimmed); false when it is empty or an answer is still streaming. */
  ask: (question: string) => boolean;
  /** Aborts the streaming answer, cancelling its request; the partial text stays. */
  stop: () => void;
}

/**
 * A conversation with the answer endpoint: each question becomes a turn that follows its event stream
 * (idle → streaming → done | failed | stopped). Follow-ups carry the conversation id of the earlier answers.
 * One answer streams at a time; unmounting aborts it.
 */
export function useAnswerStream({ topicId, roadmapId }: ChatScope = {}): AnswerStream {
  const [turns, dispatch] = useReducer(conversationReducer, []);
  const controller = useRef<AbortController | null>(null);
  const streamingId = useRef<number | null>(null);
  const conversationId = useRef<string | null>(null);
  const lastId = useRef(0);

  useEffect(() => () => controller.current?.abort(), []);

  const ask = useCallback(
    (question: string) => {
      const trimmed = question.trim();
      if (trimmed === '' || controller.current) return false;
      const current = new AbortController();
      const id = ++lastId.current;
      controller.current = current;
      streamingId.current = id;
      dispatch({ type: 'asked', id, question: trimmed });

      const request: AnswerRequest = { question: trimmed };
      if (topicId) request.topicId = topicId;
      if (roadmapId) request.roadmapId = roadmapId;
      if (conversationId.current) request.conversationId = conversationId.current;
      const remember = (id: string) => {
        if (id) conversationId.current = id;
      };
      void followAnswer(request, id, current.signal, dispatch, remember).finally(() => {
        if (controller.current === current) {
          controller.current = null;
          streamingId.current = null;
        }
      });
      return true;
    },
    [topicId, roadmapId],
  );

  const stop = useCallback(() => {
    const id = streamingId.current;
    controller.current?.abort();
    controller.current = null;
    streamingId.current = null;
    if (id !== null) dispatch({ type: 'stopped', id });
  }, []);

  return { turns, status: turns.at(-1)?.state ?? 'idle', ask, stop };
}

async function followAnswer(
  request: AnswerRequest,
  id: number,
  signal: AbortSignal,
  dispatch: (action: ConversationAction) => void,
  remember: (conversationId: string) => void,
): Promise<void> {
  try {
    for await (const event of streamAnswer(request, signal)) {
      if (event.type === 'sources' || event.type === 'done') remember(event.data.conversationId);
      dispatch({ type: 'event', id, event });
      if (event.type === 'done' || event.type === 'failed') return;
    }
    if (!signal.aborted) dispatch({ type: 'ended', id });
  } catch (error) {
    if (!signal.aborted) dispatch({ type: 'errored', id, error });
  }
}
