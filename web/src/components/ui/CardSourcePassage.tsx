import type { ReactNode } from 'react';
import type { CardSource } from '../../lib/card-source';
import { errorMessage, isApiError } from '../../lib/api-client';
import { sourceLocation } from '../../lib/format';
import { useApiResource } from '../../lib/use-api-resource';
import { findQuote, PassagePanel, type TextSpan } from './Passage';
import { ErrorNotice, Loading } from './Status';

interface CardSourcePassageProps {
  cardId: string;
  /** The feature's own call of `GET /api/cards/{id}/source`. */
  load: (cardId: string, signal: AbortSignal) => Promise<CardSource>;
  onClose: () => void;
  /** Shown after the error notice when the source cannot be loaded, e.g. a Close button. */
  errorActions?: ReactNode;
  /** Shown after the passage, given the source and where its quote stands in it (null when it is not there). */
  after?: (source: CardSource, highlight: TextSpan | null) => ReactNode;
}

/**
 * The passage a card was built from, loaded for `cardId` and shown with the card's quote highlighted; a loading
 * line or an error notice (a 404 reads as "no source passage") until then. Loads again when `cardId` changes.
 */
export function CardSourcePassage({ cardId, load, onClose, errorActions, after }: CardSourcePassageProps) {
  const state = useApiResource((signal) => load(cardId, signal), [cardId, load]);

  if (state.status === 'loading') return <Loading label="Loading the source passage…" />;
  if (state.status === 'error') {
    return (
      <>
        <ErrorNotice
          title="Could not show the source"
          message={isApiError(state.error) && state.error.status === 404 ? 'This card has no source passage.' : errorMessage(state.error)}
        />
        {errorActions}
      </>
    );
  }
  const source = state.data;
  const text = source.text ?? '';
  const highlight = findQuote(text, source.quote, source.quoteStart, source.quoteEnd);
  return (
    <PassagePanel
      heading={source.title || 'Untitled source'}
      url={source.url}
      location={sourceLocation(source)}
      text={text}
      highlight={highlight}
      closeLabel="Close the source passage"
      onClose={onClose}
    >
      {after?.(source, highlight)}
    </PassagePanel>
  );
}
