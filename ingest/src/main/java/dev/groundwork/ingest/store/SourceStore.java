package dev.groundwork.ingest.store;

import dev.groundwork.ingest.roadmap.ResourceRef;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learner's own sources on a topic. Adding one writes, in one transaction, the resource (shared: a URL another
 * roadmap links, or content uploaded before, is the same resource), its stored content, the topic's link to it with who
 * added it and when, and a queued ingest job for it. A resource without URL — a file or pasted text — is identified by
 * the name-based UUID of its content hash, and its documents and chunks by the pseudo-URL {@link #urlOf}. Roadmap
 * re-imports leave these links alone ({@link RoadmapStore}). Blocking JDBC.
 */
@Repository
public class SourceStore {

    /** Prefix of the pseudo-URL of a resource ingested from stored content. */
    public static final String URL_PREFIX = "groundwork:source/";

    private static final String SELECT = """
            SELECT r.id, tr.title, r.type, r.url, c.file_name, r.state, r.reason, coalesce(r.chunk_count, 0) AS chunks,
                   tr.added_by, l.name AS added_by_name, tr.added_at
            FROM topic_resource tr JOIN resource r ON r.id = tr.resource_id
            LEFT JOIN resource_content c ON c.resource_id = r.id
            LEFT JOIN learner l ON l.id = tr.added_by
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    public SourceStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The pseudo-URL of a resource ingested from stored content: {@code groundwork:source/<id>}. */
    public static String urlOf(UUID resourceId) {
        return URL_PREFIX + resourceId;
    }

    /** Whether the topic exists and is not archived. */
    public boolean topicExists(UUID topicId) {
        return !jdbc.sql("SELECT 1 FROM topic WHERE id = ? AND archived_at IS NULL").param(topicId)
                .query(Integer.class).list().isEmpty();
    }

    /** What {@link #add} did: the source as the topic lists it, and whether the link is new (and a job queued). */
    public record Added(TopicSource source, boolean created) {
    }

    /**
     * Adds the source to the topic for {@code learnerId} and queues its ingestion. A source the topic already lists
     * (the roadmap's link, or one added before) is left as it is and queues nothing. It holds the import lock's shared
     * form for its transaction, so a roadmap import (which holds it exclusively, see {@link RoadmapStore}) waits for the
     * add to commit and then sees the learner's link — it archives the topic rather than deleting it — and an add waits
     * for an import in flight. A share lock on the topic's row alone would not do: a delete that was already waiting on
     * it goes ahead once the add commits, without looking again, and the link goes with the topic.
     *
     * @return empty when the topic is unknown or archived; nothing was written
     */
    @Transactional
    public Optional<Added> add(UUID topicId, NewSource source, UUID learnerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(hashtext('groundwork:roadmap-import'))").query().singleValue();
        Optional<String> roadmap = jdbc.sql("SELECT roadmap_id FROM topic WHERE id = ? AND archived_at IS NULL FOR SHARE")
                .param(topicId).query(String.class).optional();
        if (roadmap.isEmpty()) {
            return Optional.empty();
        }
        String roadmapId = roadmap.get();
        String hash = source.url() == null ? sha256(source.body()) : null;
        UUID resourceId = source.url() != null ? ResourceIds.of(new ResourceRef(source.url(), source.title(), "link"))
                : UUID.nameUUIDFromBytes(("content:" + hash).getBytes(StandardCharsets.UTF_8));
        jdbc.sql("INSERT INTO resource (id, url, title, type, state, reason) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(resourceId, source.url(), source.title(), source.kind(),
                        source.video() ? RoadmapStore.NOT_FETCHED : "pending", source.video() ? RoadmapStore.VIDEO_REASON : null)
                .update();
        if (hash != null) {
            jdbc.sql("""
                    INSERT INTO resource_content (resource_id, media_type, file_name, content_hash, body)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (resource_id) DO NOTHING
                    """).params(resourceId, source.mediaType(), source.fileName(), hash, source.body()).update();
        }
        boolean created = jdbc.sql("""
                INSERT INTO topic_resource (topic_id, resource_id, position, title, added_by, added_at, in_roadmap)
                VALUES (?, ?, (SELECT coalesce(max(position) + 1, 0) FROM topic_resource WHERE topic_id = ?), ?, ?, ?,
                        false)
                ON CONFLICT (topic_id, resource_id) DO NOTHING
                """).params(topicId, resourceId, topicId, source.title(), learnerId, Timestamp.from(clock.instant()))
                .update() == 1;
        if (created && !source.video()) {
            jdbc.sql("INSERT INTO ingest_job (roadmap_id, resource_id, kind) VALUES (?, ?, 'resource') ON CONFLICT DO NOTHING")
                    .params(roadmapId, resourceId).update();
        }
        return Optional.of(new Added(find(topicId, resourceId).orElseThrow(), created));
    }

    /**
     * Takes a source the learner added off the topic: the link goes (or, when the roadmap document lists the resource
     * too, becomes the roadmap's own); the resource and its chunks stay, shared with whatever else links them.
     *
     * @return {@code false} when the topic has no source of that id added by this learner; nothing changed
     */
    @Transactional
    public boolean remove(UUID topicId, UUID resourceId, UUID learnerId) {
        int removed = jdbc.sql("""
                DELETE FROM topic_resource WHERE topic_id = ? AND resource_id = ? AND added_by = ? AND NOT in_roadmap
                """).params(topicId, resourceId, learnerId).update();
        int handedBack = jdbc.sql("""
                UPDATE topic_resource SET added_by = NULL, added_at = NULL
                WHERE topic_id = ? AND resource_id = ? AND added_by = ? AND in_roadmap
                """).params(topicId, resourceId, learnerId).update();
        return removed + handedBack > 0;
    }

    /** Every resource the topic lists: the roadmap's own in their order, then the learners' by when they came. */
    public List<TopicSource> list(UUID topicId) {
        return jdbc.sql(SELECT + " WHERE tr.topic_id = ? ORDER BY tr.added_at NULLS FIRST, tr.position, r.id")
                .param(topicId).query(SourceStore::row).list();
    }

    public Optional<TopicSource> find(UUID topicId, UUID resourceId) {
        return jdbc.sql(SELECT + " WHERE tr.topic_id = ? AND tr.resource_id = ?").params(topicId, resourceId)
                .query(SourceStore::row).optional();
    }

    /** The stored content of a file or pasted text, with the resource's title; empty for any other resource. */
    public Optional<StoredContent> content(UUID resourceId) {
        return jdbc.sql("""
                SELECT r.title, c.media_type, c.body, c.content_hash FROM resource_content c
                JOIN resource r ON r.id = c.resource_id WHERE c.resource_id = ?
                """).param(resourceId)
                .query((rs, n) -> content(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
                .optional();
    }

    private static StoredContent content(String title, String mediaType, byte[] body, String hash) {
        String[] parts = mediaType.split(";");
        Charset charset = null;
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            if (param.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                charset = Charset.forName(param.substring("charset=".length()).trim());
            }
        }
        return new StoredContent(title, parts[0].trim(), charset, body, hash);
    }

    private static TopicSource row(ResultSet rs, int n) throws SQLException {
        Timestamp addedAt = rs.getTimestamp("added_at");
        return new TopicSource(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("type"),
                rs.getString("url"), rs.getString("file_name"), rs.getString("state"), rs.getString("reason"),
                rs.getInt("chunks"), rs.getObject("added_by", UUID.class), rs.getString("added_by_name"),
                addedAt == null ? null : addedAt.toInstant());
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
