import { ResourceView } from '../../../components/ui/ResourceView';
import { formatDateTime } from '../../../lib/format';
import { useReloadWhile, useResource } from '../../../lib/use-resource';
import { getEmbeddingModel } from '../api/admin-api';
import type { EmbeddingModelBuild } from '../api/types';

/** How often the panel reads the status again while a model is being built. */
export const BUILD_POLL_MS = 5000;

/**
 * The embedding model retrieval searches with and, while a newly configured one is built in the background, how many
 * chunks have its vector. The model is chosen in the server's configuration; the switch happens when the build ends.
 */
export function EmbeddingModelPanel({ pollMs = BUILD_POLL_MS }: { pollMs?: number }) {
  const { resource, reload } = useResource(getEmbeddingModel);
  const building = resource.status === 'ready' && resource.value.building !== null;
  useReloadWhile(building, resource, reload, pollMs);
  return (
    <section className="page-section" aria-labelledby="embedding-model-title" data-testid="embedding-model">
      <div className="section-header">
        <h2 id="embedding-model-title">Embedding model</h2>
        <button type="button" className="button button--secondary button--small" onClick={reload}>
          Refresh
        </button>
      </div>
      <ResourceView resource={resource} onRetry={reload} loadingLabel="Loading the embedding model…" errorTitle="Could not load the embedding model">
        {(status) => (
          <>
            <p data-testid="embedding-model-active">
              Retrieval searches with <code>{status.serving}</code>
              {status.serving !== status.active && (
                <>
                  {' '}
                  (the active model is <code>{status.active}</code>, which this server is not configured for)
                </>
              )}
              .
            </p>
            {status.building ? (
              <BuildProgress build={status.building} />
            ) : (
              <p className="hint">To switch, configure another model and restart: its vectors are built in the background while this one keeps serving.</p>
            )}
          </>
        )}
      </ResourceView>
    </section>
  );
}

function BuildProgress({ build }: { build: EmbeddingModelBuild }) {
  const percent = build.total === 0 ? 0 : Math.floor((100 * build.done) / build.total);
  return (
    <div data-testid="embedding-model-build">
      <p>
        Building <code>{build.model}</code> ({build.dimensions} dimensions) since {formatDateTime(build.startedAt)}: {build.done} of{' '}
        {build.total} chunks. Retrieval moves to it once every chunk has its vector.
      </p>
      <div
        className="ingestion__progress"
        role="progressbar"
        aria-label="Chunks embedded by the new model"
        aria-valuemin={0}
        aria-valuemax={build.total}
        aria-valuenow={build.done}
        aria-valuetext={`${build.done} of ${build.total} chunks (${percent}%)`}
      >
        <div className="ingestion__progress-bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
