import { Link, useLocation, useParams } from 'react-router';
import { ErrorNotice, Loading } from '../../../components/ui/Status';
import { errorMessage, isApiError } from '../../../lib/api-client';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRoadmap } from '../hooks/useRoadmaps';
import { formatDate, plural } from './format';
import { FreshnessPanel } from './FreshnessPanel';
import { SkippedLinksNotice, skippedLinksOf } from './SkippedLinksNotice';
import { TopicTree } from './TopicTree';

type RoadmapPageProps = {
  /** What the app shows about the roadmap between its header and its topics (the ingestion panel). */
  renderStatus?: (roadmapId: string) => ReactNode;
  /** What the app shows right under the roadmap's header (what is due, the Study button). */
  renderReview?: (roadmapId: string) => ReactNode;
  /** What the app shows right after the review (exporting and importing the roadmap's cards). */
  renderExchange?: (roadmapId: string) => ReactNode;
  /** What the app shows after the status (the chat about the roadmap's sources). */
  renderChat?: (roadmapId: string) => ReactNode;
  /** What the app shows after the chat (starting a mock interview on the roadmap, the past ones). */
  renderInterview?: (roadmapId: string) => ReactNode;
  /** Shown after each topic's title in the tree (its card count, its progress). */
  renderTopicBadge?: (topicId: string) => ReactNode;
  /** Wraps the topic tree, e.g. in a provider that loads what the badges show for the whole roadmap at once. */
  wrapTopics?: (roadmapId: string, topics: ReactNode) => ReactNode;
};

export function RoadmapPage({
  renderStatus,
  renderReview,
  renderExchange,
  renderChat,
  renderInterview,
  renderTopicBadge,
  wrapTopics,
}: RoadmapPageProps = {}) {
  const { id = '' } = useParams();
  const roadmap = useRoadmap(id);
  const skippedLinks = skippedLinksOf(useLocation().state);
  useDocumentTitle(roadmap.status === 'ready' ? roadmap.data.title : 'Roadmap');
  const tree =
    roadmap.status === 'ready' ? <TopicTree key={roadmap.data.id} topics={roadmap.data.topics} renderBadge={renderTopicBadge} /> : null;

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/">Roadmaps</Link>
          </li>
          {roadmap.status === 'ready' && <li aria-current="page">{roadmap.data.title}</li>}
        </ol>
      </nav>

      {roadmap.status === 'loading' && <Loading label="Loading roadmap…" />}
      {roadmap.status === 'error' && (
        <ErrorNotice
          title={isApiError(roadmap.error) && roadmap.error.status === 404 ? 'Roadmap not found' : 'Could not load the roadmap'}
          message={errorMessage(roadmap.error)}
        />
      )}
      {roadmap.status === 'ready' && (
        <>
          <header className="page-header">
            <h1 data-testid="roadmap-title">{roadmap.data.title}</h1>
            {roadmap.data.description && <p className="lead">{roadmap.data.description}</p>}
            <p className="meta">
              {plural(roadmap.data.topicCount, 'topic')} · {plural(roadmap.data.resourceCount, 'resource')}
              {roadmap.data.updatedAt && <> · updated {formatDate(roadmap.data.updatedAt)}</>}
            </p>
          </header>
          <SkippedLinksNotice links={skippedLinks} />
          {renderReview?.(roadmap.data.id)}
          {renderExchange?.(roadmap.data.id)}
          {renderStatus?.(roadmap.data.id)}
          {roadmap.data.freshness && <FreshnessPanel key={roadmap.data.id} roadmapId={roadmap.data.id} freshness={roadmap.data.freshness} />}
          {renderChat?.(roadmap.data.id)}
          {renderInterview?.(roadmap.data.id)}
          <section aria-labelledby="topics-heading" className="page-section">
            <h2 id="topics-heading">Topics</h2>
            {wrapTopics ? wrapTopics(roadmap.data.id, tree) : tree}
          </section>
        </>
      )}
    </div>
  );
}
