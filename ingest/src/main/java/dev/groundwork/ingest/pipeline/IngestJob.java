package dev.groundwork.ingest.pipeline;

import java.util.UUID;

/**
 * One durable unit of ingestion work, claimed by one worker at a time.
 *
 * @param id         the job's id
 * @param roadmapId  the roadmap it was queued for
 * @param resourceId the resource to fetch for {@link Kind#RESOURCE}, {@code null} for {@link Kind#TOPICS}
 * @param kind       what to do
 * @param attempts   how often it has been claimed, this claim included
 */
public record IngestJob(long id, String roadmapId, UUID resourceId, Kind kind, int attempts) {

    public enum Kind {
        /** Fetch, extract, chunk and embed one linked resource (and, for a docs root, its crawl). */
        RESOURCE,
        /** Chunk and embed the roadmap's own topic texts. */
        TOPICS;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
