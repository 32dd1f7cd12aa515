import { useId, useReducer, useState } from 'react';
import { Link } from 'react-router';
import { useLoaded } from '../../../lib/use-loaded';
import { getReviewCounts, getReviewStats } from '../api/review-api';
import type { DueCount, ReviewCounts, StudyScope } from '../api/types';
import { dueLine } from './format';
import { ReviewSettingsForm } from './ReviewSettingsForm';
import { ReviewStatsView } from './ReviewStatsView';

export type ReviewPanelProps = (
  | { kind: 'roadmap'; roadmapId: string }
  /** A topic counts with its subtopics (all of them, at any depth) when the page knows them. */
  | { kind: 'topic'; topicId: string; roadmapId: string; subtopicIds?: readonly string[] }
) & {
  /** Changes when cards were added elsewhere (an import): counts and stats load again. */
  refreshKey?: unknown;
};

/**
 * What is due on a roadmap or topic page: "12 due · 5 new", the Study button, the review stats, and the learner's
 * review settings behind a Settings button. Counts come from `GET /api/roadmaps/{id}/review-counts` (a topic sums
 * itself and its subtopics); a failure only leaves them out. Saved settings load the counts and stats again (the daily
 * new limit and the time zone change what is due).
 */
export function ReviewPanel(props: ReviewPanelProps) {
  const scope: StudyScope = props.kind === 'roadmap' ? { kind: 'roadmap', id: props.roadmapId } : { kind: 'topic', id: props.topicId };
  const [saves, settingsSaved] = useReducer((n: number) => n + 1, 0);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsId = useId();
  const refresh = [props.refreshKey, saves];
  const counts = useLoaded((signal) => getReviewCounts(props.roadmapId, signal), props.roadmapId, refresh);
  const stats = useLoaded((signal) => getReviewStats(scope, signal), `${scope.kind}:${scope.id}`, refresh);
  const due = counts && dueIn(props, counts);
  const studyPath = `/${scope.kind === 'roadmap' ? 'roadmaps' : 'topics'}/${encodeURIComponent(scope.id)}/study`;

  return (
    <section className="card review-panel" aria-labelledby="review-panel-heading" data-testid="review-panel">
      <div className="review-panel__head">
        <h2 id="review-panel-heading" className="review-panel__title">
          Review
        </h2>
        {due && (
          <p className="due-badge" data-testid="due-count" data-due={due.due} data-new={due.new}>
            {dueLine(due.due, due.new)}
          </p>
        )}
        <Link className="button review-panel__study" to={studyPath} data-testid="study-link">
          Study
        </Link>
        <button
          type="button"
          className="button button--secondary review-panel__settings"
          aria-expanded={settingsOpen}
          aria-controls={settingsOpen ? settingsId : undefined}
          onClick={() => setSettingsOpen((open) => !open)}
          data-testid="settings-toggle"
        >
          Settings
        </button>
      </div>
      {settingsOpen && <ReviewSettingsForm id={settingsId} onSaved={settingsSaved} />}
      {stats && <ReviewStatsView stats={stats} />}
    </section>
  );
}

/** The roadmap's counts, or the sum of the topic's and its subtopics'. */
export function dueIn(props: ReviewPanelProps, counts: ReviewCounts): DueCount {
  if (props.kind === 'roadmap') return { due: counts.due, new: counts.new };
  const total = { due: 0, new: 0 };
  for (const id of new Set([props.topicId, ...(props.subtopicIds ?? [])])) {
    const topic = counts.topics[id];
    if (!topic) continue;
    total.due += topic.due;
    total.new += topic.new;
  }
  return total;
}

