import { createContext, useContext, type ReactNode } from 'react';
import { listProgress } from '../api/progress-api';
import type { RoadmapCompletion as Completion } from '../api/types';
import { useLoaded } from '../../../lib/use-loaded';
import { CompletionBar } from './TopicProgress';

const CompletionsContext = createContext<Completion[] | null>(null);

/** Loads every roadmap's completion once for the {@link RoadmapCompletion} bars inside it. */
export function RoadmapCompletionsProvider({ refreshKey, children }: { refreshKey?: unknown; children: ReactNode }) {
  const completions = useLoaded((signal) => listProgress(signal), 'all', [refreshKey]);
  return <CompletionsContext.Provider value={completions}>{children}</CompletionsContext.Provider>;
}

/** A roadmap's completion as a bar and percent in the roadmap list; nothing until it is known. */
export function RoadmapCompletion({ roadmapId }: { roadmapId: string }) {
  const completion = useContext(CompletionsContext)?.find((item) => item.roadmapId === roadmapId);
  if (!completion) return null;
  return (
    <div className="roadmap-completion" data-testid="roadmap-completion">
      <CompletionBar completion={completion.completion} label="Completion" />
    </div>
  );
}
