import { useEffect, useState } from 'react';
import { findQuote, PassagePanel } from '../../../components/ui/Passage';
import { ErrorNotice, Loading } from '../../../components/ui/Status';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { sourceLocation } from '../../../lib/format';
import { getCardSource } from '../api/cards-api';
import type { CardSource } from '../api/types';

type SourceState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; source: CardSource };

/** The passage a card was built from, as stored now, with the card's quote highlighted in it. */
export function CardSourcePanel({ cardId, id, onClose }: { cardId: string; id?: string; onClose: () => void }) {
  const [state, setState] = useState<SourceState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    getCardSource(cardId, controller.signal).then(
      (source) => {
        if (!controller.signal.aborted) setState({ status: 'ready', source });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [cardId]);

  return (
    <div id={id} className="flashcard__source">
      {state.status === 'loading' && <Loading label="Loading the source passage…" />}
      {state.status === 'error' && (
        <ErrorNotice
          title="Could not show the source"
          message={isApiError(state.error) && state.error.status === 404 ? 'This card has no source passage.' : errorMessage(state.error)}
        />
      )}
      {state.status === 'ready' && <SourceView source={state.source} onClose={onClose} />}
    </div>
  );
}

function SourceView({ source, onClose }: { source: CardSource; onClose: () => void }) {
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
      {!highlight && source.quote && (
        <div className="flashcard__missing-quote">
          <p className="meta">The card’s quote is no longer in this passage:</p>
          <blockquote className="passage-text" data-testid="card-quote">
            {source.quote}
          </blockquote>
        </div>
      )}
    </PassagePanel>
  );
}
