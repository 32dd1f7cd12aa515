import { ErrorNotice } from '../../../components/ui/Status';
import { formatDuration } from '../../../lib/format';
import type { Generation } from '../hooks/generation';
import { summariseSkips } from '../hooks/generation';

/**
 * How the current run is going: a live "N added · M skipped" count (announced politely), the skips by reason with
 * each candidate's detail, notices such as the offline fallback, and how the run ended.
 */
export function GenerationProgress({ generation }: { generation: Generation }) {
  const { status, accepted, skipped, notices, done, error } = generation;
  const streaming = status === 'streaming';
  return (
    // the live region stays in the page while idle, so its first change is announced too
    <div
      className={`generation${status === 'idle' ? ' generation--idle' : ''}`}
      data-testid="generation-progress"
      data-state={status}
      data-accepted={accepted}
      data-skipped={skipped.length}
    >
      <p className="generation__count" role="status" aria-live="polite" data-testid="generation-count">
        {streaming && <span className="spinner" aria-hidden="true" />}
        {status !== 'idle' && (
          <span>
            {statusWord(status)}
            {accepted} added · {skipped.length} skipped
          </span>
        )}
      </p>
      {notices.map((notice, index) => (
        <p key={index} className="generation__notice" data-kind={notice.kind} data-testid="generation-notice">
          {notice.message}
        </p>
      ))}
      {skipped.length > 0 && (
        <details className="generation__skipped" data-testid="generation-skipped">
          <summary>Skipped: {summariseSkips(skipped)}</summary>
          <ul>
            {skipped.map((skip, index) => (
              <li key={index}>
                {skip.front && <span className="generation__skipped-front">{skip.front}</span>}
                {skip.front && skip.detail && ' — '}
                {skip.detail}
              </li>
            ))}
          </ul>
        </details>
      )}
      {done && (
        <p className="meta" data-testid="generation-done" data-mode={done.mode}>
          {done.mode === 'extractive'
            ? 'Offline mode: built from your sources without a language model'
            : `Written by ${done.model ?? 'the model'}`}
          {typeof done.durationMs === 'number' && <> · {formatDuration(done.durationMs)}</>}.
          {accepted === 0 && skipped.length > 0 && ' Every candidate was skipped; the topic’s sources may already be covered.'}
        </p>
      )}
      {status === 'stopped' && <p className="meta">Stopped. The cards stored so far stay.</p>}
      {error && <ErrorNotice title={error.title} message={error.message} />}
    </div>
  );
}

function statusWord(status: Generation['status']): string {
  switch (status) {
    case 'streaming':
      return 'Generating: ';
    case 'done':
      return 'Done: ';
    case 'stopped':
      return 'Stopped: ';
    case 'failed':
      return 'Failed: ';
    default:
      return '';
  }
}
