package dev.groundwork.ingest.embed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResponseMetadata;

/**
 * Deterministic stand-in for {@link LocalEmbeddingModel} in fast unit tests: a {@value #DIMENSIONS}-dimensional
 * hashed bag of lower-cased words (letters and digits), L2-normalised. Texts sharing words are closer than texts that
 * share none, so retrieval ranking in tests behaves plausibly, without loading ONNX. The empty text (no words) maps to
 * the first unit vector. Thread-safe and stateless. Not a semantic model: synonyms are unrelated.
 */
public class HashingEmbeddingModel implements EmbeddingModel {

    public static final String MODEL_ID = "hashing-bow-384";
    public static final int DIMENSIONS = LocalEmbeddingModel.DIMENSIONS;

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        List<Embedding> embeddings = new ArrayList<>();
        for (String text : request.getInstructions()) {
            embeddings.add(new Embedding(vector(text), embeddings.size()));
        }
        return new EmbeddingResponse(embeddings, new EmbeddingResponseMetadata(MODEL_ID, null));
    }

    @Override
    public float[] embed(String text) {
        return vector(text);
    }

    @Override
    public float[] embed(Document document) {
        return vector(getEmbeddingContent(document));
    }

    /** Mirrors {@link LocalEmbeddingModel#embedQuery(String)}: the same prefix, so code under test stays honest. */
    public float[] embedQuery(String query) {
        return vector(LocalEmbeddingModel.QUERY_PREFIX + query);
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    static float[] vector(String text) {
        float[] vector = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            int hash = fnv1a(word);
            vector[Math.floorMod(hash, DIMENSIONS)] += (hash & 0x8000_0000) == 0 ? 1f : -1f;
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            vector[0] = 1f;
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    private static int fnv1a(String word) {
        int hash = 0x811C9DC5;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x01000193;
        }
        return hash;
    }
}
