import { useState } from 'react';
import { CitedMarkdown } from '../../../components/ui/CitedMarkdown';
import { isWebUrl } from '../../../lib/urls';
import type { Citation } from '../api/types';
import { sourceLocation } from './format';

/**
 * The reference answer as sanitised Markdown whose `[n]` markers are chips once their citation arrived; a chip shows
 * the cited source (title, link, heading path, page) under the answer.
 */
export function ReferenceAnswer({ text, citations }: { text: string; citations: readonly Citation[] }) {
  const [open, setOpen] = useState<number | null>(null);
  const opened = citations.find((citation) => citation.n === open);
  return (
    <>
      <CitedMarkdown text={text} sources={citations} onCite={(n) => setOpen((current) => (current === n ? null : n))} />
      {opened && (
        <p className="reference__citation" data-testid="reference-citation" role="status">
          <span className="source-panel__number">[{opened.n}]</span>{' '}
          {isWebUrl(opened.url) ? (
            <a href={opened.url} target="_blank" rel="noopener noreferrer">
              {opened.title || 'Untitled source'}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : (
            <strong>{opened.title || 'Untitled source'}</strong>
          )}
          {sourceLocation(opened) && <span className="meta"> · {sourceLocation(opened)}</span>}
          <button type="button" className="button button--secondary button--small reference__close" onClick={() => setOpen(null)}>
            Close
          </button>
        </p>
      )}
    </>
  );
}
