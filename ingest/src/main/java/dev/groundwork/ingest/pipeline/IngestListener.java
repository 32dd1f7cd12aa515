package dev.groundwork.ingest.pipeline;

/** Receives {@link IngestEvent}s. Must be thread-safe and quick: it runs on ingestion workers. */
@FunctionalInterface
public interface IngestListener {

    IngestListener NONE = event -> {
    };

    void on(IngestEvent event);
}
