/** Review feature: studying due cards (FSRS scheduling on the server), due counts and review stats per roadmap and topic. */
export { StudyPage, type RenderCardEditor, type StudyPageProps } from './components/ReviewScreen';
export { ReviewPanel, type ReviewPanelProps } from './components/ReviewPanel';
export type { ReviewCard } from './api/types';
