package dev.groundwork.ingest.embed;

import org.springframework.ai.embedding.EmbeddingModel;

/**
 * What ingestion and retrieval must agree on about any {@link EmbeddingModel}: the id stored with its vectors, and
 * how it embeds a query (BGE wants an instruction prefix on queries, never on passages).
 */
public final class EmbeddingModels {

    private EmbeddingModels() {
    }

    /** The id stored with every vector of {@code model}, so vectors of different models are never compared. */
    public static String id(EmbeddingModel model) {
        if (model instanceof LocalEmbeddingModel) {
            return LocalEmbeddingModel.MODEL_ID;
        }
        return model.getClass().getSimpleName() + "-" + model.dimensions();
    }

    /**
     * The text {@code model} embeds for a search query: the query with the model's instruction prefix, if it has one.
     * Embedding it with {@link EmbeddingModel#embed(String)} gives {@link #embedQuery}'s vector.
     */
    public static String queryText(EmbeddingModel model, String query) {
        return model instanceof LocalEmbeddingModel ? LocalEmbeddingModel.QUERY_PREFIX + query : query;
    }

    /** Embeds a search query the way {@code model} expects queries. Blocking, CPU-bound for the local model. */
    public static float[] embedQuery(EmbeddingModel model, String query) {
        if (model instanceof LocalEmbeddingModel local) {
            return local.embedQuery(query);
        }
        return model.embed(query);
    }
}
