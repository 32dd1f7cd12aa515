import type { Question, Session } from '../api/types';
import { inOrder } from '../hooks/session-order';
import { formatScore, KIND_LABELS } from './format';
import { QuestionSources } from './QuestionSources';
import { ResultView } from './ResultView';

/**
 * The questions already answered or skipped (other than the one on screen), each a disclosure with the stored
 * answer and its grading, shown as it was when it streamed.
 */
export function AnsweredList({ session, exceptId }: { session: Session; exceptId: string | null }) {
  const ordered = inOrder(session.questions);
  const done = ordered.filter((question) => question.id !== exceptId && question.status !== 'pending');
  if (done.length === 0) return null;
  return (
    <section className="page-section interview-answered" aria-labelledby="answered-heading">
      <h2 id="answered-heading">Earlier questions</h2>
      <ol className="interview-answered__list" data-testid="answered-list">
        {done.map((question) => (
          <li key={question.id} data-testid="answered-question" data-question-id={question.id} data-status={question.status}>
            <details className="interview-answered__item">
              <summary>
                <span className="interview-answered__n">Q{ordered.indexOf(question) + 1}</span>
                <span className="interview-answered__text">{question.text}</span>
                <span className="interview-answered__score">{summaryScore(question)}</span>
              </summary>
              <div className="interview-answered__body">
                <p className="meta">
                  {KIND_LABELS[question.kind] ?? question.kind} · {question.topicTitle}
                </p>
                <QuestionSources question={question} />
                {question.result ? <StoredResult question={question} session={session} /> : <p className="meta">Skipped.</p>}
              </div>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

function summaryScore(question: Question): string {
  if (question.status === 'skipped') return 'skipped';
  const overall = question.result?.score?.overall?.score;
  return overall == null ? '' : `${formatScore(overall)} / 4`;
}

function StoredResult({ question, session }: { question: Question; session: Session }) {
  const result = question.result!;
  const followup = result.followupId ? (session.questions.find((candidate) => candidate.id === result.followupId) ?? null) : null;
  return (
    <>
      <div className="interview-question__answer">
        <h3 className="result__heading">Your answer</h3>
        <p className="interview-question__answer-text">{result.answer}</p>
      </div>
      <ResultView
        state="done"
        points={result.points ?? []}
        score={result.score}
        reference={result.reference?.text ?? ''}
        citations={result.reference?.citations ?? []}
        followup={followup}
        durationMs={result.durationMs}
        model={result.model}
      />
    </>
  );
}
