import type { Point } from '../api/types';
import { AnchorChip } from './AnchorChip';
import { VERDICT_ICONS, VERDICT_LABELS } from './format';

/** The rubric as a checklist: per point its verdict, the point, the learner's sentence that covers it and its passage. */
export function RubricList({ points }: { points: readonly Point[] }) {
  const ordered = [...points].sort((a, b) => a.index - b.index);
  return (
    <ol className="rubric" data-testid="rubric">
      {ordered.map((point) => (
        <li key={point.index} className={`rubric__point rubric__point--${point.verdict}`} data-testid="rubric-point" data-verdict={point.verdict}>
          <span className="rubric__verdict" aria-hidden="true">
            {VERDICT_ICONS[point.verdict] ?? '?'}
          </span>
          <div className="rubric__body">
            <p className="rubric__text">
              <span className={`verdict verdict--${point.verdict}`} data-testid="verdict">
                {VERDICT_LABELS[point.verdict] ?? point.verdict}
              </span>{' '}
              {point.point}
            </p>
            {point.evidence ? (
              <p className="rubric__evidence" data-testid="evidence">
                <span className="rubric__evidence-label">You said:</span> “{point.evidence}”
              </p>
            ) : (
              point.verdict !== 'covered' && <p className="rubric__evidence rubric__evidence--none">Not in your answer.</p>
            )}
            <AnchorChip anchor={point.anchor} point={point.point} />
          </div>
        </li>
      ))}
    </ol>
  );
}
