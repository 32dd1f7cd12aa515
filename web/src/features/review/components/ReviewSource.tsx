import { useEffect, useState } from 'react';
import { findQuote, PassagePanel } from '../../../components/ui/Passage';
import { ErrorNotice, Loading } from '../../../components/ui/Status';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { sourceLocation } from '../../../lib/format';
import { getCardSource } from '../api/review-api';
import type { CardSource } from '../api/types';

type SourceState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; source: CardSource };

/** The passage the card on screen was built from, with its quote highlighted; Escape or Close closes it. */
export function ReviewSource({ cardId, id, onClose }: { cardId: string; id: string; onClose: () => void }) {
  const [state, setState] = useState<SourceState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
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
    <aside id={id} className="review__source" aria-label="Source passage" data-testid="review-source">
      {state.status === 'loading' && <Loading label="Loading the source passage…" />}
      {state.status === 'error' && (
        <>
          <ErrorNotice
            title="Could not show the source"
            message={isApiError(state.error) && state.error.status === 404 ? 'This card has no source passage.' : errorMessage(state.error)}
          />
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        </>
      )}
      {state.status === 'ready' && (
        <PassagePanel
          heading={state.source.title || 'Untitled source'}
          url={state.source.url}
          location={sourceLocation(state.source)}
          text={state.source.text ?? ''}
          highlight={findQuote(state.source.text ?? '', state.source.quote, state.source.quoteStart, state.source.quoteEnd)}
          closeLabel="Close the source passage"
          onClose={onClose}
        />
      )}
    </aside>
  );
}
