package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.store.IngestionStatus;
import java.time.Duration;

/**
 * The end of an ingestion run: where the roadmap stands, how many chunks this run embedded (0 for a re-run over
 * unchanged sources), the time it took and the time per stage.
 */
public record RunReport(IngestionStatus status, int embedded, Duration elapsed, StageTimer stages) {
}
