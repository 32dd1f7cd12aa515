import { isWebUrl } from '../../../lib/urls';
import type { AnswerSource } from '../api/types';

/** A source's title, linking to its page when it has a web URL (a topic's own text has none). */
export function SourceTitle({ source }: { source: Pick<AnswerSource, 'title' | 'url'> }) {
  const title = source.title || 'Untitled source';
  if (!isWebUrl(source.url)) return <span className="source-title">{title}</span>;
  return (
    <a className="source-title" href={source.url} target="_blank" rel="noopener noreferrer">
      {title}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
