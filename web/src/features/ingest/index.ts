/** Ingest feature: a roadmap's live ingestion progress and each resource's state. */
export { IngestionPanel } from './components/IngestionPanel';
