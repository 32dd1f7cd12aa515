import { useEffect, useId, useRef } from 'react';
import type { Question, Session } from '../api/types';
import type { Attempt } from '../hooks/attempt';
import { placeOf } from '../hooks/session-order';
import { formatClock, useElapsed } from '../hooks/useElapsed';
import { AnswerForm } from './AnswerForm';
import { KIND_LABELS, LEVEL_LABELS } from './format';
import { QuestionSources } from './QuestionSources';
import { ResultView } from './ResultView';

interface QuestionViewProps {
  session: Session;
  question: Question;
  attempt: Attempt | null;
  busy: boolean;
  onSubmit: (answer: string, durationMs: number) => boolean;
  onSkip: () => void;
  /** Shows the next question, or the report when none is left. */
  onNext: () => void;
  hasNext: boolean;
  autosaveMs?: number;
}

/**
 * The question being asked: its kind, level, topic and sources, a running timer since it was shown, the answer box,
 * and once submitted the grading as it streams, then Next question. Give it the question's id as `key`: focus moves
 * to the question when it shows.
 */
export function QuestionView({ session, question, attempt, busy, onSubmit, onSkip, onNext, hasNext, autosaveMs }: QuestionViewProps) {
  const headingId = useId();
  const questionRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const done = attempt?.status === 'done';
  const streaming = attempt?.status === 'streaming';
  const timer = useElapsed(!done);
  const place = placeOf(session, question);

  useEffect(() => {
    questionRef.current?.focus();
  }, []);
  useEffect(() => {
    if (done) nextRef.current?.focus({ preventScroll: true });
  }, [done]);

  return (
    <section className="interview-question card" aria-labelledby={headingId} data-testid="question" data-question-id={question.id}>
      <div className="interview-question__top">
        <p className="interview-question__meta" data-testid="question-meta">
          <span className="interview-question__place">
            Question {place.n} of {place.of}
          </span>
          <span className={`badge badge--interview-${question.kind}`}>{KIND_LABELS[question.kind] ?? question.kind}</span>
          <span className="badge">{LEVEL_LABELS[question.level] ?? question.level}</span>
          {question.parentId && <span className="badge badge--followup">Follow-up</span>}
          <span className="interview-question__topic">{question.topicTitle}</span>
        </p>
        <p className="interview-timer" data-testid="timer">
          <span className="visually-hidden">Time on this question: </span>
          <time dateTime={`PT${Math.floor(timer.elapsed / 1000)}S`} aria-hidden={!done}>
            {formatClock(done ? (attempt?.done?.durationMs ?? timer.elapsed) : timer.elapsed)}
          </time>
        </p>
      </div>
      <h2 id={headingId} ref={questionRef} tabIndex={-1} className="interview-question__text" data-testid="question-text">
        {question.text}
      </h2>
      <QuestionSources question={question} />

      {done && attempt ? (
        <div className="interview-question__answer" data-testid="submitted-answer">
          <h3 className="result__heading">Your answer</h3>
          <p className="interview-question__answer-text">{attempt.answer}</p>
        </div>
      ) : (
        <AnswerForm
          sessionId={session.id}
          questionId={question.id}
          draft={question.draft}
          disabled={streaming || busy || session.status === 'ended'}
          onSubmit={(answer) => onSubmit(answer, timer.read())}
          onSkip={onSkip}
          autosaveMs={autosaveMs}
        />
      )}

      {attempt && (
        <ResultView
          state={attempt.status}
          points={attempt.points}
          score={attempt.score}
          reference={attempt.reference}
          citations={attempt.citations}
          followup={attempt.followup}
          durationMs={attempt.done?.durationMs ?? attempt.durationMs}
          model={attempt.done?.model}
          error={attempt.error}
        />
      )}

      {done && (
        <div className="interview-question__next">
          <button ref={nextRef} type="button" className="button interview__action" onClick={onNext} data-testid="next-question">
            {hasNext ? 'Next question' : 'See the report'}
          </button>
        </div>
      )}
    </section>
  );
}
