import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { EmptyState, ErrorNotice, Loading } from '../../../components/ui/Status';
import { errorMessage } from '../../../lib/api-client';
import type { Card } from '../api/types';
import { displayOrder } from '../hooks/cards-state';
import { useCardGeneration } from '../hooks/useCardGeneration';
import { useTopicCards } from '../hooks/useTopicCards';
import { AddCardForm } from './AddCardForm';
import { CardView } from './CardView';
import { cardsSummary } from './format';
import { GenerateForm } from './GenerateForm';
import { GenerationProgress } from './GenerationProgress';

export interface FlashcardsPanelProps {
  topicId: string;
  /** The section's heading. */
  title?: string;
  /** Changes when cards were added elsewhere (an import): the list loads again and shows them as new. */
  refreshKey?: unknown;
}

/**
 * A topic's flashcards: generate them from the topic's sources (streamed in card by card), write them by hand, and
 * review the list: edit in place, suspend, delete, open a card's source passage, resolve stale cards.
 */
export function FlashcardsPanel(props: FlashcardsPanelProps) {
  return <Flashcards key={props.topicId} {...props} />;
}

function Flashcards({ topicId, title = 'Flashcards', refreshKey }: FlashcardsPanelProps) {
  const { state, add, replace, remove } = useTopicCards(topicId, refreshKey);
  const { generation, generate, stop } = useCardGeneration(topicId, add);
  const [adding, setAdding] = useState(false);
  const [staleOnly, setStaleOnly] = useState(false);
  const headingId = useId();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAddButton = useRef(false);

  const ordered = useMemo(() => (state.status === 'ready' ? displayOrder(state) : []), [state]);
  const fresh = useMemo(() => new Set(state.status === 'ready' ? state.fresh : []), [state]);
  const staleCount = ordered.filter((card) => card.stale).length;
  const shown = staleOnly ? ordered.filter((card) => card.stale) : ordered;

  const deleted = useCallback(
    (id: string) => {
      remove(id);
      // the card and its focused button are gone: continue from the list's heading
      listHeading.current?.focus();
    },
    [remove],
  );
  const closeAdd = () => {
    focusAddButton.current = true;
    setAdding(false);
  };
  useEffect(() => {
    if (adding || !focusAddButton.current) return;
    focusAddButton.current = false;
    addButton.current?.focus();
  }, [adding]);

  return (
    <section aria-labelledby={headingId} className="page-section card flashcards" data-testid="flashcards-panel">
      <header className="flashcards__header">
        <h2 id={headingId}>{title}</h2>
        {state.status === 'ready' && ordered.length > 0 && (
          <p className="meta" data-testid="cards-summary">
            {cardsSummary(ordered)}
          </p>
        )}
      </header>

      <GenerateForm streaming={generation.status === 'streaming'} onGenerate={generate} onStop={stop} />
      <GenerationProgress generation={generation} />

      {state.status === 'loading' && <Loading label="Loading cards…" />}
      {state.status === 'error' && <ErrorNotice title="Could not load the cards" message={errorMessage(state.error)} />}
      {state.status === 'ready' && (
        <>
          <div className="flashcards__toolbar">
            <h3 ref={listHeading} tabIndex={-1} className="flashcards__list-title">
              Cards
            </h3>
            {(staleCount > 0 || staleOnly) && (
              <label className="flashcards__filter">
                <input type="checkbox" data-testid="stale-filter" checked={staleOnly} onChange={(event) => setStaleOnly(event.target.checked)} />
                Show stale only ({staleCount})
              </label>
            )}
            {!adding && (
              <button ref={addButton} type="button" className="button button--secondary" data-testid="add-card-button" onClick={() => setAdding(true)}>
                Add a card
              </button>
            )}
          </div>
          {adding && <AddCardForm topicId={topicId} onAdded={add} onClose={closeAdd} />}
          {ordered.length === 0 ? (
            <EmptyState title="No cards yet">
              <p>
                Generate reads this topic’s sources and writes cards from them, each anchored to the passage it quotes, so
                you can always check where a card came from. Cards that repeat one you have are skipped. You can also add
                cards by hand.
              </p>
            </EmptyState>
          ) : shown.length === 0 ? (
            <p className="muted">No stale cards.</p>
          ) : (
            <CardList cards={shown} fresh={fresh} onChanged={replace} onDeleted={deleted} />
          )}
        </>
      )}
    </section>
  );
}

interface CardListProps {
  cards: Card[];
  fresh: ReadonlySet<string>;
  onChanged: (card: Card) => void;
  onDeleted: (id: string) => void;
}

function CardList({ cards, fresh, onChanged, onDeleted }: CardListProps) {
  return (
    <ul className="card-list" data-testid="card-list" aria-label="Cards">
      {cards.map((card) => (
        <CardView key={card.id} card={card} fresh={fresh.has(card.id)} onChanged={onChanged} onDeleted={onDeleted} />
      ))}
    </ul>
  );
}
