import type { ResourceRef } from '../api/types';
import { isWebUrl } from '../../../lib/urls';

/** Resources with a web URL open in a new tab; named references (a book, a course) are plain text with their type. */
export function ResourceList({ resources }: { resources: ResourceRef[] }) {
  return (
    <ul className="resource-list">
      {resources.map((resource, index) => (
        <li key={`${resource.url ?? resource.title}-${index}`} className="resource">
          {isWebUrl(resource.url) ? (
            <a href={resource.url} target="_blank" rel="noopener noreferrer">
              {resource.title}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : (
            <span className="resource__name">{resource.title}</span>
          )}
          {(resource.type !== 'link' || !isWebUrl(resource.url)) && (
            <span className="resource__type">{resource.type}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
