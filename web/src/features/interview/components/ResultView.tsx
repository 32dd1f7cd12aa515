import { ErrorNotice } from '../../../components/ui/Status';
import type { Citation, Point, Question, Score } from '../api/types';
import { formatTime } from './format';
import { ReferenceAnswer } from './ReferenceAnswer';
import { RubricList } from './RubricList';
import { ScoreCard } from './ScoreCard';

export interface ResultViewProps {
  state: 'streaming' | 'done' | 'failed';
  points: readonly Point[];
  score: Score | null;
  reference: string;
  citations: readonly Citation[];
  followup: Question | null;
  durationMs?: number | null;
  model?: string | null;
  error?: { title: string; message: string } | null;
}

/**
 * A graded answer, as it streams or as it was stored: the rubric checklist, the scores, the reference answer with its
 * citations and the follow-up question. The region is live, so a screen reader hears each part as it arrives.
 */
export function ResultView({ state, points, score, reference, citations, followup, durationMs, model, error }: ResultViewProps) {
  const streaming = state === 'streaming';
  return (
    <div className={`result result--${state}`} data-testid="result" data-state={state} aria-live="polite" aria-busy={streaming}>
      {points.length > 0 && (
        <section className="result__section" aria-label="Rubric">
          <h3 className="result__heading">Rubric</h3>
          <RubricList points={points} />
        </section>
      )}
      {score && (
        <section className="result__section" aria-label="Score">
          <h3 className="result__heading">Score</h3>
          <ScoreCard score={score} />
        </section>
      )}
      {reference && (
        <section className="result__section reference" data-testid="reference" aria-label="Reference answer">
          <h3 className="result__heading">Reference answer</h3>
          <ReferenceAnswer text={reference} citations={citations} />
        </section>
      )}
      {followup && (
        <section className="result__section followup" data-testid="followup" aria-label="Follow-up question">
          <h3 className="result__heading">Follow-up</h3>
          <p className="followup__text">{followup.text}</p>
          {followup.status === 'pending' && <p className="meta">It comes next.</p>}
        </section>
      )}
      {streaming && (
        <p className="answer__progress" role="status">
          <span className="spinner" aria-hidden="true" />
          {progressLine(points.length, score, reference)}
        </p>
      )}
      {error && <ErrorNotice title={error.title} message={error.message} />}
      {state === 'done' && (
        <p className="meta result__footer">
          Answered in {formatTime(durationMs)}
          {model ? ` · graded by ${model}` : ''}
        </p>
      )}
    </div>
  );
}

function progressLine(points: number, score: Score | null, reference: string): string {
  if (!score) return points === 0 ? 'Checking your answer against the rubric…' : 'Checking the rest of the rubric…';
  return reference ? 'Writing the reference answer…' : 'Preparing the reference answer…';
}
