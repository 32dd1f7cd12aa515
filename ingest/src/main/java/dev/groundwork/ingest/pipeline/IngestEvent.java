package dev.groundwork.ingest.pipeline;

/** Progress of an ingestion run, as it happens. Listeners are called on worker threads. */
public sealed interface IngestEvent {

    /** A worker took a job; {@code url} is the resource URL, or {@code null} for topic texts. */
    record JobStarted(IngestJob job, String url) implements IngestEvent {
    }

    /** One document of a resource was handled: fetched (with chunks), not modified, or failed. */
    record DocumentHandled(String resourceUrl, String url, String state, String reason, int chunks, int embedded)
            implements IngestEvent {
    }

    /** A job ended; its resource's recorded state. */
    record JobFinished(IngestJob job, String url, String state, String reason, int chunks, int embedded)
            implements IngestEvent {
    }
}
