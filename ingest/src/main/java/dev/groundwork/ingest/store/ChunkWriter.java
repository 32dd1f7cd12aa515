package dev.groundwork.ingest.store;

import dev.groundwork.ingest.chunk.Chunk;
import dev.groundwork.ingest.chunk.ChunkBlock;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes chunks through Spring AI's {@link VectorStore} (PgVectorStore over the {@code chunks} table), replacing a
 * document's or a topic's chunks atomically: readers see the old set or the new one, never a mix. Chunk ids are
 * deterministic and include the content hash, so a chunk that is already stored is neither embedded nor written
 * again. Blocking: JDBC and embedding inference.
 */
public class ChunkWriter {

    private final VectorStore vectors;
    private final DocumentStore documents;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final String modelId;

    public ChunkWriter(VectorStore vectors, DocumentStore documents, JdbcClient jdbc, TransactionTemplate transaction,
            String modelId) {
        this.vectors = vectors;
        this.documents = documents;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.modelId = modelId;
    }

    /**
     * Stores a fetched document and its chunks, replacing what it had.
     *
     * @return how many chunks were embedded (0 when all were already stored)
     */
    public int replaceDocumentChunks(DocumentOutcome document, List<Chunk> chunks) {
        UUID documentId = document.documentId();
        return transaction.execute(status -> {
            documents.upsertFetched(document, chunks.size());
            int embedded = replace("document_id", documentId, chunks, Map.of(
                    "resource_id", document.resourceId().toString(),
                    "document_id", documentId.toString(),
                    "title", document.title() == null ? document.url() : document.title()));
            jdbc.sql("UPDATE chunks SET resource_id = ?, document_id = ? WHERE document_id IS NULL AND id = ANY (?::uuid[])")
                    .params(document.resourceId(), documentId, ids(documentId, chunks)).update();
            return embedded;
        });
    }

    /**
     * Stores the chunks of a topic's own text (title, concepts, build tasks, interview focus), replacing its old ones.
     *
     * @return how many chunks were embedded
     */
    public int replaceTopicChunks(UUID topicId, String title, List<Chunk> chunks) {
        return transaction.execute(status -> {
            int embedded = replace("topic_id", topicId, chunks,
                    Map.of("topic_id", topicId.toString(), "title", title));
            jdbc.sql("UPDATE chunks SET topic_id = ? WHERE topic_id IS NULL AND id = ANY (?::uuid[])")
                    .params(topicId, ids(topicId, chunks)).update();
            return embedded;
        });
    }

    private int replace(String ownerColumn, UUID owner, List<Chunk> chunks, Map<String, Object> ownerMetadata) {
        String[] keep = ids(owner, chunks);
        jdbc.sql("DELETE FROM chunks WHERE " + ownerColumn + " = ? AND NOT (id = ANY (?::uuid[]))")
                .params(owner, keep).update();
        Set<String> stored = Set.copyOf(jdbc.sql("SELECT id::text FROM chunks WHERE id = ANY (?::uuid[])")
                .param(keep).query(String.class).list());
        List<Document> fresh = chunks.stream()
                .filter(chunk -> !stored.contains(id(owner, chunk)))
                .map(chunk -> document(id(owner, chunk), chunk, ownerMetadata))
                .toList();
        if (!fresh.isEmpty()) {
            vectors.add(fresh);
            jdbc.sql("UPDATE chunks SET model_id = ? WHERE id = ANY (?::uuid[])")
                    .params(modelId, fresh.stream().map(Document::getId).toArray(String[]::new)).update();
        }
        return fresh.size();
    }

    private Document document(String id, Chunk chunk, Map<String, Object> ownerMetadata) {
        Map<String, Object> metadata = new HashMap<>(ownerMetadata);
        metadata.put("url", chunk.sourceUrl());
        metadata.put("chunk_index", chunk.index());
        metadata.put("heading_path", chunk.headingPath());
        metadata.put("start", chunk.start());
        metadata.put("end", chunk.end());
        metadata.put("tokens", chunk.tokens());
        metadata.put("content_hash", chunk.contentHash());
        metadata.put("passage_offset", chunk.passageOffset());
        metadata.put("model_id", modelId);
        metadata.put("blocks", blocks(chunk));
        if (chunk.page() != null) {
            metadata.put("page", chunk.page());
        }
        return Document.builder().id(id).text(chunk.indexedText()).metadata(metadata).build();
    }

    /**
     * The chunk's blocks as metadata {@code blocks}: {@code [{"kind": "list_item", "level": 1, "start": 0, "end": 42,
     * "marks": [{"kind": "strong", "start": 0, "end": 11}]}]}, kinds in lower case, block offsets in the chunk's text
     * (the stored content after {@code passage_offset}), mark offsets in the block's; {@code marks} left out when
     * empty.
     */
    static List<Map<String, Object>> blocks(Chunk chunk) {
        return chunk.blocks().stream().map(ChunkWriter::block).toList();
    }

    private static Map<String, Object> block(ChunkBlock block) {
        Map<String, Object> json = span(block.kind().name(), block.start(), block.end());
        json.put("level", block.level());
        if (!block.marks().isEmpty()) {
            json.put("marks", block.marks().stream()
                    .map(mark -> span(mark.kind().name(), mark.start(), mark.end()))
                    .toList());
        }
        return json;
    }

    private static Map<String, Object> span(String kind, int start, int end) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind.toLowerCase(Locale.ROOT));
        json.put("start", start);
        json.put("end", end);
        return json;
    }

    /**
     * The stored id of a chunk: its deterministic id scoped to its owner (a document or a topic), so that a page two
     * resources both reach is stored under each and deleting one never takes the other's chunks; and to its indexed
     * text, so that a renamed heading re-embeds the passages below it.
     */
    static String id(UUID owner, Chunk chunk) {
        String key = owner + "/" + chunk.id() + "/" + String.join(" › ", chunk.headingPath());
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String[] ids(UUID owner, List<Chunk> chunks) {
        return chunks.stream().map(chunk -> id(owner, chunk)).toArray(String[]::new);
    }
}
