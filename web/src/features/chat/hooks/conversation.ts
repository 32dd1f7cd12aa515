import { errorMessage, isApiError } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/problem';
import type { AnswerEvent, AnswerMode, AnswerSource, CitationEvent, DoneEvent, NoticeEvent } from '../api/types';

/** Where one answer is: still arriving, complete, failed, or stopped by the person (its partial text kept). */
export type AnswerState = 'streaming' | 'done' | 'failed' | 'stopped';

/** What to show for a failed answer. */
export interface AnswerError {
  title: string;
  message: string;
}

/** One question and its answer as far as it has arrived. */
export interface Turn {
  id: number;
  question: string;
  state: AnswerState;
  /** From `sources`, switched to `extractive` by a fallback notice, settled by `done`; null before `sources`. */
  mode: AnswerMode | null;
  /** Null until the `sources` event arrives; empty when nothing relevant was found. */
  sources: AnswerSource[] | null;
  /** The Markdown answer so far. */
  text: string;
  /** Markers the server resolved to a source, in order. */
  citations: CitationEvent[];
  notices: NoticeEvent[];
  done: DoneEvent | null;
  error: AnswerError | null;
}

export type ConversationAction =
  | { type: 'asked'; id: number; question: string }
  | { type: 'event'; id: number; event: AnswerEvent }
  | { type: 'errored'; id: number; error: unknown }
  /** The server closed the stream without `done` or `failed`. */
  | { type: 'ended'; id: number }
  | { type: 'stopped'; id: number };

/** The turns of a conversation, oldest first. */
export type Conversation = Turn[];

/** Applies one step to the conversation. Only a streaming turn changes: events that arrive after Stop are ignored. */
export function conversationReducer(turns: Conversation, action: ConversationAction): Conversation {
  if (action.type === 'asked') return [...turns, newTurn(action.id, action.question)];
  return turns.map((turn) => (turn.id === action.id && turn.state === 'streaming' ? turnReducer(turn, action) : turn));
}

function newTurn(id: number, question: string): Turn {
  return { id, question, state: 'streaming', mode: null, sources: null, text: '', citations: [], notices: [], done: null, error: null };
}

function turnReducer(turn: Turn, action: Exclude<ConversationAction, { type: 'asked' }>): Turn {
  switch (action.type) {
    case 'event':
      return applyEvent(turn, action.event);
    case 'errored':
      return { ...turn, state: 'failed', error: describeError(action.error) };
    case 'ended':
      return {
        ...turn,
        state: 'failed',
        error: { title: 'The answer was cut off', message: 'The server closed the connection before the answer was complete.' },
      };
    case 'stopped':
      return { ...turn, state: 'stopped' };
  }
}

function applyEvent(turn: Turn, event: AnswerEvent): Turn {
  switch (event.type) {
    case 'sources':
      return { ...turn, mode: event.data.mode, sources: Array.isArray(event.data.sources) ? event.data.sources : [] };
    case 'token':
      return typeof event.data.text === 'string' ? { ...turn, text: turn.text + event.data.text } : turn;
    case 'citation':
      return { ...turn, citations: [...turn.citations, event.data] };
    case 'notice':
      if (event.data.kind !== 'fallback') return { ...turn, notices: [...turn.notices, event.data] };
      // the extracted answer that follows starts a paragraph of its own
      return {
        ...turn,
        mode: 'extractive',
        notices: [...turn.notices, event.data],
        text: turn.text.trim() === '' ? turn.text : `${turn.text.trimEnd()}\n\n`,
      };
    case 'done':
      return { ...turn, state: 'done', mode: event.data.mode ?? turn.mode, done: event.data };
    case 'failed':
      return { ...turn, state: 'failed', error: { title: 'The answer failed', message: problemMessage(event.data) } };
  }
}

function describeError(error: unknown): AnswerError {
  const message = errorMessage(error);
  if (!isApiError(error)) return { title: 'Could not get an answer', message };
  if (error.status === 0) return { title: 'Connection problem', message };
  if (error.status === 400) return { title: 'The question was not accepted', message };
  if (error.status === 404) return { title: 'Not found', message };
  return { title: 'Could not get an answer', message };
}
