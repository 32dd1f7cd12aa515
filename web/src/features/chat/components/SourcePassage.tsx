import { useEffect, useRef } from 'react';
import { isWebUrl } from '../../../lib/urls';
import type { AnswerSource } from '../api/types';
import { sourceLocation } from './format';

interface SourcePassageProps {
  source: AnswerSource;
  onClose: () => void;
}

/** The passage a citation points to, as plain text, with where it comes from. Takes focus when it opens. */
export function SourcePassage({ source, onClose }: SourcePassageProps) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, [source.n]);

  const location = sourceLocation(source);
  const headingId = `source-${source.chunkId}-${source.n}`;
  return (
    <section
      ref={panel}
      className="source-panel"
      data-testid="source-panel"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="source-panel__header">
        <h4 id={headingId} className="source-panel__title">
          <span className="source-panel__number">[{source.n}]</span> {source.title || 'Untitled source'}
        </h4>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={`Close source ${source.n}`}
          onClick={onClose}
        >
          Close
        </button>
      </header>
      {isWebUrl(source.url) && (
        <p className="source-panel__url">
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {source.url}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
      )}
      {location && <p className="meta source-panel__location">{location}</p>}
      <blockquote className="source-panel__text" data-testid="source-text">
        {source.text || source.snippet}
      </blockquote>
    </section>
  );
}
