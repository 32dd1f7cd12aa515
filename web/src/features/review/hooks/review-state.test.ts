import { describe, expect, it } from 'vitest';
import { basicItem, clozeItem, queue, reviewItem } from '../testing/fixtures';
import { INITIAL_SESSION, mergeQueue, sessionReducer, type GradedItem, type SessionState } from './review-state';

const ready = (state: Partial<SessionState> = {}): SessionState =>
  sessionReducer({ ...INITIAL_SESSION, ...state }, { type: 'loaded', queue: queue([basicItem, reviewItem]) });

const gradedItem = (overrides: Partial<GradedItem> = {}): GradedItem => ({
  reviewId: 'r1',
  item: basicItem,
  rating: 'good',
  saved: Promise.resolve(true),
  ...overrides,
});

describe('mergeQueue', () => {
  it('keeps the card on screen first and takes the rest from the server', () => {
    expect(mergeQueue([reviewItem, basicItem], [clozeItem, reviewItem])).toEqual([reviewItem, clozeItem]);
  });

  it('keeps the card on screen even when the server no longer lists it', () => {
    expect(mergeQueue([reviewItem], [clozeItem])).toEqual([reviewItem, clozeItem]);
  });

  it('takes the server’s queue when nothing is on screen', () => {
    expect(mergeQueue([], [clozeItem])).toEqual([clozeItem]);
  });
});

describe('sessionReducer', () => {
  it('moves on after a grade: counts it, hides the answer, takes one from what is left', () => {
    const graded = gradedItem();
    const state = sessionReducer({ ...ready(), revealed: true }, { type: 'graded', graded });

    expect(state.queue).toEqual([reviewItem]);
    expect(state.revealed).toBe(false);
    expect(state.counts).toEqual({ learning: 0, review: 1, new: 0 });
    expect(state.tally).toEqual({ again: 0, hard: 0, good: 1, easy: 0 });
    expect(state.history).toEqual([graded]);
  });

  it('undoing puts the card first again and takes the grade back', () => {
    const graded = gradedItem();
    const after = sessionReducer(ready(), { type: 'graded', graded });

    const undone = sessionReducer(after, { type: 'undone', graded });

    expect(undone.queue).toEqual([basicItem, reviewItem]);
    expect(undone.counts).toEqual({ learning: 0, review: 1, new: 1 });
    expect(undone.tally.good).toBe(0);
    expect(undone.history).toEqual([]);
  });

  it('a refill keeps the revealed answer of the card on screen', () => {
    const state = sessionReducer({ ...ready(), revealed: true }, { type: 'refilled', queue: queue([reviewItem, basicItem, clozeItem]) });

    expect(state.queue).toEqual([basicItem, reviewItem, clozeItem]);
    expect(state.revealed).toBe(true);
  });

  it('an edit changes every item of the card', () => {
    const edited = { ...basicItem.card, back: 'Changed' };
    const state = sessionReducer(ready(), { type: 'edited', card: edited });

    expect(state.queue[0].card.back).toBe('Changed');
    expect(state.queue[1]).toBe(reviewItem);
  });
});
