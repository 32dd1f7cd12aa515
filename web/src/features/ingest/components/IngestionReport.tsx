import type { IngestionStatus, ResourceStatus } from '../api/types';
import type { Following } from '../hooks/useIngestion';
import { isWebUrl } from '../../../lib/urls';
import { plural } from './format';
import { StateBadge } from './StateBadge';

/** States shown in the counts, in this order; other states the server may add are appended. */
const COUNTED_STATES = ['fetched', 'not_modified', 'failed', 'pending', 'not_fetched', 'reference'];
/** States of a URL resource whose fetch is over, for better or worse. */
const SETTLED_STATES = ['fetched', 'not_modified', 'failed'];
/** States of resources that are never fetched: named references, and videos (`not_fetched`). */
const UNFETCHED_STATES = ['reference', 'not_fetched'];

/** Resources fetched for the roadmap so far and how many of them are settled; never-fetched ones count in neither. */
export function progressOf(status: IngestionStatus): { done: number; total: number } {
  const count = (state: string) => status.resources[state] ?? 0;
  const total = Object.keys(status.resources)
    .filter((state) => !UNFETCHED_STATES.includes(state))
    .reduce((sum, state) => sum + count(state), 0);
  const done = SETTLED_STATES.reduce((sum, state) => sum + count(state), 0);
  return { done: Math.min(done, total), total };
}

/** Where ingestion of a roadmap stands: progress, counts by state, chunks, and every resource's state. */
export function IngestionReport({ status, following = null }: { status: IngestionStatus; following?: Following }) {
  const { done, total } = progressOf(status);
  const percent = total === 0 ? (status.finished ? 100 : 0) : Math.round((done / total) * 100);
  const states = [
    ...COUNTED_STATES,
    ...Object.keys(status.resources).filter((state) => !COUNTED_STATES.includes(state)),
  ];
  const fetchable = status.items.filter((item) => item.state !== 'reference');
  const references = status.items.filter((item) => item.state === 'reference');
  const running = status.jobs.running ?? 0;
  const queued = status.jobs.queued ?? 0;

  return (
    <div className="ingestion">
      <div className="ingestion__summary">
        <span
          className={`badge ingestion__state ingestion__state--${status.finished ? 'finished' : 'running'}`}
          data-testid="ingestion-state"
          aria-live="polite"
        >
          {status.finished ? 'finished' : 'in progress'}
        </span>
        <span>
          {done} of {plural(total, 'web resource')} done
        </span>
        {!status.finished && (
          <span className="muted">
            {running} running · {queued} queued
            {following === 'stream' && ' · live'}
            {following === 'polling' && ' · checking every few seconds'}
          </span>
        )}
      </div>

      <div
        className="ingestion__progress"
        role="progressbar"
        aria-label="Resources ingested"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} resources (${percent}%)`}
        data-testid="ingestion-progress"
      >
        <div className="ingestion__progress-bar" style={{ width: `${percent}%` }} />
      </div>

      <ul className="ingestion__counts" aria-label="Resources by state">
        {states.map((state) => (
          <li key={state} className="ingestion__count" data-testid="ingestion-count" data-state={state}>
            <StateBadge state={state} />
            <span className="ingestion__count-value">{status.resources[state] ?? 0}</span>
          </li>
        ))}
      </ul>
      <p className="meta" data-testid="ingestion-chunks">
        {plural(status.chunks, 'chunk')} from resources · {plural(status.topicChunks, 'chunk')} from topic texts
      </p>

      {status.items.length === 0 ? (
        <p className="muted">This roadmap links no resources.</p>
      ) : (
        <>
          {fetchable.length > 0 && <ResourceTable items={fetchable} />}
          {references.length > 0 && (
            <>
              <h3 className="ingestion__subheading">Named references</h3>
              <ul className="ingestion__references">
                {references.map((item, index) => (
                  <li key={`${item.title}-${index}`} data-testid="resource-row" data-state={item.state}>
                    <span className="resource__name">{item.title}</span>{' '}
                    <span className="muted">not fetched ({item.type})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}

function ResourceTable({ items }: { items: ResourceStatus[] }) {
  return (
    <div className="ingestion__table-wrap" tabIndex={0} role="region" aria-label="Resources">
      <table className="ingestion-table">
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col">State</th>
            <th scope="col">Reason</th>
            <th scope="col" className="num">
              Chunks
            </th>
            <th scope="col" className="num">
              Pages
            </th>
            <th scope="col" className="num">
              Documents
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={`${item.url ?? item.title}-${index}`} data-testid="resource-row" data-state={item.state}>
              <td>
                {isWebUrl(item.url) ? (
                  <a href={item.url} target="_blank" rel="noopener noreferrer" title={item.url}>
                    {item.title || item.url}
                    <span className="visually-hidden"> (opens in a new tab)</span>
                  </a>
                ) : (
                  <span className="resource__name" title={item.url ?? undefined}>
                    {item.title || item.url}
                  </span>
                )}
                {item.type !== 'link' && <span className="resource__type">{item.type}</span>}
              </td>
              <td>
                <StateBadge state={item.state} />
              </td>
              <td className="ingestion-table__reason">{item.reason ?? ''}</td>
              <td className="num">{item.chunks}</td>
              <td className="num">{item.pages ?? '—'}</td>
              <td className="num">
                {item.documents}
                {item.failedDocuments > 0 && (
                  <span className="ingestion-table__failed" title={`${item.failedDocuments} failed`}>
                    {' '}
                    ({item.failedDocuments} failed)
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
