import { createContext, useContext, type ReactNode } from 'react';
import { plural } from '../../../lib/format';
import { getRoadmapProgress } from '../api/progress-api';
import type { RoadmapProgress, TopicProgress as Progress } from '../api/types';
import { useLoaded } from '../../../lib/use-loaded';
import { percent, STATE_LABELS } from './format';

const ProgressContext = createContext<RoadmapProgress | null>(null);

/**
 * Loads every topic's progress in a roadmap once (again when `refreshKey` changes) for the {@link TopicProgressBadge}s
 * and the {@link RoadmapProgressSummary} inside it. A failure only leaves them out.
 */
export function ProgressProvider({ roadmapId, refreshKey, children }: { roadmapId: string; refreshKey?: unknown; children: ReactNode }) {
  const progress = useLoaded((signal) => getRoadmapProgress(roadmapId, signal), roadmapId, [refreshKey]);
  return <ProgressContext.Provider value={progress}>{children}</ProgressContext.Provider>;
}

function useTopicProgress(topicId: string): Progress | null {
  return useContext(ProgressContext)?.topics?.find((topic) => topic.topicId === topicId) ?? null;
}

/** "Learning · 45%" after a topic's title in the tree; its reason as a tooltip. Nothing until progress is loaded. */
export function TopicProgressBadge({ topicId }: { topicId: string }) {
  const progress = useTopicProgress(topicId);
  if (!progress) return null;
  const label = STATE_LABELS[progress.state] ?? progress.state;
  return (
    <span
      className={`progress-badge progress-badge--${progress.state}`}
      data-testid="topic-progress"
      data-state={progress.state}
      title={progress.reason || undefined}
    >
      {label}
      {progress.state !== 'not-started' && (
        <>
          {' · '}
          {percent(progress.mastery)}
          <span className="visually-hidden"> mastery</span>
        </>
      )}
    </span>
  );
}

/** The roadmap's completion and how many topics are in each state, above its topic tree. */
export function RoadmapProgressSummary() {
  const progress = useContext(ProgressContext);
  if (!progress) return null;
  const { counts } = progress;
  return (
    <div className="progress-summary" data-testid="roadmap-progress">
      <CompletionBar completion={progress.completion} label="Roadmap completion" />
      <ul className="progress-summary__counts" aria-label="Topics by state">
        <li data-state="solid">{counts.solid} solid</li>
        <li data-state="learning">{counts.learning} learning</li>
        <li data-state="needs-revision">{counts.needsRevision} need revision</li>
        <li data-state="not-started">{counts.notStarted} not started</li>
      </ul>
    </div>
  );
}

/** A topic page's progress: its state, mastery, why, and what it rests on (cards, interview answers). */
export function TopicProgressPanel({ topicId, roadmapId, refreshKey }: { topicId: string; roadmapId: string; refreshKey?: unknown }) {
  return (
    <ProgressProvider roadmapId={roadmapId} refreshKey={refreshKey}>
      <TopicProgressDetails topicId={topicId} />
    </ProgressProvider>
  );
}

function TopicProgressDetails({ topicId }: { topicId: string }) {
  const progress = useTopicProgress(topicId);
  if (!progress) return null;
  const { cards, interview } = progress;
  return (
    <section className="progress-topic" aria-label="Progress" data-testid="topic-progress-panel">
      <p className="progress-topic__head">
        <TopicProgressBadge topicId={topicId} />
        <span className="progress-topic__reason">{progress.reason}</span>
      </p>
      <CompletionBar completion={progress.mastery} label="Mastery" />
      <p className="meta progress-topic__facts">
        {plural(cards.count ?? 0, 'card')}, {cards.inReview ?? 0} in review
        {cards.retrievability != null && <> · recall {percent(cards.retrievability)}</>}
        {' · '}
        {plural(interview.answered ?? 0, 'interview answer')}
        {interview.recent != null && <>, latest {Math.round(interview.recent * 10) / 10} / 4</>}
      </p>
    </section>
  );
}

/** A labelled bar with its percent. */
export function CompletionBar({ completion, label }: { completion: number; label: string }) {
  const shown = percent(completion);
  return (
    <div className="completion" data-testid="completion">
      <span className="completion__label">{label}</span>
      <span
        className="completion__bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Number.parseInt(shown, 10)}
      >
        <span className="completion__fill" style={{ width: shown }} />
      </span>
      <span className="completion__value" data-testid="completion-value">
        {shown}
      </span>
    </div>
  );
}
