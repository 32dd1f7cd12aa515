package dev.groundwork.api.embedding;

import org.springframework.ai.embedding.EmbeddingModel;

/**
 * An embedding model retrieval can search with, and where its chunk vectors live.
 *
 * @param id         stored with its vectors and in the {@code embedding_model} registry
 * @param dimensions of every vector
 * @param base       its vectors are {@code chunks.embedding}, written at ingestion and always complete
 * @param model      embeds passages ({@link EmbeddingModel#embed(java.util.List)}) and queries
 */
public record RetrievalModel(String id, int dimensions, boolean base, EmbeddingModel model) {

    /** The table of a non-base model's vectors: one per dimension, since an HNSW index has one fixed dimension. */
    public String table() {
        if (base) {
            throw new IllegalStateException("the base model's vectors are chunks.embedding");
        }
        return tableFor(dimensions);
    }

    static String tableFor(int dimensions) {
        return "chunk_vectors_" + dimensions;
    }
}
