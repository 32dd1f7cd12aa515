import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { listInterviews } from '../api/interview-api';
import type { SessionSummary } from '../api/types';
import { formatDateTime, formatScore, interviewPath, LEVEL_LABELS } from './format';

/**
 * The roadmap's past sessions, newest first (only the topic's when `topicId` is given): date, level, scope, how many
 * questions were answered and the overall score, each a link to its session. A failure only leaves the list out.
 */
export function PastSessions({ roadmapId, topicId }: { roadmapId: string; topicId?: string }) {
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listInterviews(roadmapId, controller.signal).then(
      (loaded) => {
        if (!controller.signal.aborted) setSessions(loaded);
      },
      () => {
        // the form works without the list
      },
    );
    return () => controller.abort();
  }, [roadmapId]);

  if (!sessions) return null;
  const shown = topicId ? sessions.filter((session) => session.scope.kind === 'topic' && session.scope.id === topicId) : sessions;
  if (shown.length === 0) return <p className="meta" data-testid="no-past-interviews">No mock interviews yet.</p>;
  return (
    <ul className="past-interviews" data-testid="past-interviews" aria-label="Past interviews">
      {shown.map((session) => (
        <li key={session.id} className="past-interviews__item" data-testid="past-interview">
          <Link className="past-interviews__link" to={interviewPath(session.id)}>
            {formatDateTime(session.createdAt)}
          </Link>
          <span className="past-interviews__scope">
            {session.scope.kind === 'roadmap' ? 'Whole roadmap' : session.scope.title}
          </span>
          <span className="meta">
            {LEVEL_LABELS[session.level] ?? session.level} · {session.answered} of {session.questions} answered
            {session.status === 'active' && session.answered < session.questions ? ' · in progress' : ''}
          </span>
          <span className="past-interviews__score" data-testid="past-interview-score">
            {session.overall == null ? '—' : `${formatScore(session.overall)} / 4`}
          </span>
        </li>
      ))}
    </ul>
  );
}
