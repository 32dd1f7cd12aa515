import type { Score } from '../api/types';
import { formatScore, SCORE_PARTS } from './format';

/** The scores from 0 to 4 with their reasons, overall first, and the grading's note (e.g. that it ran offline). */
export function ScoreCard({ score }: { score: Score }) {
  const parts = [SCORE_PARTS[4], ...SCORE_PARTS.slice(0, 4)];
  return (
    <section className="scores" data-testid="scores" aria-label="Scores">
      {score.note && (
        <p className="scores__note" data-testid="score-note">
          {score.note}
        </p>
      )}
      <dl className="scores__list">
        {parts.map(({ key, label }) => {
          const part = score[key];
          if (!part) return null;
          const value = Math.max(0, Math.min(4, part.score));
          return (
            <div key={key} className={`scores__part${key === 'overall' ? ' scores__part--overall' : ''}`} data-testid={`score-${key}`}>
              <dt>{label}</dt>
              <dd>
                <span className="scores__value">
                  {formatScore(part.score)}
                  <span className="scores__max"> / 4</span>
                </span>
                <span className="scores__meter" aria-hidden="true">
                  <span className="scores__meter-fill" style={{ width: `${(value / 4) * 100}%` }} />
                </span>
                {part.reason && <span className="scores__reason">{part.reason}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
