import { errorMessage, isApiError } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/problem';
import type { GenerationDone, GenerationEvent, GenerationNotice, SkippedCard } from '../api/types';

/** Where a generation run is: not started, streaming, finished, failed, or stopped by the learner. */
export type GenerationStatus = 'idle' | 'streaming' | 'done' | 'failed' | 'stopped';

export interface GenerationError {
  title: string;
  message: string;
}

export interface Generation {
  status: GenerationStatus;
  /** Cards stored so far in this run. */
  accepted: number;
  skipped: SkippedCard[];
  notices: GenerationNotice[];
  done: GenerationDone | null;
  error: GenerationError | null;
}

export type GenerationAction =
  | { type: 'started' }
  | { type: 'event'; event: GenerationEvent }
  | { type: 'errored'; error: unknown }
  /** The server closed the stream without `done` or `failed`. */
  | { type: 'ended' }
  | { type: 'stopped' };

export const idleGeneration: Generation = { status: 'idle', accepted: 0, skipped: [], notices: [], done: null, error: null };

/** One step of a run. Only a streaming run changes, so events that arrive after Stop are ignored. */
export function generationReducer(state: Generation, action: GenerationAction): Generation {
  if (action.type === 'started') return { ...idleGeneration, status: 'streaming' };
  if (state.status !== 'streaming') return state;
  switch (action.type) {
    case 'event':
      return applyEvent(state, action.event);
    case 'errored':
      return { ...state, status: 'failed', error: describeError(action.error) };
    case 'ended':
      return {
        ...state,
        status: 'failed',
        error: { title: 'Generation was cut off', message: 'The server closed the connection before generation finished.' },
      };
    case 'stopped':
      return { ...state, status: 'stopped' };
  }
}

function applyEvent(state: Generation, event: GenerationEvent): Generation {
  switch (event.type) {
    case 'card':
      return { ...state, accepted: state.accepted + 1 };
    case 'skipped':
      return { ...state, skipped: [...state.skipped, event.data] };
    case 'notice':
      return { ...state, notices: [...state.notices, event.data] };
    case 'done':
      return { ...state, status: 'done', done: event.data };
    case 'failed':
      return { ...state, status: 'failed', error: { title: 'Generation failed', message: problemMessage(event.data) } };
  }
}

function describeError(error: unknown): GenerationError {
  const message = errorMessage(error);
  if (!isApiError(error)) return { title: 'Could not generate cards', message };
  if (error.status === 0) return { title: 'Connection problem', message };
  if (error.status === 400) return { title: 'The request was not accepted', message };
  if (error.status === 404) return { title: 'Topic not found', message };
  return { title: 'Could not generate cards', message };
}

const REASONS: Record<string, [string, string]> = {
  duplicate: ['duplicate', 'duplicates'],
  unsupported: ['unsupported by the sources', 'unsupported by the sources'],
  'low-quality': ['low quality', 'low quality'],
  'quote-not-found': ['quote not found', 'quotes not found'],
};

/** "2 duplicates, 1 quote not found": the skips counted by reason, most frequent first. */
export function summariseSkips(skipped: readonly SkippedCard[]): string {
  const counts = new Map<string, number>();
  for (const skip of skipped) counts.set(skip.reason, (counts.get(skip.reason) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => {
      const [one, many] = REASONS[reason] ?? [reason.replace(/-/g, ' '), reason.replace(/-/g, ' ')];
      return `${count} ${count === 1 ? one : many}`;
    })
    .join(', ');
}
