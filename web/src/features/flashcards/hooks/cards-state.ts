import type { Card } from '../api/types';

/**
 * A topic's cards as the panel shows them. Cards added while the panel is open (generated or by hand) are `fresh`:
 * they are listed first, in the order they arrived, so a learner sees them appear right under the controls.
 */
export type CardsState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; cards: Card[]; fresh: string[] };

export type CardsAction =
  | { type: 'loading' }
  | { type: 'loaded'; cards: Card[] }
  /** The list loaded again while shown (cards were imported): cards not listed before become fresh. */
  | { type: 'refreshed'; cards: Card[] }
  | { type: 'failed'; error: unknown }
  /** A new card (or one already listed: then it is replaced in place). */
  | { type: 'added'; card: Card }
  | { type: 'replaced'; card: Card }
  | { type: 'removed'; id: string };

export function cardsReducer(state: CardsState, action: CardsAction): CardsState {
  switch (action.type) {
    case 'loading':
      return { status: 'loading' };
    case 'loaded':
      return { status: 'ready', cards: action.cards, fresh: [] };
    case 'failed':
      return { status: 'error', error: action.error };
    case 'refreshed':
      return refreshed(state, action.cards);
  }
  if (state.status !== 'ready') return state;
  switch (action.type) {
    case 'added':
      if (state.cards.some((card) => card.id === action.card.id)) return replace(state, action.card);
      return { ...state, cards: [...state.cards, action.card], fresh: [...state.fresh, action.card.id] };
    case 'replaced':
      return replace(state, action.card);
    case 'removed':
      return {
        ...state,
        cards: state.cards.filter((card) => card.id !== action.id),
        fresh: state.fresh.filter((id) => id !== action.id),
      };
  }
}

function replace(state: CardsState & { status: 'ready' }, card: Card): CardsState {
  return { ...state, cards: state.cards.map((existing) => (existing.id === card.id ? card : existing)) };
}

function refreshed(state: CardsState, cards: Card[]): CardsState {
  if (state.status !== 'ready') return { status: 'ready', cards, fresh: [] };
  const known = new Set(state.cards.map((card) => card.id));
  const ids = new Set(cards.map((card) => card.id));
  const arrived = cards.filter((card) => !known.has(card.id)).map((card) => card.id);
  return { status: 'ready', cards, fresh: [...state.fresh.filter((id) => ids.has(id)), ...arrived] };
}

/** The cards in display order: fresh ones first as they arrived, then the rest oldest first. */
export function displayOrder({ cards, fresh }: { cards: Card[]; fresh: string[] }): Card[] {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const freshIds = new Set(fresh);
  const first = fresh.map((id) => byId.get(id)).filter((card): card is Card => card !== undefined);
  return [...first, ...cards.filter((card) => !freshIds.has(card.id))];
}
