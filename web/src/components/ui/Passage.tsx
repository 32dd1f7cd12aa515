import { useEffect, useId, useRef, type ReactNode } from 'react';
import { isWebUrl } from '../../lib/urls';

/** A span of characters in a text, `end` exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Where `quote` stands in `text`: the given offsets when they are a span inside the text, else the quote's first
 * occurrence (offsets may be relative to a longer document), else null.
 */
export function findQuote(
  text: string,
  quote: string | null | undefined,
  start?: number | null,
  end?: number | null,
): TextSpan | null {
  if (start != null && end != null && start >= 0 && end > start && end <= text.length) {
    if (!quote || text.slice(start, end) === quote) return { start, end };
  }
  if (!quote) return null;
  const found = text.indexOf(quote);
  return found < 0 ? null : { start: found, end: found + quote.length };
}

/** A passage as plain text (never HTML), with `highlight` marked. */
export function PassageText({ text, highlight, className = '' }: { text: string; highlight?: TextSpan | null; className?: string }) {
  const span = highlight && highlight.start >= 0 && highlight.end <= text.length && highlight.end > highlight.start ? highlight : null;
  return (
    <blockquote className={`passage-text ${className}`.trim()} data-testid="source-text">
      {span ? (
        <>
          {text.slice(0, span.start)}
          <mark className="passage-text__quote" data-testid="source-quote">
            {text.slice(span.start, span.end)}
          </mark>
          {text.slice(span.end)}
        </>
      ) : (
        text
      )}
    </blockquote>
  );
}

interface PassagePanelProps {
  /** The heading's content, e.g. the source's number and title. */
  heading: ReactNode;
  /** Linked when it is a web URL; anything else (a topic's own text) is not shown. */
  url?: string | null;
  /** "Overview › Features · p. 12"; left out when empty. */
  location?: string;
  text: string;
  highlight?: TextSpan | null;
  /** The close button's accessible name, e.g. "Close source 2". */
  closeLabel: string;
  onClose: () => void;
  /** Shown after the passage. */
  children?: ReactNode;
}

/**
 * A source passage with where it comes from, as plain text. Takes focus when it opens (give it a new `key` to open
 * another passage); Escape or the Close button closes it.
 */
export function PassagePanel({ heading, url, location, text, highlight, closeLabel, onClose, children }: PassagePanelProps) {
  const panel = useRef<HTMLElement>(null);
  const headingId = useId();
  useEffect(() => {
    panel.current?.focus();
  }, []);

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
          {heading}
        </h4>
        <button type="button" className="button button--secondary button--small" aria-label={closeLabel} onClick={onClose}>
          Close
        </button>
      </header>
      {isWebUrl(url) && (
        <p className="source-panel__url">
          <a href={url} target="_blank" rel="noopener noreferrer">
            {url}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
      )}
      {location && <p className="meta source-panel__location">{location}</p>}
      <PassageText text={text} highlight={highlight} className="source-panel__text" />
      {children}
    </section>
  );
}
