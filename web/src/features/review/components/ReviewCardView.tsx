import { forwardRef, useId, type ReactNode } from 'react';
import { ClozeText } from '../../../components/ui/ClozeText';
import type { QueueItem } from '../api/types';

interface ReviewCardViewProps {
  item: QueueItem;
  revealed: boolean;
  /** Shown instead of the content while the card is edited. */
  editor?: ReactNode;
  /** The answer below the rule (not there for a cloze without an extra): it takes focus when shown. */
  answerRef?: React.Ref<HTMLDivElement>;
}

/**
 * The card being studied: the question of its item (a reversed card's second item asks the back; a cloze item hides
 * its deletion), then, once revealed, the answer under a rule. Card text is rendered as text, never as HTML.
 */
export const ReviewCardView = forwardRef<HTMLElement, ReviewCardViewProps>(function ReviewCardView({ item, revealed, editor, answerRef }, ref) {
  const promptId = useId();
  const { card } = item;
  const { prompt, answer } = sides(item, revealed);

  return (
    <article
      ref={ref}
      className="review-card"
      tabIndex={-1}
      aria-labelledby={promptId}
      data-testid="review-card"
      data-card-id={card.id}
      data-ordinal={item.item.ordinal}
      data-type={card.type}
      data-revealed={revealed}
      data-has-source={card.anchor !== null}
    >
      <p className="review-card__meta">
        <span className="review-card__topic">{card.topicTitle}</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="review-item-label">{item.item.label}</span>
      </p>
      {editor ?? (
        <>
          <div id={promptId} className="review-card__prompt" data-testid="review-front">
            {prompt}
          </div>
          {revealed && answer !== null && (
            <div ref={answerRef} className="review-card__answer" tabIndex={-1} data-testid="review-back">
              <span className="visually-hidden">Answer: </span>
              {answer}
            </div>
          )}
        </>
      )}
    </article>
  );
});

/** What the item asks and what answers it. */
function sides(item: QueueItem, revealed: boolean): { prompt: ReactNode; answer: ReactNode | null } {
  const { card } = item;
  if (card.type === 'cloze') {
    return {
      prompt: <ClozeText text={card.text ?? ''} active={item.item.ordinal} revealed={revealed} />,
      answer: card.back ? card.back : null,
    };
  }
  const backFirst = card.type === 'reversed' && item.item.ordinal === 2;
  return {
    prompt: backFirst ? card.back : card.front,
    answer: backFirst ? card.front : card.back,
  };
}
