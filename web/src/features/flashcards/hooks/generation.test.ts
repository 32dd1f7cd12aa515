import { describe, expect, it } from 'vitest';
import { basicCard } from '../testing/fixtures';
import { generationReducer, idleGeneration, summariseSkips } from './generation';

describe('generationReducer', () => {
  it('counts cards and skips, and ignores events after Stop', () => {
    let state = generationReducer(idleGeneration, { type: 'started' });
    state = generationReducer(state, { type: 'event', event: { type: 'card', data: basicCard } });
    state = generationReducer(state, { type: 'event', event: { type: 'skipped', data: { front: 'f', reason: 'duplicate', detail: 'd' } } });
    state = generationReducer(state, { type: 'stopped' });
    const after = generationReducer(state, { type: 'event', event: { type: 'card', data: basicCard } });

    expect(after).toMatchObject({ status: 'stopped', accepted: 1, skipped: [{ reason: 'duplicate' }] });
  });

  it('explains a stream that ends without done', () => {
    const state = generationReducer(generationReducer(idleGeneration, { type: 'started' }), { type: 'ended' });

    expect(state).toMatchObject({ status: 'failed', error: { title: 'Generation was cut off' } });
  });
});

describe('summariseSkips', () => {
  it('counts skips by reason, most frequent first, in words', () => {
    const skip = (reason: string) => ({ front: 'f', reason, detail: 'd' });

    expect(
      summariseSkips([skip('quote-not-found'), skip('duplicate'), skip('duplicate'), skip('low-quality'), skip('unsupported'), skip('new-reason')]),
    ).toBe('2 duplicates, 1 quote not found, 1 low quality, 1 unsupported by the sources, 1 new reason');
    expect(summariseSkips([])).toBe('');
  });
});
