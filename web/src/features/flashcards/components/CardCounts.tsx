import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { plural } from '../../../lib/format';
import { getCardCounts } from '../api/cards-api';
import type { CardCounts } from '../api/types';

const CountsContext = createContext<CardCounts | null>(null);

/**
 * Loads how many cards each topic of a roadmap holds, once (again when `refreshKey` changes, e.g. after an import),
 * for every {@link TopicCardCount} inside it. A failure only leaves the counts out: the tree is still usable without
 * them.
 */
export function CardCountsProvider({ roadmapId, refreshKey, children }: { roadmapId: string; refreshKey?: unknown; children: ReactNode }) {
  const [counts, setCounts] = useState<CardCounts | null>(null);
  const loadedRoadmap = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    // another roadmap's counts go at once; a reload keeps them until the new ones arrive
    if (loadedRoadmap.current !== roadmapId) setCounts(null);
    getCardCounts(roadmapId, controller.signal).then(
      (loaded) => {
        if (controller.signal.aborted) return;
        loadedRoadmap.current = roadmapId;
        setCounts(loaded);
      },
      () => {
        // counts are extra information: without them the tree shows none
      },
    );
    return () => controller.abort();
  }, [roadmapId, refreshKey]);

  return <CountsContext.Provider value={counts}>{children}</CountsContext.Provider>;
}

/** "3 cards · 1 stale" for a topic that has cards; nothing otherwise. */
export function TopicCardCount({ topicId }: { topicId: string }) {
  const count = useContext(CountsContext)?.topics?.[topicId];
  if (!count || count.cards <= 0) return null;
  return (
    <span className="card-count" data-testid="topic-card-count">
      {plural(count.cards, 'card')}
      {count.stale > 0 && <span className="card-count__stale"> · {count.stale} stale</span>}
    </span>
  );
}
