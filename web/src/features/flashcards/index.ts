/** Flashcards feature: a topic's cards (generated from its sources or written by hand) and card counts per topic. */
export { FlashcardsPanel, type FlashcardsPanelProps } from './components/FlashcardsPanel';
export { CardCountsProvider, TopicCardCount } from './components/CardCounts';
export { CardEditForm, type EditableCard } from './components/CardEditForm';
