import { errorMessage, isApiError } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/problem';
import type { AnswerEvent, Citation, DoneEvent, Point, Question, Score } from '../api/types';

/** Where a submitted answer is: being graded (the stream is arriving), graded, or failed. */
export type AttemptStatus = 'streaming' | 'done' | 'failed';

/** One submitted answer and its grading as far as it has arrived. */
export interface Attempt {
  questionId: string;
  answer: string;
  durationMs: number;
  status: AttemptStatus;
  points: Point[];
  score: Score | null;
  /** The reference answer so far, with `[n]` markers. */
  reference: string;
  citations: Citation[];
  followup: Question | null;
  done: DoneEvent | null;
  error: { title: string; message: string } | null;
}

export type AttemptAction =
  | { type: 'submitted'; questionId: string; answer: string; durationMs: number }
  | { type: 'event'; event: AnswerEvent }
  | { type: 'errored'; error: unknown }
  /** The server closed the stream without `done` or `failed`. */
  | { type: 'ended' };

/** Applies one step; once the attempt is done or failed only a new submission changes it. */
export function attemptReducer(attempt: Attempt | null, action: AttemptAction): Attempt | null {
  if (action.type === 'submitted') {
    return {
      questionId: action.questionId,
      answer: action.answer,
      durationMs: action.durationMs,
      status: 'streaming',
      points: [],
      score: null,
      reference: '',
      citations: [],
      followup: null,
      done: null,
      error: null,
    };
  }
  if (!attempt || attempt.status !== 'streaming') return attempt;
  switch (action.type) {
    case 'event':
      return applyEvent(attempt, action.event);
    case 'errored':
      return { ...attempt, status: 'failed', error: describeError(action.error) };
    case 'ended':
      return {
        ...attempt,
        status: 'failed',
        error: { title: 'The grading was cut off', message: 'The server closed the connection before the grading was complete.' },
      };
  }
}

function applyEvent(attempt: Attempt, event: AnswerEvent): Attempt {
  switch (event.type) {
    case 'point':
      return { ...attempt, points: [...attempt.points.filter((point) => point.index !== event.data.index), event.data] };
    case 'score':
      return { ...attempt, score: event.data };
    case 'reference':
      return typeof event.data.text === 'string' ? { ...attempt, reference: attempt.reference + event.data.text } : attempt;
    case 'citation':
      return { ...attempt, citations: [...attempt.citations.filter((citation) => citation.n !== event.data.n), event.data] };
    case 'followup':
      return { ...attempt, followup: event.data };
    case 'done':
      return { ...attempt, status: 'done', done: event.data };
    case 'failed':
      return { ...attempt, status: 'failed', error: { title: 'The grading failed', message: problemMessage(event.data) } };
  }
}

function describeError(error: unknown): { title: string; message: string } {
  const message = errorMessage(error);
  if (!isApiError(error)) return { title: 'Could not grade the answer', message };
  if (error.status === 0) return { title: 'Connection problem', message };
  if (error.status === 400) return { title: 'The answer was not accepted', message };
  if (error.status === 409) return { title: 'This question cannot be answered', message };
  return { title: 'Could not grade the answer', message };
}
