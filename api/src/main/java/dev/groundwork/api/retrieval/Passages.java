package dev.groundwork.api.retrieval;

import dev.groundwork.api.Uuids;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads stored chunks by identity rather than by relevance: one chunk, or every chunk of a document or of a topic's
 * own text, in document order — what a card needs to show its passage or to find its quote again after the source
 * changed. With {@link Retriever}, the only class that reads chunks (the card store only asks whether an
 * anchored chunk is still stored). Blocking JDBC: call from the {@code jdbc} scheduler.
 */
@Component
public class Passages {

    private final JdbcClient jdbc;

    Passages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The chunk with this id, if it is still stored. */
    public Optional<RetrievedChunk> chunk(String chunkId) {
        Optional<UUID> id = Uuids.parse(chunkId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(Candidate.select(false) + ", 0 AS similarity, 0 AS rank FROM chunks c WHERE c.id = ?")
                .param(id.get()).query(Candidate::map).optional().map(Candidate::toChunk);
    }

    /** Every chunk of a fetched document, in document order; empty when it has none (or is unknown). */
    public List<RetrievedChunk> ofDocument(String documentId) {
        return owned("document_id", documentId);
    }

    /** Every chunk of a topic's own text, in order. */
    public List<RetrievedChunk> ofTopicText(String topicId) {
        return owned("topic_id", topicId);
    }

    /**
     * The opening chunks of every document of a scope's sources — where a page usually says what its subject is —
     * the pages a roadmap links before the pages crawled below them, at most {@code limit}.
     */
    public List<RetrievedChunk> openings(Scope scope, int perDocument, int limit) {
        Retriever.ScopeFilter filter = Retriever.ScopeFilter.resolve(jdbc, scope);
        if (filter.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(Candidate.select(false) + ", 0 AS similarity, 0 AS rank FROM chunks c"
                        + " JOIN document d ON d.id = c.document_id WHERE c.resource_id IS NOT NULL AND " + filter.sql()
                        + " AND coalesce((c.metadata ->> 'chunk_index')::int, 0) < :per"
                        + " ORDER BY d.depth, coalesce((c.metadata ->> 'chunk_index')::int, 0), d.url, c.id LIMIT :limit")
                .params(filter.values()).param("per", perDocument).param("limit", limit)
                .query(Candidate::map).list().stream().map(Candidate::toChunk).toList();
    }

    /** How many chunks of fetched sources (not of topics' own texts) a scope holds. */
    public int countOfSources(Scope scope) {
        Retriever.ScopeFilter filter = Retriever.ScopeFilter.resolve(jdbc, scope);
        if (filter.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM chunks c WHERE c.resource_id IS NOT NULL AND " + filter.sql())
                .params(filter.values()).query(Integer.class).single();
    }

    private List<RetrievedChunk> owned(String column, String ownerId) {
        Optional<UUID> owner = Uuids.parse(ownerId);
        if (owner.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(Candidate.select(false) + ", 0 AS similarity, 0 AS rank FROM chunks c WHERE c." + column
                        + " = ? ORDER BY coalesce((c.metadata ->> 'chunk_index')::int, 0), c.id")
                .param(owner.get()).query(Candidate::map).list().stream().map(Candidate::toChunk).toList();
    }

}
