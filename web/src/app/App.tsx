import { Route, Routes } from 'react-router';
import { ChatPanel } from '../features/chat';
import { CardCountsProvider, CardEditForm, FlashcardsPanel, TopicCardCount } from '../features/flashcards';
import { IngestionPanel } from '../features/ingest';
import { ReviewPanel, StudyPage, type RenderCardEditor } from '../features/review';
import { RoadmapPage, RoadmapsPage, TopicPage } from '../features/roadmaps';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

/** The review screen edits a card with the flashcards feature's editor. */
const renderCardEditor: RenderCardEditor = (card, close) => <CardEditForm card={card} onSaved={close} onCancel={() => close(null)} />;

/**
 * Browser-history routes; features meet only here (the roadmap page shows what is due, the ingest feature's panel,
 * the chat and each topic's card count in its tree; the topic page what is due, the chat and the topic's flashcards;
 * the study screens edit cards with the flashcards editor). The server forwards deep links (`/roadmaps/{id}`,
 * `/topics/{id}`, `…/study`) to index.html.
 */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<RoadmapsPage />} />
        <Route
          path="roadmaps/:id"
          element={
            <RoadmapPage
              renderReview={(id) => <ReviewPanel kind="roadmap" roadmapId={id} />}
              renderStatus={(id) => <IngestionPanel roadmapId={id} />}
              renderChat={(id) => <ChatPanel roadmapId={id} title="Ask about this roadmap" />}
              wrapTopics={(id, topics) => <CardCountsProvider roadmapId={id}>{topics}</CardCountsProvider>}
              renderTopicBadge={(topicId) => <TopicCardCount topicId={topicId} />}
            />
          }
        />
        <Route path="roadmaps/:id/study" element={<StudyPage kind="roadmap" renderEditor={renderCardEditor} />} />
        <Route
          path="topics/:id"
          element={
            <TopicPage
              renderReview={(topic) => <ReviewPanel kind="topic" topicId={topic.id} roadmapId={topic.roadmapId} subtopicIds={topic.subtopicIds} />}
              renderChat={(id) => <ChatPanel topicId={id} title="Ask about this topic" />}
              renderCards={(id) => <FlashcardsPanel topicId={id} />}
            />
          }
        />
        <Route path="topics/:id/study" element={<StudyPage kind="topic" renderEditor={renderCardEditor} />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
