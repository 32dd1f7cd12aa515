import { ResourceView } from '../../../components/ui/ResourceView';
import { EmptyState } from '../../../components/ui/Status';
import { formatDateTime } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { listAudit } from '../api/admin-api';

const LIMIT = 100;

/** The latest sign-ins, failed sign-ins, token use and admin actions, newest first. */
export function AuditLog() {
  const { resource, reload } = useResource((signal) => listAudit(LIMIT, signal));
  return (
    <section className="page-section" aria-labelledby="audit-title">
      <div className="section-header">
        <h2 id="audit-title">Audit log</h2>
        <button type="button" className="button button--secondary button--small" onClick={reload}>
          Refresh
        </button>
      </div>
      <p className="hint">The latest {LIMIT} events.</p>
      <ResourceView resource={resource} onRetry={reload} loadingLabel="Loading the audit log…" errorTitle="Could not load the audit log">
        {(events) =>
          events.length === 0 ? (
            <EmptyState title="Nothing recorded yet" />
          ) : (
            <div className="table-wrap">
              <table className="data-table data-table--compact" data-testid="audit-table">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Action</th>
                    <th scope="col">Who</th>
                    <th scope="col">Subject</th>
                    <th scope="col">Client</th>
                    <th scope="col">Detail</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((event, index) => (
                    <tr key={`${event.at}-${index}`} data-testid="audit-row">
                      <td className="data-table__nowrap">{formatDateTime(event.at)}</td>
                      <td>
                        <code>{event.action}</code>
                      </td>
                      <td>{event.actorName ?? event.actorId ?? '—'}</td>
                      <td>{event.subject ?? '—'}</td>
                      <td>{event.client ?? '—'}</td>
                      <td>{describeDetail(event.detail)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceView>
    </section>
  );
}

/** `method: password, created: false`: the recorded detail as short text (an empty object reads as nothing). */
export function describeDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}
