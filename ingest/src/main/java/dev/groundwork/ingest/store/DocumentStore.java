package dev.groundwork.ingest.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Fetch outcomes per document and per resource. Blocking JDBC. */
@Repository
public class DocumentStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public DocumentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What is stored about a document of a resource, if it was ever fetched. */
    public Optional<KnownDocument> known(UUID resourceId, String url) {
        return jdbc.sql("""
                SELECT etag, last_modified, content_hash FROM document
                WHERE id = ? AND content_hash IS NOT NULL
                """).param(DocumentIds.of(resourceId, url))
                .query((rs, n) -> new KnownDocument(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /**
     * Records a failed or unchanged fetch. A failure keeps the document's earlier chunks and validators (nothing
     * fetched before is lost because a site is down today); "not modified" only refreshes the state.
     */
    public void record(DocumentOutcome outcome) {
        jdbc.sql("""
                INSERT INTO document (id, resource_id, url, depth, state, reason, http_status, fetched_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, reason = EXCLUDED.reason,
                    http_status = EXCLUDED.http_status, fetched_at = EXCLUDED.fetched_at
                """).params(outcome.documentId(), outcome.resourceId(), outcome.url(), outcome.depth(), outcome.state(),
                        outcome.reason(), outcome.httpStatus(), Timestamp.from(clock.instant()))
                .update();
    }

    /** Writes a fetched document's row; called inside the transaction that replaces its chunks. */
    void upsertFetched(DocumentOutcome d, int chunkCount) {
        jdbc.sql("""
                INSERT INTO document (id, resource_id, url, final_url, depth, media_type, state, reason, http_status,
                                      etag, last_modified, content_hash, title, chunk_count, page_count, fetched_at)
                VALUES (?, ?, ?, ?, ?, ?, 'fetched', NULL, NULL, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET final_url = EXCLUDED.final_url, depth = EXCLUDED.depth,
                    media_type = EXCLUDED.media_type, state = 'fetched', reason = NULL, http_status = NULL,
                    etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified,
                    content_hash = EXCLUDED.content_hash, title = EXCLUDED.title,
                    chunk_count = EXCLUDED.chunk_count, page_count = EXCLUDED.page_count,
                    fetched_at = EXCLUDED.fetched_at
                """).params(d.documentId(), d.resourceId(), d.url(), d.finalUrl(), d.depth(), d.mediaType(), d.etag(),
                        d.lastModified(), d.contentHash(), d.title(), chunkCount, d.pageCount(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Sets the resource's recorded state after all its documents were handled.
     *
     * @param state  {@code fetched}, {@code not_modified} or {@code failed}
     * @param reason why it failed, else {@code null}
     */
    public void finishResource(UUID resourceId, String state, String reason) {
        jdbc.sql("""
                UPDATE resource r SET state = ?, reason = ?, fetched_at = ?,
                    chunk_count = (SELECT coalesce(sum(d.chunk_count), 0) FROM document d WHERE d.resource_id = r.id),
                    page_count = (SELECT sum(d.page_count) FROM document d WHERE d.resource_id = r.id)
                WHERE r.id = ?
                """).params(state, reason, Timestamp.from(clock.instant()), resourceId).update();
    }

    /**
     * The resource's URL — for an uploaded file or pasted text its pseudo-URL ({@link SourceStore#urlOf}) — or empty
     * for a named reference, a video (never fetched) or an unknown id.
     */
    public Optional<String> resourceUrl(UUID resourceId) {
        return jdbc.sql("""
                SELECT coalesce(r.url, CASE WHEN c.resource_id IS NOT NULL THEN ? || r.id END) FROM resource r
                LEFT JOIN resource_content c ON c.resource_id = r.id
                WHERE r.id = ? AND r.type <> 'video' AND (r.url IS NOT NULL OR c.resource_id IS NOT NULL)
                """).params(SourceStore.URL_PREFIX, resourceId).query(String.class).optional();
    }

    /** Chunks stored for a document of a resource. */
    public int chunkCount(UUID resourceId, String url) {
        return jdbc.sql("SELECT chunk_count FROM document WHERE id = ?").param(DocumentIds.of(resourceId, url))
                .query(Integer.class).optional().orElse(0);
    }
}
