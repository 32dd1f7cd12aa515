import { Route, Routes } from 'react-router';
import { ChatPanel } from '../features/chat';
import { CardCountsProvider, FlashcardsPanel, TopicCardCount } from '../features/flashcards';
import { IngestionPanel } from '../features/ingest';
import { RoadmapPage, RoadmapsPage, TopicPage } from '../features/roadmaps';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

/**
 * Browser-history routes; features meet only here (the roadmap page shows the ingest feature's panel, the chat and
 * each topic's card count in its tree; the topic page the chat and the topic's flashcards). The server forwards deep
 * links (`/roadmaps/{id}`, `/topics/{id}`) to index.html.
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
              renderStatus={(id) => <IngestionPanel roadmapId={id} />}
              renderChat={(id) => <ChatPanel roadmapId={id} title="Ask about this roadmap" />}
              wrapTopics={(id, topics) => <CardCountsProvider roadmapId={id}>{topics}</CardCountsProvider>}
              renderTopicBadge={(topicId) => <TopicCardCount topicId={topicId} />}
            />
          }
        />
        <Route
          path="topics/:id"
          element={
            <TopicPage
              renderChat={(id) => <ChatPanel topicId={id} title="Ask about this topic" />}
              renderCards={(id) => <FlashcardsPanel topicId={id} />}
            />
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
