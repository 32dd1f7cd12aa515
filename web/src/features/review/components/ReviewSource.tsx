import { CardSourcePassage } from '../../../components/ui/CardSourcePassage';
import { getCardSource } from '../api/review-api';

/** The passage the card on screen was built from, with its quote highlighted; Escape or Close closes it. */
export function ReviewSource({ cardId, id, onClose }: { cardId: string; id: string; onClose: () => void }) {
  return (
    <aside id={id} className="review__source" aria-label="Source passage" data-testid="review-source">
      <CardSourcePassage
        cardId={cardId}
        load={getCardSource}
        onClose={onClose}
        errorActions={
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        }
      />
    </aside>
  );
}
