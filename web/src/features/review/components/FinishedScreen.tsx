import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { plural } from '../../../lib/format';
import { RATINGS, type Rating } from '../api/types';
import { RATING_LABELS, relativeDue } from './format';

interface FinishedScreenProps {
  tally: Record<Rating, number>;
  nextDue: string | null;
  /** Where "Back" goes, and what it is called. */
  backTo: string;
  backLabel: string;
  canUndo: boolean;
  onUndo: () => void;
  onCheckAgain: () => void;
}

/** Nothing left to study now: the session's grades, when the next card is due, and the way back. */
export function FinishedScreen({ tally, nextDue, backTo, backLabel, canUndo, onUndo, onCheckAgain }: FinishedScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const now = useNow(30_000);
  const reviewed = RATINGS.reduce((sum, rating) => sum + tally[rating], 0);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="review-finished" data-testid="review-finished" aria-labelledby="review-finished-heading">
      <h2 id="review-finished-heading" ref={heading} tabIndex={-1}>
        {reviewed > 0 ? 'Done for now' : 'Nothing to study right now'}
      </h2>
      {reviewed > 0 && (
        <>
          <p data-testid="session-reviewed">You reviewed {plural(reviewed, 'card')} in this session.</p>
          <ul className="session-tally" data-testid="session-tally">
            {RATINGS.map((rating) => (
              <li key={rating} className={`session-tally__item session-tally__item--${rating}`} data-rating={rating}>
                <span className="session-tally__n">{tally[rating]}</span> {RATING_LABELS[rating]}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="review-finished__next" data-testid="next-due">
        {nextDue ? (
          <>
            Next card due{' '}
            <time dateTime={nextDue} title={new Date(nextDue).toLocaleString()}>
              {relativeDue(nextDue, now)}
            </time>
            .
          </>
        ) : (
          'No other cards are scheduled yet.'
        )}
      </p>
      {nextDue && new Date(nextDue).getTime() - now.getTime() < 60 * 60_000 && (
        <p className="meta">Learning cards come back when they are due: this page checks again by itself.</p>
      )}
      <div className="review-finished__actions">
        <Link className="button" to={backTo} data-testid="review-back-link">
          {backLabel}
        </Link>
        <button type="button" className="button button--secondary" onClick={onCheckAgain}>
          Check again
        </button>
        {canUndo && (
          <button type="button" className="button button--secondary" aria-keyshortcuts="Z" onClick={onUndo} data-testid="finished-undo">
            Undo last grade <kbd>Z</kbd>
          </button>
        )}
      </div>
    </section>
  );
}

/** The current time, refreshed every `everyMs`, so relative times stay right on a screen left open. */
function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
