package dev.groundwork.api.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.groundwork.api.security.Learner;
import dev.groundwork.ingest.store.TopicSource;
import java.time.Instant;
import java.util.UUID;

/**
 * A resource as a topic lists it, for the API.
 *
 * @param id         the resource id
 * @param title      the topic's title for it
 * @param kind       {@code link}, {@code video}, {@code file}, {@code text}, or the type a roadmap gives it
 *                   ({@code article}, {@code book}, …)
 * @param url        its URL, if it has one
 * @param fileName   an uploaded file's name
 * @param state      ingestion: {@code pending}, {@code fetched}, {@code not_modified}, {@code failed},
 *                   {@code reference}, {@code not_fetched} (a video)
 * @param reason     why it failed, or was not fetched
 * @param chunks     chunks stored for it
 * @param addedBy    the name of the learner who added it; absent for the roadmap's own resources
 * @param addedByYou whether the current learner added it
 * @param addedAt    when it was added; absent for the roadmap's own resources
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SourceView(UUID id, String title, String kind, String url, String fileName, String state, String reason,
        int chunks, String addedBy, boolean addedByYou, Instant addedAt) {

    static SourceView of(TopicSource s, Learner learner) {
        return new SourceView(s.resourceId(), s.title(), s.kind(), s.url(), s.fileName(), s.state(), s.reason(),
                s.chunks(), s.addedById() == null ? null : s.addedByName(), learner.id().equals(s.addedById()),
                s.addedAt());
    }
}
