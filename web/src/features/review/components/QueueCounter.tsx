import { Fragment } from 'react';
import type { QueueCounts } from '../api/types';

const PARTS: { key: keyof QueueCounts; label: string }[] = [
  { key: 'new', label: 'new' },
  { key: 'learning', label: 'learning' },
  { key: 'review', label: 'to review' },
];

/** What is left to study: new, learning and review items, the current card's kind underlined. */
export function QueueCounter({ counts, current }: { counts: QueueCounts; current: keyof QueueCounts | null }) {
  return (
    <p className="queue-counter" data-testid="review-left">
      <span className="visually-hidden">Left: </span>
      {PARTS.map(({ key, label }, index) => (
        <Fragment key={key}>
          {index > 0 && <span aria-hidden="true"> · </span>}
          <span className={`queue-counter__part queue-counter__part--${key}`} data-current={current === key || undefined} data-testid={`left-${key}`}>
            <span className="queue-counter__n">{counts[key]}</span> {label}
          </span>
        </Fragment>
      ))}
    </p>
  );
}
