import { useEffect, useId, useRef, useState } from 'react';
import { Badge } from '../../../components/ui/Badge';
import { sourceLocation } from '../../../lib/format';
import { deleteCard, keepStaleCard, regenerateStaleCard, updateCard } from '../api/cards-api';
import type { Card } from '../api/types';
import { useAction } from '../hooks/useAction';
import { CardEditForm } from './CardEditForm';
import { CardSourcePanel } from './CardSourcePanel';
import { ClozeText } from '../../../components/ui/ClozeText';
import { originLabel, typeLabel } from './format';
import { StaleNotice } from './StaleNotice';

interface CardViewProps {
  card: Card;
  /** Added during this visit (generated or by hand). */
  fresh?: boolean;
  onChanged: (card: Card) => void;
  onDeleted: (id: string) => void;
}

type Mode = 'view' | 'edit' | 'confirm-delete';

/**
 * One card: its type and state, its content (cloze deletions highlighted), the chip that opens its source passage,
 * and its actions: edit in place, suspend, delete (after a confirmation), and for a stale card keep or regenerate.
 */
export function CardView({ card, fresh = false, onChanged, onDeleted }: CardViewProps) {
  const [mode, setMode] = useState<Mode>('view');
  const [sourceOpen, setSourceOpen] = useState(false);
  const action = useAction();
  const headingId = useId();
  const sourceId = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const cancelDelete = useRef<HTMLButtonElement>(null);
  const sourceChip = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (mode === 'confirm-delete') cancelDelete.current?.focus();
    if (mode === 'view' && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [mode, card]);

  const show = (next: Mode) => {
    action.clearError();
    if (next === 'view') returnFocus.current = true;
    setMode(next);
  };

  const change = async (request: () => Promise<Card>): Promise<boolean> => {
    const result = await action.run(request);
    if (result.ok) onChanged(result.value);
    return result.ok;
  };
  /** Keep and Regenerate remove the stale notice with its buttons: focus moves to Edit. */
  const resolveStale = async (request: () => Promise<Card>) => {
    returnFocus.current = true;
    if (!(await change(request))) returnFocus.current = false;
  };

  const saved = (stored: Card | null) => {
    if (stored) onChanged(stored);
    show('view');
  };

  const remove = async () => {
    const result = await action.run(() => deleteCard(card.id));
    if (result.ok) onDeleted(card.id);
  };

  const location = card.anchor ? sourceLocation(card.anchor) : '';
  return (
    <li
      className={`flashcard${card.suspended ? ' flashcard--suspended' : ''}${card.stale ? ' flashcard--stale' : ''}`}
      data-testid="card"
      data-card-id={card.id}
      data-type={card.type}
      data-stale={Boolean(card.stale)}
      data-suspended={card.suspended}
      data-edited={card.edited}
    >
      <article aria-labelledby={headingId}>
        <header className="flashcard__header">
          <h4 id={headingId} className="visually-hidden">
            {typeLabel(card.type)} card{card.front ? `: ${card.front}` : ''}
          </h4>
          <Badge label={typeLabel(card.type)} tone={`card-${card.type}`} />
          {fresh && <Badge label="New" tone="card-new" />}
          {card.stale && <Badge label="Stale" tone="card-stale" />}
          {card.suspended && <Badge label="Suspended" tone="card-suspended" />}
          {card.edited && (
            <span className="flashcard__marker" data-testid="card-edited">
              edited
            </span>
          )}
          {card.topicArchived && (
            <span className="flashcard__marker" data-testid="card-archived">
              from a removed topic
            </span>
          )}
        </header>

        {mode === 'edit' ? (
          <CardEditForm card={card} onSaved={saved} onCancel={() => show('view')} />
        ) : (
          <CardContent card={card} />
        )}

        {card.stale && mode !== 'edit' && (
          <StaleNotice
            stale={card.stale}
            pending={action.pending}
            onKeep={() => void resolveStale(() => keepStaleCard(card.id))}
            onRegenerate={() => void resolveStale(() => regenerateStaleCard(card.id))}
            onDelete={() => show('confirm-delete')}
          />
        )}

        {action.error && mode !== 'edit' && (
          <p className="form-error" role="alert" data-testid="card-error">
            {action.error}
          </p>
        )}

        {mode !== 'edit' && (
          <footer className="flashcard__footer">
            {card.anchor ? (
              <button
                ref={sourceChip}
                type="button"
                className="source-chip"
                data-testid="card-source-chip"
                aria-expanded={sourceOpen}
                aria-controls={sourceOpen ? sourceId : undefined}
                onClick={() => setSourceOpen((open) => !open)}
              >
                <span className="visually-hidden">Source: </span>
                <span className="source-chip__title">{card.anchor.title || 'Untitled source'}</span>
                {location && <span className="source-chip__location"> · {location}</span>}
              </button>
            ) : (
              <span className="meta">No source passage</span>
            )}
            <span className="meta flashcard__origin">{originLabel(card.origin)}</span>
            <div className="flashcard__actions">
              <button ref={editButton} type="button" className="button button--secondary button--small" data-testid="card-edit" onClick={() => show('edit')}>
                Edit
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                data-testid="card-suspend"
                disabled={action.pending}
                onClick={() => void change(() => updateCard(card.id, { suspended: !card.suspended }))}
              >
                {card.suspended ? 'Unsuspend' : 'Suspend'}
              </button>
              {!card.stale && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  data-testid="card-delete"
                  disabled={action.pending || mode === 'confirm-delete'}
                  onClick={() => show('confirm-delete')}
                >
                  Delete
                </button>
              )}
            </div>
          </footer>
        )}

        {mode === 'confirm-delete' && (
          <div className="flashcard__confirm" role="group" aria-label="Confirm delete" data-testid="card-confirm-delete">
            <p>Delete this card? Its review history is kept, but it will not be shown again.</p>
            <div className="flashcard__actions">
              <button type="button" className="button button--danger button--small" data-testid="card-delete-confirm" disabled={action.pending} onClick={() => void remove()}>
                Delete card
              </button>
              <button ref={cancelDelete} type="button" className="button button--secondary button--small" onClick={() => show('view')}>
                Cancel
              </button>
            </div>
          </div>
        )}

        {sourceOpen && card.anchor && mode !== 'edit' && (
          <CardSourcePanel
            key={card.anchor.chunkId}
            id={sourceId}
            cardId={card.id}
            onClose={() => {
              setSourceOpen(false);
              sourceChip.current?.focus();
            }}
          />
        )}
      </article>
    </li>
  );
}

/** Front and back, or the cloze text with its answers highlighted and the extra. */
function CardContent({ card }: { card: Card }) {
  if (card.type === 'cloze') {
    return (
      <dl className="flashcard__content">
        <div className="flashcard__side">
          <dt>Text</dt>
          <dd data-testid="card-text">
            <ClozeText text={card.text ?? ''} />
          </dd>
        </div>
        {card.back && (
          <div className="flashcard__side">
            <dt>Extra</dt>
            <dd data-testid="card-back">{card.back}</dd>
          </div>
        )}
      </dl>
    );
  }
  return (
    <dl className="flashcard__content">
      <div className="flashcard__side">
        <dt>{card.type === 'reversed' ? 'Front (term)' : 'Front'}</dt>
        <dd data-testid="card-front">{card.front}</dd>
      </div>
      <div className="flashcard__side">
        <dt>{card.type === 'reversed' ? 'Back (definition)' : 'Back'}</dt>
        <dd data-testid="card-back">{card.back}</dd>
      </div>
    </dl>
  );
}
