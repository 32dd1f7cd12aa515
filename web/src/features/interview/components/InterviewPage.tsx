import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorNotice, Loading } from '../../../components/ui/Status';
import { errorMessage, isApiError } from '../../../lib/api-client';
import type { Session } from '../api/types';
import { nextPending } from '../hooks/session-order';
import { useInterviewSession } from '../hooks/useInterviewSession';
import { AnsweredList } from './AnsweredList';
import { formatDateTime, LEVEL_LABELS, scopePath } from './format';
import { QuestionView } from './QuestionView';
import { ReportView } from './ReportView';

/** The route `/interviews/:id`: one mock interview, resumed where it was left. */
export function InterviewPage({ autosaveMs }: { autosaveMs?: number } = {}) {
  const { id = '' } = useParams();
  return <InterviewScreen key={id} id={id} autosaveMs={autosaveMs} />;
}

type View = 'auto' | 'questions' | 'report';

function InterviewScreen({ id, autosaveMs }: { id: string; autosaveMs?: number }) {
  const interview = useInterviewSession(id);
  const { loaded, shown, attempt } = interview;
  const [view, setView] = useState<View>('auto');
  const session = loaded.status === 'ready' ? loaded.session : null;
  const current: 'questions' | 'report' = view === 'auto' ? (shown ? 'questions' : 'report') : view;

  useEffect(() => {
    document.title = `Mock interview${session ? ` · ${session.scope.title}` : ''} · Groundwork`;
  }, [session]);

  if (loaded.status === 'loading') return <Loading label="Loading the interview…" />;
  if (loaded.status === 'error') {
    return (
      <div className="page">
        <Crumbs session={null} />
        <ErrorNotice
          title={isApiError(loaded.error) && loaded.error.status === 404 ? 'Interview not found' : 'Could not load the interview'}
          message={errorMessage(loaded.error)}
        />
      </div>
    );
  }
  const { session: loadedSession } = loaded;
  const streaming = attempt?.status === 'streaming';
  const upcoming = nextPending(loadedSession);
  const next = () => {
    if (!interview.next()) setView('report');
  };
  const end = async () => {
    if (await interview.end()) setView('report');
  };

  return (
    <div className="page interview" data-testid="interview" data-status={loadedSession.status}>
      <Crumbs session={loadedSession} />
      <header className="page-header interview__header">
        <h1>
          <span className="review__eyebrow">Mock interview</span>
          {loadedSession.scope.title}
        </h1>
        <p className="meta">
          {LEVEL_LABELS[loadedSession.level] ?? loadedSession.level} · {formatDateTime(loadedSession.createdAt)}
          {loadedSession.status === 'ended' && <> · ended</>}
        </p>
        <div className="interview__toolbar" role="group" aria-label="Interview actions">
          {current === 'report' ? (
            <button type="button" className="button button--secondary interview__action" onClick={() => setView('questions')} data-testid="show-questions">
              Back to the questions
            </button>
          ) : (
            <button type="button" className="button button--secondary interview__action" onClick={() => setView('report')} disabled={streaming} data-testid="show-report">
              Report
            </button>
          )}
          {loadedSession.status === 'active' && (
            <button
              type="button"
              className="button button--secondary interview__action"
              onClick={() => void end()}
              disabled={interview.busy || streaming}
              data-testid="end-interview"
            >
              End interview
            </button>
          )}
        </div>
      </header>
      {loadedSession.notice && (
        <p className="answer__notice" role="status" data-testid="session-notice">
          {loadedSession.notice}
        </p>
      )}
      {interview.actionError && <ErrorNotice title="That did not work" message={interview.actionError} />}

      {current === 'report' ? (
        <ReportView sessionId={loadedSession.id} />
      ) : (
        <>
          {shown ? (
            <QuestionView
              key={shown.id}
              session={loadedSession}
              question={shown}
              attempt={attempt}
              busy={interview.busy}
              onSubmit={interview.submit}
              onSkip={() => void interview.skip()}
              onNext={next}
              hasNext={upcoming !== null && upcoming.id !== shown.id}
              autosaveMs={autosaveMs}
            />
          ) : (
            <p className="status status--empty" data-testid="no-questions-left">
              {loadedSession.status === 'ended' ? 'This interview has ended.' : 'No questions are left.'}
            </p>
          )}
          <AnsweredList session={loadedSession} exceptId={shown?.id ?? null} />
        </>
      )}
    </div>
  );
}

function Crumbs({ session }: { session: Session | null }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to="/">Roadmaps</Link>
        </li>
        {session && (
          <li>
            <Link to={scopePath(session.scope)}>{session.scope.title}</Link>
          </li>
        )}
        <li aria-current="page">Mock interview</li>
      </ol>
    </nav>
  );
}
