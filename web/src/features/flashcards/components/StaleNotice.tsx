import { findQuote, PassageText } from '../../../components/ui/Passage';
import { sourceLocation } from '../../../lib/format';
import type { CardStale } from '../api/types';

interface StaleNoticeProps {
  stale: CardStale;
  pending: boolean;
  onKeep: () => void;
  onRegenerate: () => void;
  onDelete: () => void;
}

/** Why a card is stale, the passage that now stands in its source, and the three ways to resolve it. */
export function StaleNotice({ stale, pending, onKeep, onRegenerate, onDelete }: StaleNoticeProps) {
  const passage = stale.currentPassage;
  const location = passage ? sourceLocation(passage) : '';
  return (
    <div className="flashcard__stale" data-testid="card-stale">
      <p className="flashcard__stale-reason">
        <strong>Why it is stale:</strong> {stale.reason || 'its source changed.'}
      </p>
      {passage ? (
        <div className="flashcard__stale-passage">
          <p className="meta">Current passage{location && <> · {location}</>}</p>
          <PassageText text={passage.text} highlight={findQuote(passage.text, passage.quote, passage.start, passage.end)} />
        </div>
      ) : (
        <p className="meta">Nothing like the card’s passage is left in the source.</p>
      )}
      <p className="meta">Keep the card and anchor it to the current passage, rewrite it from that passage, or delete it.</p>
      <div className="flashcard__actions" role="group" aria-label="Resolve the stale card">
        <button type="button" className="button button--small" data-testid="card-stale-keep" disabled={pending} onClick={onKeep}>
          Keep
        </button>
        <button type="button" className="button button--secondary button--small" data-testid="card-stale-regenerate" disabled={pending} onClick={onRegenerate}>
          Regenerate
        </button>
        <button type="button" className="button button--danger button--small" data-testid="card-stale-delete" disabled={pending} onClick={onDelete}>
          Delete
        </button>
      </div>
    </div>
  );
}
