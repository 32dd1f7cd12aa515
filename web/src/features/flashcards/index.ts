/** Flashcards feature: a topic's cards, generated from its sources or written by hand. */
export { FlashcardsPanel, type FlashcardsPanelProps } from './components/FlashcardsPanel';
