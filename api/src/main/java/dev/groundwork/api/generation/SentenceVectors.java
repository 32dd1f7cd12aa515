package dev.groundwork.api.generation;

import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.ingest.embed.EmbeddingModels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.embedding.EmbeddingModel;

/**
 * The quotable statements of chunks ({@link Candidate}s) with their vectors, read and embedded once per chunk instead
 * of once per question: a least-recently-used cache keyed by everything the embedded texts depend on — the embedding
 * model, the chunk's id and content hash, and its heading path. It holds at most {@code maxVectors} vectors (an empty
 * chunk counts as one); a chunk with more is embedded but not kept. {@code maxVectors} 0 turns it off: then
 * {@link #candidates} only reads statements and embeds nothing.
 *
 * <p>Threading: thread-safe. Lookups and insertions hold a lock briefly; embedding runs outside it, blocking on the
 * caller's thread (the {@code inference} scheduler). Two questions that miss the same chunk at once may both embed
 * it (the model's vectors are the same; the later insertion replaces the earlier).
 */
final class SentenceVectors {

    /** What a chunk's embedded statement texts depend on. */
    record Key(String modelId, String chunkId, String contentHash, List<String> headingPath) {
    }

    private final EmbeddingModel model;
    private final String modelId;
    private final int maxVectors;
    private final LinkedHashMap<Key, List<Candidate>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    SentenceVectors(EmbeddingModel model, int maxVectors) {
        if (maxVectors < 0) {
            throw new IllegalArgumentException("maxVectors must not be negative");
        }
        this.model = model;
        this.modelId = EmbeddingModels.id(model);
        this.maxVectors = maxVectors;
    }

    /** Whether vectors are kept; when not, the caller embeds what it scores itself. */
    boolean enabled() {
        return maxVectors > 0;
    }

    /**
     * The candidates of each chunk, in the order of {@code chunks}. Enabled: each with its vector — cached chunks as
     * they are, the others read and embedded together in one call to the model, then kept. Off: read anew, without
     * vectors. Blocking and CPU-bound when it embeds.
     */
    List<List<Candidate>> candidates(List<RetrievedChunk> chunks) {
        if (!enabled()) {
            return chunks.stream().map(Candidate::of).toList();
        }
        List<Key> keys = chunks.stream().map(this::key).toList();
        Map<Key, List<Candidate>> found = new HashMap<>();
        Map<Key, List<Candidate>> missing = new LinkedHashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            Key key = keys.get(i);
            if (found.containsKey(key) || missing.containsKey(key)) {
                continue;
            }
            List<Candidate> cached = get(key);
            if (cached != null) {
                found.put(key, cached);
            } else {
                missing.put(key, Candidate.of(chunks.get(i)));
            }
        }
        if (!missing.isEmpty()) {
            embed(missing);
            missing.forEach(this::put);
            found.putAll(missing);
        }
        return keys.stream().map(found::get).toList();
    }

    /** Vectors held now. */
    synchronized long vectors() {
        return held;
    }

    /** Chunks held now. */
    synchronized int chunks() {
        return entries.size();
    }

    /** Replaces every entry's candidates by the same with vectors, embedding all texts in one call. */
    private void embed(Map<Key, List<Candidate>> missing) {
        List<String> texts = missing.values().stream().flatMap(List::stream).map(Candidate::embedded).toList();
        Iterator<float[]> vectors = texts.isEmpty() ? List.<float[]>of().iterator() : model.embed(texts).iterator();
        missing.replaceAll((key, candidates) -> {
            List<Candidate> embedded = new ArrayList<>(candidates.size());
            candidates.forEach(candidate -> embedded.add(candidate.withVector(vectors.next())));
            return List.copyOf(embedded);
        });
    }

    private Key key(RetrievedChunk chunk) {
        return new Key(modelId, chunk.id(), chunk.contentHash(), chunk.headingPath());
    }

    private synchronized List<Candidate> get(Key key) {
        return entries.get(key);
    }

    private synchronized void put(Key key, List<Candidate> candidates) {
        long weight = weight(candidates);
        if (weight > maxVectors) {
            return;
        }
        List<Candidate> previous = entries.put(key, candidates);
        held += weight - (previous == null ? 0 : weight(previous));
        Iterator<List<Candidate>> eldest = entries.values().iterator();
        while (held > maxVectors && eldest.hasNext()) {
            held -= weight(eldest.next());
            eldest.remove();
        }
    }

    private static long weight(List<Candidate> candidates) {
        return Math.max(1, candidates.size());
    }
}
