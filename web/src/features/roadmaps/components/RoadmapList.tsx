import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/Status';
import type { RoadmapSummary } from '../api/types';
import { formatDate, plural } from './format';

/** The imported roadmaps as cards; `renderBadge` adds what another feature knows about each (its completion). */
export function RoadmapList({ roadmaps, renderBadge }: { roadmaps: RoadmapSummary[]; renderBadge?: (roadmapId: string) => ReactNode }) {
  if (roadmaps.length === 0) {
    return (
      <EmptyState title="No roadmaps yet">
        <p>Import a roadmap file above to see its topics and resources here.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="roadmap-list" data-testid="roadmap-list">
      {roadmaps.map((roadmap) => (
        <li key={roadmap.id} className="card roadmap-card" data-testid="roadmap-card" data-roadmap-id={roadmap.id}>
          <h3 className="roadmap-card__title">
            <Link to={`/roadmaps/${encodeURIComponent(roadmap.id)}`}>{roadmap.title}</Link>
          </h3>
          {roadmap.description && <p className="roadmap-card__description">{roadmap.description}</p>}
          <p className="meta">
            {plural(roadmap.topicCount, 'topic')} · {plural(roadmap.resourceCount, 'resource')}
            {roadmap.importedAt && <> · imported {formatDate(roadmap.importedAt)}</>}
          </p>
          {renderBadge?.(roadmap.id)}
        </li>
      ))}
    </ul>
  );
}
