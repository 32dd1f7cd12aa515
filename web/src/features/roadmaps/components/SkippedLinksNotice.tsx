import type { SkippedLink } from '../api/types';
import { plural } from './format';

/** The links an import just skipped, as the upload passes them in the navigation state; anything else is none. */
export function skippedLinksOf(state: unknown): SkippedLink[] {
  if (typeof state !== 'object' || state === null) return [];
  const links = (state as { skippedLinks?: unknown }).skippedLinks;
  return Array.isArray(links) ? (links as SkippedLink[]) : [];
}

/**
 * Says which links of the roadmap just imported were kept nowhere (a relative link such as `/guides/…`, an anchor)
 * and why, so that the person can fix the document; nothing when there are none.
 */
export function SkippedLinksNotice({ links }: { links: SkippedLink[] }) {
  if (links.length === 0) return null;
  return (
    <section className="card skipped-links" role="status" aria-labelledby="skipped-links-heading" data-testid="skipped-links">
      <h2 id="skipped-links-heading">{plural(links.length, 'link')} skipped</h2>
      <p className="meta">These links are not web addresses, so they were not kept as resources.</p>
      <ul>
        {links.map((link, index) => (
          <li key={`${link.url}-${index}`}>
            <code>{link.url}</code> “{link.title}”{link.topic && <> in {link.topic}</>}: {link.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
