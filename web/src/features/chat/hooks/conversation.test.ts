import { describe, expect, it } from 'vitest';
import type { AnswerEvent } from '../api/types';
import { prometheus } from '../testing/fixtures';
import { conversationReducer, type Conversation, type ConversationAction } from './conversation';

function run(actions: ConversationAction[]): Conversation {
  return actions.reduce(conversationReducer, [] as Conversation);
}

const event = (value: AnswerEvent): ConversationAction => ({ type: 'event', id: 1, event: value });

describe('conversationReducer', () => {
  it('builds the answer from sources, tokens and citations and settles it with done', () => {
    const [turn] = run([
      { type: 'asked', id: 1, question: 'What is Prometheus?' },
      event({ type: 'sources', data: { mode: 'llm', conversationId: 'c', sources: [prometheus] } }),
      event({ type: 'token', data: { text: 'A monitoring' } }),
      event({ type: 'token', data: { text: ' toolkit [1]' } }),
      event({ type: 'citation', data: { n: 1, chunkId: prometheus.chunkId } }),
      event({
        type: 'done',
        data: { mode: 'llm', model: 'm', usage: null, latencyMs: 5, firstTokenMs: 1, conversationId: 'c', unsupported: [], droppedCitations: [] },
      }),
    ]);

    expect(turn).toMatchObject({
      question: 'What is Prometheus?',
      state: 'done',
      mode: 'llm',
      sources: [prometheus],
      text: 'A monitoring toolkit [1]',
      citations: [{ n: 1 }],
      error: null,
    });
  });

  it('switches to offline mode on a fallback notice and starts the extracted text on a new paragraph', () => {
    const [turn] = run([
      { type: 'asked', id: 1, question: 'q' },
      event({ type: 'sources', data: { mode: 'llm', conversationId: 'c', sources: [] } }),
      event({ type: 'token', data: { text: 'Partial model text ' } }),
      event({ type: 'notice', data: { kind: 'fallback', message: 'The model did not answer (timeout).' } }),
      event({ type: 'token', data: { text: 'Extracted.' } }),
    ]);

    expect(turn).toMatchObject({ state: 'streaming', mode: 'extractive', text: 'Partial model text\n\nExtracted.' });
    expect(turn.notices).toEqual([{ kind: 'fallback', message: 'The model did not answer (timeout).' }]);
  });

  it('turns a failed event into an error with the problem detail', () => {
    const [turn] = run([
      { type: 'asked', id: 1, question: 'q' },
      event({ type: 'failed', data: { title: 'Generation failed', status: 502, detail: 'The model stopped answering.' } }),
    ]);

    expect(turn).toMatchObject({ state: 'failed', error: { title: 'The answer failed', message: 'The model stopped answering.' } });
  });

  it('keeps the partial text of a stopped answer and ignores events that arrive after Stop', () => {
    const [turn] = run([
      { type: 'asked', id: 1, question: 'q' },
      event({ type: 'token', data: { text: 'Half an' } }),
      { type: 'stopped', id: 1 },
      event({ type: 'token', data: { text: ' answer' } }),
      { type: 'ended', id: 1 },
    ]);

    expect(turn).toMatchObject({ state: 'stopped', text: 'Half an', error: null });
  });

  it('fails an answer whose stream closed before done', () => {
    const [turn] = run([{ type: 'asked', id: 1, question: 'q' }, { type: 'ended', id: 1 }]);

    expect(turn).toMatchObject({ state: 'failed', error: { title: 'The answer was cut off' } });
  });

  it('changes only the turn an action names', () => {
    const turns = run([
      { type: 'asked', id: 1, question: 'first' },
      { type: 'stopped', id: 1 },
      { type: 'asked', id: 2, question: 'second' },
      { type: 'event', id: 2, event: { type: 'token', data: { text: 'two' } } },
    ]);

    expect(turns.map((turn) => [turn.question, turn.state, turn.text])).toEqual([
      ['first', 'stopped', ''],
      ['second', 'streaming', 'two'],
    ]);
  });
});
