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

    /** Embeds a search query the way {@code model} expects queries. Blocking, CPU-bound for the local model. */
    public static float[] embedQuery(EmbeddingModel model, String query) {
        if (model instanceof LocalEmbeddingModel local) {
            return local.embedQuery(query);
        }
        return model.embed(query);
    }
}
