import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorNotice, Loading } from '../../../components/ui/Status';
import { errorMessage, isApiError } from '../../../lib/api-client';
import type { TopicDetail, TopicNode } from '../api/types';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useTopic } from '../hooks/useRoadmaps';
import { KindBadge } from './KindBadge';
import { TopicDetails } from './TopicDetails';

/** A topic as other features need it: where it belongs and the ids of all its subtopics, at any depth. */
export interface TopicPlace {
  id: string;
  roadmapId: string;
  subtopicIds: string[];
}

type TopicPageProps = {
  /** What the app shows in the topic's header (how far the learner has got with it). */
  renderProgress?: (topic: TopicPlace) => ReactNode;
  /** What the app shows right under the topic's header (what is due, the Study button). */
  renderReview?: (topic: TopicPlace) => ReactNode;
  /** What the app shows under the topic's details and subtopics (the sources learners added, the form to add one). */
  renderSources?: (topicId: string) => ReactNode;
  /** What the app shows under the topic's details (the chat about its sources). */
  renderChat?: (topicId: string) => ReactNode;
  /** What the app shows after the chat (starting a mock interview on the topic, the past ones). */
  renderInterview?: (topic: TopicPlace) => ReactNode;
  /** What the app shows after the interview (the topic's flashcards). */
  renderCards?: (topicId: string) => ReactNode;
  /** What the app shows after the cards (exporting and importing the topic's cards). */
  renderExchange?: (topicId: string) => ReactNode;
};

export function TopicPage(slots: TopicPageProps = {}) {
  const { id = '' } = useParams();
  const topic = useTopic(id);
  useDocumentTitle(topic.status === 'ready' ? topic.data.title : 'Topic');

  if (topic.status === 'loading') return <Loading label="Loading topic…" />;
  if (topic.status === 'error') {
    return (
      <div className="page">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <ol>
            <li>
              <Link to="/">Roadmaps</Link>
            </li>
          </ol>
        </nav>
        <ErrorNotice
          title={isApiError(topic.error) && topic.error.status === 404 ? 'Topic not found' : 'Could not load the topic'}
          message={errorMessage(topic.error)}
        />
      </div>
    );
  }
  return <TopicView topic={topic.data} {...slots} />;
}

function TopicView({ topic, renderProgress, renderReview, renderSources, renderChat, renderInterview, renderCards, renderExchange }: { topic: TopicDetail } & TopicPageProps) {
  const place: TopicPlace = { id: topic.id, roadmapId: topic.roadmapId, subtopicIds: descendantIds(topic) };
  const ancestors = topic.path.at(-1) === topic.title ? topic.path.slice(0, -1) : topic.path;
  return (
    <article className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb" data-testid="breadcrumb">
        <ol>
          <li>
            <Link to="/">Roadmaps</Link>
          </li>
          <li>
            <Link to={`/roadmaps/${encodeURIComponent(topic.roadmapId)}`}>{topic.roadmapTitle}</Link>
          </li>
          {ancestors.map((heading, index) => (
            <li key={`${heading}-${index}`}>{heading}</li>
          ))}
          <li aria-current="page">{topic.title}</li>
        </ol>
      </nav>

      <header className="page-header">
        <h1 data-testid="topic-page-title">{topic.title}</h1>
        <p className="meta">
          <KindBadge kind={topic.kind} />
        </p>
        {topic.description && <p className="lead">{topic.description}</p>}
        {renderProgress?.(place)}
      </header>

      {renderReview?.(place)}

      <TopicDetails topic={topic} headingLevel={2} showDescription={false} />

      {topic.children.length > 0 && (
        <section aria-labelledby="subtopics-heading" className="page-section">
          <h2 id="subtopics-heading">Subtopics</h2>
          <ul className="subtopic-list">
            {topic.children.map((child) => (
              <li key={child.id}>
                <Link to={`/topics/${encodeURIComponent(child.id)}`}>{child.title}</Link> <KindBadge kind={child.kind} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {renderSources?.(topic.id)}
      {renderChat?.(topic.id)}
      {renderInterview?.(place)}
      {renderCards?.(topic.id)}
      {renderExchange?.(topic.id)}
    </article>
  );
}

/** The ids of every topic under `topic`, depth first. */
function descendantIds(topic: TopicNode): string[] {
  return topic.children.flatMap((child) => [child.id, ...descendantIds(child)]);
}
