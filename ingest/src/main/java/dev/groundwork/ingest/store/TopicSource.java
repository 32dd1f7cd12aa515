package dev.groundwork.ingest.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A resource as one topic lists it, with its ingestion state and, for a learner's own source, who added it.
 *
 * @param resourceId  the resource
 * @param title       the topic's title for it
 * @param kind        {@code link}, {@code file}, {@code text}, or a named reference's type
 * @param url         its URL; {@code null} for a file, pasted text or a named reference
 * @param fileName    an uploaded file's name, else {@code null}
 * @param state       {@code pending}, {@code fetched}, {@code not_modified}, {@code failed} or {@code reference}
 * @param reason      why it failed, else {@code null}
 * @param chunks      chunks stored for it
 * @param addedById   the learner who added it; {@code null} for a link of the roadmap itself
 * @param addedByName that learner's name
 * @param addedAt     when it was added; {@code null} for a link of the roadmap itself
 */
public record TopicSource(UUID resourceId, String title, String kind, String url, String fileName, String state,
        String reason, int chunks, UUID addedById, String addedByName, Instant addedAt) {
}
