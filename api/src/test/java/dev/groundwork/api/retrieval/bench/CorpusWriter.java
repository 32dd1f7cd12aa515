package dev.groundwork.api.retrieval.bench;

import dev.groundwork.api.retrieval.bench.SciFact.Abstract;
import dev.groundwork.ingest.chunk.Chunk;
import dev.groundwork.ingest.chunk.Chunker;
import dev.groundwork.ingest.extract.Block;
import dev.groundwork.ingest.extract.BlockKind;
import dev.groundwork.ingest.extract.ExtractedDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the abstracts into {@code chunks} the way ingestion does: each abstract becomes an extracted document (title
 * as its heading, text as a paragraph), chunked by the project's chunker, its heading line in front of each chunk's
 * text ({@code Chunk.indexedText()}), embedded and stored through the vector
 * store, then stamped with the model id. Chunks carry {@code url = scifact:<abstract id>}. Progress goes to stderr.
 */
final class CorpusWriter {

    static final String URL_PREFIX = "scifact:";
    private static final int DOCS_PER_BATCH = 64;
    private static final int PROGRESS_EVERY = 512;

    private final Chunker chunker;
    private final VectorStore vectors;
    private final JdbcClient jdbc;
    private final String modelId;

    CorpusWriter(Chunker chunker, VectorStore vectors, JdbcClient jdbc, String modelId) {
        this.chunker = chunker;
        this.vectors = vectors;
        this.jdbc = jdbc;
        this.modelId = modelId;
    }

    /** @return chunks written */
    int write(Collection<Abstract> corpus) {
        long start = System.nanoTime();
        List<Document> batch = new ArrayList<>();
        int docs = 0;
        int chunks = 0;
        for (Abstract doc : corpus) {
            batch.addAll(documents(chunker, modelId, doc));
            docs++;
            if (docs % DOCS_PER_BATCH == 0 || docs == corpus.size()) {
                store(batch);
                chunks += batch.size();
                batch.clear();
            }
            if (docs % PROGRESS_EVERY == 0 || docs == corpus.size()) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.err.printf("scifact: %d/%d abstracts, %d chunks, %.0f s (%.1f chunks/s)%n", docs,
                        corpus.size(), chunks, seconds, chunks / seconds);
            }
        }
        return chunks;
    }

    /** An abstract as the documents the vector store gets: its chunks' indexed text and metadata, no vectors yet. */
    static List<Document> documents(Chunker chunker, String modelId, Abstract doc) {
        String url = URL_PREFIX + doc.id();
        ExtractedDocument extracted = ExtractedDocument.of(url, doc.title(), "text/plain", List.of(
                new Block(BlockKind.HEADING, 1, doc.title(), null, 0, 0),
                new Block(BlockKind.PARAGRAPH, 0, doc.text(), null, 0, 0)), 0);
        List<Document> documents = new ArrayList<>();
        for (Chunk chunk : chunker.chunk(extracted)) {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put("url", url);
            metadata.put("title", doc.title());
            metadata.put("heading_path", chunk.headingPath());
            metadata.put("chunk_index", chunk.index());
            metadata.put("tokens", chunk.tokens());
            metadata.put("content_hash", chunk.contentHash());
            metadata.put("passage_offset", chunk.passageOffset());
            metadata.put("model_id", modelId);
            documents.add(Document.builder().id(chunk.id()).text(chunk.indexedText()).metadata(metadata).build());
        }
        return documents;
    }

    private void store(List<Document> batch) {
        if (batch.isEmpty()) {
            return;
        }
        vectors.add(batch);
        jdbc.sql("UPDATE chunks SET model_id = ? WHERE id = ANY (?::uuid[])")
                .params(modelId, batch.stream().map(Document::getId).toArray(String[]::new)).update();
    }
}
