import type { ResourceRef } from '../api/types';
import { isWebUrl } from '../../../lib/urls';

/**
 * Resources with a web URL open in a new tab; named references (a book, a course) are plain text with their type.
 * A kind other than `link` (article, official, book, …) shows as a tag; a video gets a play mark and says so to
 * screen readers: it is watched on its site, never fetched.
 */
export function ResourceList({ resources }: { resources: ResourceRef[] }) {
  return (
    <ul className="resource-list">
      {resources.map((resource, index) => {
        const video = resource.type === 'video';
        return (
          <li key={`${resource.url ?? resource.title}-${index}`} className="resource" data-kind={resource.type}>
            {isWebUrl(resource.url) ? (
              <a href={resource.url} target="_blank" rel="noopener noreferrer">
                {resource.title}
                <span className="visually-hidden">{video ? ' (video, opens in a new tab)' : ' (opens in a new tab)'}</span>
              </a>
            ) : (
              <span className="resource__name">{resource.title}</span>
            )}
            {(resource.type !== 'link' || !isWebUrl(resource.url)) && (
              <span className={`resource__type${video ? ' resource__type--video' : ''}`} data-testid="resource-kind">
                {video && <span aria-hidden="true">▶ </span>}
                {resource.type}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
