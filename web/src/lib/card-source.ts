/**
 * `GET /api/cards/{id}/source`: the card's passage as it is stored now. Shared by the features that show a card's
 * source (flashcards, review), which must not import each other.
 */
export interface CardSource {
  chunkId: string;
  title: string;
  url: string;
  headingPath: string[];
  page: number | null;
  text: string;
  quote: string;
  /** The quote's span within `text`; null when it is no longer found there. */
  quoteStart: number | null;
  quoteEnd: number | null;
}
