import { CardSourcePassage } from '../../../components/ui/CardSourcePassage';
import { getCardSource } from '../api/cards-api';

/** The passage a card was built from, as stored now, with the card's quote highlighted in it. */
export function CardSourcePanel({ cardId, id, onClose }: { cardId: string; id?: string; onClose: () => void }) {
  return (
    <div id={id} className="flashcard__source">
      <CardSourcePassage
        cardId={cardId}
        load={getCardSource}
        onClose={onClose}
        after={(source, highlight) =>
          !highlight &&
          source.quote && (
            <div className="flashcard__missing-quote">
              <p className="meta">The card’s quote is no longer in this passage:</p>
              <blockquote className="passage-text" data-testid="card-quote">
                {source.quote}
              </blockquote>
            </div>
          )
        }
      />
    </div>
  );
}
