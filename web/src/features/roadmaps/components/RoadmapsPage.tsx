import type { ReactNode } from 'react';
import { Loading, ErrorNotice } from '../../../components/ui/Status';
import { errorMessage } from '../../../lib/api-client';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRoadmaps } from '../hooks/useRoadmaps';
import { RoadmapList } from './RoadmapList';
import { UploadRoadmapForm } from './UploadRoadmapForm';

type RoadmapsPageProps = {
  /** Shown on each roadmap's card in the list (its completion). */
  renderRoadmapBadge?: (roadmapId: string) => ReactNode;
  /** Wraps the list, e.g. in a provider that loads what the badges show for every roadmap at once. */
  wrapRoadmaps?: (list: ReactNode) => ReactNode;
};

export function RoadmapsPage({ renderRoadmapBadge, wrapRoadmaps }: RoadmapsPageProps = {}) {
  useDocumentTitle('Roadmaps');
  const roadmaps = useRoadmaps();

  return (
    <div className="page">
      <h1>Roadmaps</h1>
      <p className="lead">Study plans you have imported, with their topics and resources.</p>

      <section aria-labelledby="import-heading" className="page-section">
        <h2 id="import-heading">Import a roadmap</h2>
        <UploadRoadmapForm />
      </section>

      <section aria-labelledby="list-heading" className="page-section">
        <h2 id="list-heading">Your roadmaps</h2>
        {roadmaps.status === 'loading' && <Loading label="Loading roadmaps…" />}
        {roadmaps.status === 'error' && (
          <ErrorNotice title="Could not load roadmaps" message={errorMessage(roadmaps.error)} />
        )}
        {roadmaps.status === 'ready' && wrap(<RoadmapList roadmaps={roadmaps.data} renderBadge={renderRoadmapBadge} />, wrapRoadmaps)}
      </section>
    </div>
  );
}

function wrap(list: ReactNode, wrapRoadmaps?: (list: ReactNode) => ReactNode): ReactNode {
  return wrapRoadmaps ? wrapRoadmaps(list) : list;
}
