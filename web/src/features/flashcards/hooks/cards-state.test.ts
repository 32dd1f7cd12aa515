import { describe, expect, it } from 'vitest';
import { basicCard, clozeCard, manualCard, reversedCard } from '../testing/fixtures';
import { cardsReducer, displayOrder, type CardsState } from './cards-state';

const loaded: CardsState = { status: 'ready', cards: [basicCard, reversedCard], fresh: [] };

function ready(state: CardsState) {
  if (state.status !== 'ready') throw new Error(`state is ${state.status}`);
  return state;
}

describe('cardsReducer', () => {
  it('lists new cards first in the order they arrived, then the loaded ones oldest first', () => {
    let state = cardsReducer(loaded, { type: 'added', card: clozeCard });
    state = cardsReducer(state, { type: 'added', card: manualCard });

    expect(displayOrder(ready(state)).map((card) => card.id)).toEqual(['card-cloze', 'card-manual', 'card-basic', 'card-reversed']);
  });

  it('replaces a card in place, also when it is added again', () => {
    const edited = { ...basicCard, back: 'Edited', edited: true };
    const again = cardsReducer(loaded, { type: 'added', card: edited });
    const replaced = cardsReducer(loaded, { type: 'replaced', card: edited });

    for (const state of [again, replaced]) {
      expect(displayOrder(ready(state)).map((card) => [card.id, card.back])).toEqual([
        ['card-basic', 'Edited'],
        ['card-reversed', reversedCard.back],
      ]);
    }
  });

  it('removes a card, fresh or not', () => {
    let state = cardsReducer(loaded, { type: 'added', card: clozeCard });
    state = cardsReducer(state, { type: 'removed', id: 'card-cloze' });
    state = cardsReducer(state, { type: 'removed', id: 'card-basic' });

    expect(ready(state)).toEqual({ status: 'ready', cards: [reversedCard], fresh: [] });
  });

  it('ignores changes before the list has loaded', () => {
    const loading: CardsState = { status: 'loading' };

    expect(cardsReducer(loading, { type: 'added', card: basicCard })).toBe(loading);
  });
});
