import { useReducer } from 'react';
import { Route, Routes } from 'react-router';
import { AccountPage, AuthProvider, LoginPage, RegisterPage, RequireSignIn, SetupPage, useAuth } from '../features/account';
import { AdminPage, EmbeddingModelPanel } from '../features/admin';
import { ChatPanel } from '../features/chat';
import { ExchangePanel } from '../features/exchange';
import { CardCountsProvider, CardEditForm, FlashcardsPanel, TopicCardCount } from '../features/flashcards';
import { IngestionPanel } from '../features/ingest';
import { InterviewPage, InterviewPanel } from '../features/interview';
import {
  ProgressProvider,
  RoadmapCompletion,
  RoadmapCompletionsProvider,
  RoadmapProgressSummary,
  TopicProgressBadge,
  TopicProgressPanel,
} from '../features/progress';
import { ReviewPanel, StudyPage, type RenderCardEditor } from '../features/review';
import { RoadmapPage, RoadmapsPage, TopicPage } from '../features/roadmaps';
import { SourcesPanel } from '../features/sources';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

/** The review screen edits a card with the flashcards feature's editor. */
const renderCardEditor: RenderCardEditor = (card, close) => <CardEditForm card={card} onSaved={close} onCancel={() => close(null)} />;

/**
 * Browser-history routes; features meet only here (the roadmap list shows each roadmap's completion; the roadmap page
 * what is due, the Anki export and import, the ingest feature's panel, the chat, the mock interviews, the roadmap's
 * progress and each topic's card count and progress in its tree; the topic page its progress, what is due, the chat,
 * the mock interviews, the topic's flashcards and the Anki export and import; the study screens edit cards with the
 * flashcards editor). The account feature knows who is signed in: its pages (setup, login, register) are open, every
 * other screen waits behind its guard; the admin page gets the signed-in learner from it. The server forwards deep
 * links (`/roadmaps/{id}`, `/topics/{id}`, `…/study`, `/interviews/{id}`, `/login`, `/setup`, `/register`,
 * `/account`, `/admin`) to index.html.
 */
export function App() {
  return (
    <AuthProvider>
      <Routes>
        <Route element={<Layout />}>
          <Route path="setup" element={<SetupPage />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route element={<RequireSignIn />}>
            <Route
              index
              element={
                <RoadmapsPage
                  wrapRoadmaps={(list) => <RoadmapCompletionsProvider>{list}</RoadmapCompletionsProvider>}
                  renderRoadmapBadge={(id) => <RoadmapCompletion roadmapId={id} />}
                />
              }
            />
            <Route path="roadmaps/:id" element={<RoadmapRoute />} />
            <Route path="roadmaps/:id/study" element={<StudyPage kind="roadmap" renderEditor={renderCardEditor} />} />
            <Route path="topics/:id" element={<TopicRoute />} />
            <Route path="topics/:id/study" element={<StudyPage kind="topic" renderEditor={renderCardEditor} />} />
            <Route path="interviews/:id" element={<InterviewPage />} />
            <Route path="account" element={<AccountPage />} />
            <Route path="admin" element={<AdminRoute />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </AuthProvider>
  );
}

/** Admins only; the server answers 403 to anyone else anyway. */
function AdminRoute() {
  const { state } = useAuth();
  if (state.mode === 'single-user') {
    return (
      <div className="page">
        <h1>Admin</h1>
        <p className="lead">This Groundwork runs in single-user mode: there are no accounts to manage.</p>
        <EmbeddingModelPanel />
      </div>
    );
  }
  if (state.learner?.role !== 'admin') {
    return (
      <div className="page">
        <h1>Admins only</h1>
        <p className="lead">This page manages users and settings; ask an admin of this Groundwork if you need something changed.</p>
      </div>
    );
  }
  return <AdminPage currentLearnerId={state.learner.id} />;
}

/** A number that grows whenever cards are imported on the page: the panels showing cards or counts load again. */
function useImports(): [number, () => void] {
  return useReducer((imports: number) => imports + 1, 0);
}

function RoadmapRoute() {
  const [imports, imported] = useImports();
  return (
    <RoadmapPage
      renderReview={(id) => <ReviewPanel kind="roadmap" roadmapId={id} refreshKey={imports} />}
      renderExchange={(id) => <ExchangePanel scope={{ kind: 'roadmap', id }} onImported={imported} />}
      renderStatus={(id) => <IngestionPanel roadmapId={id} />}
      renderChat={(id) => <ChatPanel roadmapId={id} title="Ask about this roadmap" />}
      renderInterview={(id) => <InterviewPanel kind="roadmap" roadmapId={id} />}
      wrapTopics={(id, topics) => (
        <ProgressProvider roadmapId={id} refreshKey={imports}>
          <CardCountsProvider roadmapId={id} refreshKey={imports}>
            <RoadmapProgressSummary />
            {topics}
          </CardCountsProvider>
        </ProgressProvider>
      )}
      renderTopicBadge={(topicId) => (
        <>
          <TopicCardCount topicId={topicId} />
          <TopicProgressBadge topicId={topicId} />
        </>
      )}
    />
  );
}

function TopicRoute() {
  const [imports, imported] = useImports();
  return (
    <TopicPage
      renderProgress={(topic) => <TopicProgressPanel topicId={topic.id} roadmapId={topic.roadmapId} refreshKey={imports} />}
      renderReview={(topic) => (
        <ReviewPanel kind="topic" topicId={topic.id} roadmapId={topic.roadmapId} subtopicIds={topic.subtopicIds} refreshKey={imports} />
      )}
      renderSources={(id) => <SourcesPanel topicId={id} />}
      renderChat={(id) => <ChatPanel topicId={id} title="Ask about this topic" />}
      renderInterview={(topic) => <InterviewPanel kind="topic" topicId={topic.id} roadmapId={topic.roadmapId} />}
      renderCards={(id) => <FlashcardsPanel topicId={id} refreshKey={imports} />}
      renderExchange={(id) => <ExchangePanel scope={{ kind: 'topic', id }} onImported={imported} />}
    />
  );
}
