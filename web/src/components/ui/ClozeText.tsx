import { parseCloze } from '../../lib/cloze';

interface ClozeTextProps {
  text: string;
  /**
   * Reviewing: the number of the deletion being asked (`{{cN::…}}`). It shows as `[...]` (or `[hint]`) until
   * `revealed`, then as the highlighted answer; the other deletions read as plain text, as in Anki. Without it every
   * deletion's answer is highlighted (the card list).
   */
  active?: number;
  revealed?: boolean;
}

/**
 * Cloze text with each deletion's answer highlighted (numbered when the card has several, the hint as a tooltip), or
 * with one deletion hidden for a review. Everything is rendered as text: markup in a card never becomes HTML.
 */
export function ClozeText({ text, active, revealed = false }: ClozeTextProps) {
  const segments = parseCloze(text);
  if (active !== undefined) return <ActiveCloze segments={segments} active={active} revealed={revealed} />;
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

function ActiveCloze({ segments, active, revealed }: { segments: ReturnType<typeof parseCloze>; active: number; revealed: boolean }) {
  return (
    <span className="cloze-text">
      {segments.map((segment, index) => {
        if (segment.kind === 'text') return segment.text;
        if (segment.n !== active) return segment.answer;
        if (!revealed) {
          return (
            <span key={index} className="cloze cloze--blank" data-testid="cloze-blank" data-n={segment.n}>
              [{segment.hint ?? '...'}]
              <span className="visually-hidden"> (blank{segment.hint ? '' : ' to fill in'})</span>
            </span>
          );
        }
        return (
          <mark key={index} className="cloze cloze--active" data-testid="cloze-answer" data-n={segment.n}>
            {segment.answer}
          </mark>
        );
      })}
    </span>
  );
}
