import { isWebUrl } from '../../../lib/urls';
import type { Anchor } from '../api/types';
import { sourceLocation } from './format';

/**
 * The passage a rubric point rests on: a chip naming its source (a link to the page when it is a web URL) with where
 * in the document it is, and the quoted sentence under it — left out when it only repeats the point it anchors.
 */
export function AnchorChip({ anchor, point }: { anchor: Anchor; point?: string }) {
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  const repeats = point !== undefined && anchor.quote !== undefined && anchor.quote !== null && flat(anchor.quote) === flat(point);
  const title = anchor.title || 'Untitled source';
  const location = sourceLocation(anchor);
  const label = `Source: ${title}${location ? `, ${location}` : ''}`;
  return (
    <div className="anchor" data-testid="anchor">
      {isWebUrl(anchor.url) ? (
        <a className="anchor__chip" href={anchor.url} target="_blank" rel="noopener noreferrer" title={label}>
          <span className="anchor__title">{title}</span>
          {location && <span className="anchor__location"> · {location}</span>}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : (
        <span className="anchor__chip" title={label}>
          <span className="anchor__title">{title}</span>
          {location && <span className="anchor__location"> · {location}</span>}
        </span>
      )}
      {anchor.quote && !repeats && <blockquote className="anchor__quote">{anchor.quote}</blockquote>}
    </div>
  );
}
