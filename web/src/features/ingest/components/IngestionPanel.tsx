import { ErrorNotice, Loading } from '../../../components/ui/Status';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { useIngestion, type IngestionOptions } from '../hooks/useIngestion';
import { IngestionReport } from './IngestionReport';

/** The roadmap page's ingestion section: loads the status and keeps it live until ingestion finishes. */
export function IngestionPanel({ roadmapId, ...options }: { roadmapId: string } & IngestionOptions) {
  const ingestion = useIngestion(roadmapId, options);

  return (
    <section aria-labelledby="ingestion-heading" className="page-section" data-testid="ingestion-panel">
      <h2 id="ingestion-heading">Ingestion</h2>
      {ingestion.status === 'loading' && <Loading label="Loading ingestion status…" />}
      {ingestion.status === 'error' && (
        <ErrorNotice
          title={
            isApiError(ingestion.error) && ingestion.error.status === 404
              ? 'No ingestion status'
              : 'Could not load the ingestion status'
          }
          message={errorMessage(ingestion.error)}
        />
      )}
      {ingestion.status === 'ready' && <IngestionReport status={ingestion.data} following={ingestion.following} />}
    </section>
  );
}
