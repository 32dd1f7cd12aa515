import { parseCloze } from './cloze';

/**
 * Cloze text with each deletion's answer highlighted (numbered when the card has several, the hint as a tooltip).
 * Everything is rendered as text: markup in a card never becomes HTML.
 */
export function ClozeText({ text }: { text: string }) {
  const segments = parseCloze(text);
  const numbers = new Set(segments.flatMap((segment) => (segment.kind === 'deletion' ? [segment.n] : [])));
  return (
    <span className="cloze-text">
      {segments.map((segment, index) =>
        segment.kind === 'text' ? (
          segment.text
        ) : (
          <mark
            key={index}
            className="cloze"
            data-testid="cloze-answer"
            data-n={segment.n}
            title={segment.hint ? `Hint: ${segment.hint}` : undefined}
          >
            {segment.answer}
            {numbers.size > 1 && (
              <sup className="cloze__number" aria-hidden="true">
                {segment.n}
              </sup>
            )}
            {segment.hint && <span className="visually-hidden"> (hint: {segment.hint})</span>}
          </mark>
        ),
      )}
    </span>
  );
}
