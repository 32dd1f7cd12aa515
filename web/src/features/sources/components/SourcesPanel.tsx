import { useId } from 'react';
import { Badge } from '../../../components/ui/Badge';
import { ConfirmAction } from '../../../components/ui/ConfirmAction';
import { errorMessage } from '../../../lib/api-client';
import { useReloadWhile, useResource } from '../../../lib/use-resource';
import { isWebUrl } from '../../../lib/urls';
import { listSources, removeSource } from '../api/sources-api';
import type { TopicSource } from '../api/types';
import { AddSourceForm } from './AddSourceForm';
import { formatDate } from '../../../lib/format';

const STATE_LABELS: Record<string, string> = {
  pending: 'reading…',
  fetched: 'ready',
  not_modified: 'ready',
  failed: 'failed',
};
const KIND_LABELS: Record<string, string> = { link: 'link', file: 'file', text: 'text' };

/**
 * The sources learners added to a topic — shared with everyone who studies it, each with who added it and where its
 * ingestion stands — and the form to add one. While a source is still being read, the list is loaded again every
 * `pollMs`.
 */
export function SourcesPanel({ topicId, pollMs = 3000 }: { topicId: string; pollMs?: number }) {
  const headingId = useId();
  const { resource, reload, update } = useResource((signal) => listSources(topicId, signal));
  const added = resource.status === 'ready' ? resource.value.filter((source) => source.addedBy !== undefined) : [];
  const reading = added.some((source) => source.state === 'pending');

  useReloadWhile(reading, resource, reload, pollMs);

  function onAdded(source: TopicSource) {
    update((sources) => (sources.some((s) => s.id === source.id) ? sources : [...sources, source]));
  }

  return (
    <section className="card page-section sources" aria-labelledby={headingId} data-testid="sources-panel">
      <h2 id={headingId}>Added sources</h2>
      <p className="hint">Links, files and notes learners brought to this topic. Answers, cards and interviews use them.</p>
      {resource.status === 'loading' && <p className="status status--loading" role="status">Loading sources…</p>}
      {resource.status === 'error' && (
        <div className="form-error" role="alert">
          <p>{resource.message}</p>
          <button type="button" className="button button--secondary" onClick={reload}>Try again</button>
        </div>
      )}
      {resource.status === 'ready' && added.length === 0 && (
        <p className="sources__empty" data-testid="sources-empty">No sources added yet.</p>
      )}
      {added.length > 0 && (
        <ul className="resource-list sources__list" data-testid="sources-list">
          {added.map((source) => (
            <SourceItem key={source.id} source={source}
              onRemove={async () => {
                await removeSource(topicId, source.id);
                update((sources) => sources.filter((s) => s.id !== source.id));
              }} />
          ))}
        </ul>
      )}
      <AddSourceForm topicId={topicId} onAdded={onAdded} />
    </section>
  );
}

function SourceItem({ source, onRemove }: { source: TopicSource; onRemove: () => Promise<void> }) {
  const state = STATE_LABELS[source.state] ?? source.state.replace(/_/g, ' ');
  return (
    <li className="resource sources__item" data-testid="source-item">
      {isWebUrl(source.url) ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer">
          {source.title}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : (
        <span className="resource__name">{source.title}</span>
      )}
      <span className="resource__type">{KIND_LABELS[source.kind] ?? source.kind}</span>
      <Badge label={state} tone={`state-${source.state.replace(/_/g, '-')}`} />
      <span className="hint sources__meta">
        added by {source.addedByYou ? 'you' : source.addedBy}
        {source.addedAt && <> on {formatDate(source.addedAt)}</>}
        {source.state === 'failed' && source.reason && <> · {source.reason}</>}
      </span>
      {source.addedByYou && (
        <ConfirmAction label="Remove" question={`Take “${source.title}” off this topic?`} confirmLabel="Remove source"
          onConfirm={onRemove} describeError={errorMessage} testId="remove-source" />
      )}
    </li>
  );
}
