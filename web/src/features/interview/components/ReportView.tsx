import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, Loading } from '../../../components/ui/Status';
import { errorMessage } from '../../../lib/api-client';
import { useApiResource } from '../../../lib/use-api-resource';
import { getReport, makeCards } from '../api/interview-api';
import type { CardsMade, Report, ReportQuestion } from '../api/types';
import { AnchorChip } from './AnchorChip';
import { formatScore, formatTime, KIND_LABELS, plural, scopePath, VERDICT_LABELS } from './format';

const STATUS_LABELS: Record<string, string> = { pending: 'not answered', skipped: 'skipped', answered: 'answered' };

/**
 * The session's report (`GET …/report`): the overall score, each question's score, time and missed points with their
 * passages, the weakest topics and what to study next; "Make cards from my misses" turns the misses into cards.
 * Takes focus when it shows.
 */
export function ReportView({ sessionId }: { sessionId: string }) {
  const loaded = useApiResource((signal) => getReport(sessionId, signal), [sessionId]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (loaded.status === 'ready') headingRef.current?.focus();
  }, [loaded.status]);

  if (loaded.status === 'loading') return <Loading label="Loading the report…" />;
  if (loaded.status === 'error') return <ErrorNotice title="Could not load the report" message={errorMessage(loaded.error)} />;
  const report = loaded.data;
  const { overall } = report;

  return (
    <section className="interview-report" data-testid="report" aria-labelledby="report-heading">
      <div className="interview-report__summary card">
        <h2 id="report-heading" ref={headingRef} tabIndex={-1}>
          Report
        </h2>
        <p className="interview-report__overall" data-testid="report-overall">
          {overall.score == null ? (
            <span className="interview-report__score">—</span>
          ) : (
            <span className="interview-report__score">
              {formatScore(overall.score)}
              <span className="scores__max"> / 4</span>
            </span>
          )}
          <span className="interview-report__counts">
            {plural(overall.answered, 'answered', 'answered')} · {overall.skipped} skipped · {overall.pending} not asked
          </span>
        </p>
        <MakeCards sessionId={sessionId} report={report} />
      </div>

      <section className="page-section" aria-labelledby="report-questions-heading">
        <h3 id="report-questions-heading">Questions</h3>
        <ol className="report-questions" data-testid="report-questions">
          {report.questions.map((question, index) => (
            <ReportQuestionItem key={question.id} question={question} n={index + 1} />
          ))}
        </ol>
      </section>

      {report.weakestTopics.length > 0 && (
        <section className="page-section" aria-labelledby="weakest-heading">
          <h3 id="weakest-heading">Weakest topics</h3>
          <ol className="report-topics" data-testid="weakest-topics">
            {report.weakestTopics.map((topic) => (
              <li key={topic.topicId}>
                <Link to={scopePath({ kind: 'topic', id: topic.topicId })}>{topic.title}</Link>{' '}
                <span className="meta">
                  {formatScore(topic.overall)} / 4 over {plural(topic.answered, 'answer')}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}

      {report.studyNext.length > 0 && (
        <section className="page-section" aria-labelledby="study-next-heading">
          <h3 id="study-next-heading">What to study next</h3>
          <ul className="report-study" data-testid="study-next">
            {report.studyNext.map((item, index) => (
              <li key={`${item.topicId}-${index}`} className="report-study__item">
                <p className="report-study__point">
                  {item.point}{' '}
                  <Link className="meta" to={scopePath({ kind: 'topic', id: item.topicId })}>
                    {item.topicTitle}
                  </Link>
                </p>
                <AnchorChip anchor={item.anchor} point={item.point} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function ReportQuestionItem({ question, n }: { question: ReportQuestion; n: number }) {
  const overall = question.score?.overall?.score;
  return (
    <li className="report-question card" data-testid="report-question" data-status={question.status}>
      <div className="report-question__head">
        <span className="interview-answered__n">Q{n}</span>
        <p className="report-question__text">{question.text}</p>
        <p className="report-question__figures">
          <span data-testid="report-question-score">{overall == null ? (STATUS_LABELS[question.status] ?? question.status) : `${formatScore(overall)} / 4`}</span>
          {question.durationMs != null && <span className="meta"> · {formatTime(question.durationMs)}</span>}
        </p>
      </div>
      <p className="meta">
        {KIND_LABELS[question.kind] ?? question.kind} · {question.topicTitle}
        {question.parentId && ' · follow-up'}
      </p>
      {question.missed.length > 0 && (
        <ul className="report-question__missed" aria-label="Missed points">
          {question.missed.map((point) => (
            <li key={point.index} data-testid="missed-point" data-verdict={point.verdict}>
              <p className="rubric__text">
                <span className={`verdict verdict--${point.verdict}`}>{VERDICT_LABELS[point.verdict] ?? point.verdict}</span> {point.point}
              </p>
              <AnchorChip anchor={point.anchor} point={point.point} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function MakeCards({ sessionId, report }: { sessionId: string; report: Report }) {
  const [state, setState] = useState<{ status: 'idle' | 'busy' } | { status: 'done'; made: CardsMade } | { status: 'error'; error: unknown }>({
    status: 'idle',
  });
  const misses = report.questions.reduce((sum, question) => sum + question.missed.length, 0);
  const studyPath = `${scopePath(report.scope)}/study`;

  const make = async () => {
    setState({ status: 'busy' });
    try {
      setState({ status: 'done', made: await makeCards(sessionId) });
    } catch (error) {
      setState({ status: 'error', error });
    }
  };

  return (
    <div className="interview-report__cards">
      <button
        type="button"
        className="button interview__action"
        onClick={() => void make()}
        disabled={state.status === 'busy' || misses === 0}
        title={misses === 0 ? 'Nothing was missed' : undefined}
        data-testid="make-cards"
      >
        {state.status === 'busy' ? 'Making cards…' : 'Make cards from my misses'}
      </button>
      <div role="status" aria-live="polite" className="interview-report__cards-status">
        {state.status === 'done' && (
          <p data-testid="cards-made">
            {plural(state.made.created, 'card')} created, {state.made.duplicates} already in your deck.{' '}
            <Link to={studyPath} data-testid="study-misses">
              Study them
            </Link>
          </p>
        )}
      </div>
      {state.status === 'error' && <ErrorNotice title="Could not make the cards" message={errorMessage(state.error)} />}
    </div>
  );
}
