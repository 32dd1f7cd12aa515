import { RATINGS, type QueueItem, type Rating } from '../api/types';
import { RATING_LABELS } from './format';

/** The four grades, each with its key (1–4) and the interval it would give the card on screen. */
export function GradeBar({ item, disabled = false, onGrade }: { item: QueueItem; disabled?: boolean; onGrade: (rating: Rating) => void }) {
  return (
    <div className="grade-bar" role="group" aria-label="How well did you remember?" data-testid="grade-bar">
      {RATINGS.map((rating, index) => (
        <button
          key={rating}
          type="button"
          className={`grade grade--${rating}`}
          data-testid={`grade-${rating}`}
          aria-keyshortcuts={String(index + 1)}
          disabled={disabled}
          onClick={() => onGrade(rating)}
        >
          <span className="grade__label">{RATING_LABELS[rating]}</span>
          <span className="visually-hidden">, next in </span>
          <span className="grade__interval" data-testid="grade-interval">
            {item.intervals[rating]?.label ?? ''}
          </span>
          <kbd className="grade__key" aria-hidden="true">
            {index + 1}
          </kbd>
        </button>
      ))}
    </div>
  );
}
