package dev.groundwork.api.retrieval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded least-recently-used map from (model id, question) to the question's vector. Thread-safe (one lock; a get
 * or put costs well under a microsecond). Stores and returns copies, so a caller that changes its array changes no
 * one else's.
 */
final class QueryVectors {

    private record Key(String modelId, String query) {
    }

    private final int capacity;
    private final Map<Key, float[]> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    QueryVectors(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, float[]> eldest) {
                return size() > QueryVectors.this.capacity;
            }
        };
    }

    /** The cached vector, or {@code null}; counts a hit or a miss. */
    float[] get(String modelId, String query) {
        if (capacity == 0) {
            misses.increment();
            return null;
        }
        float[] vector;
        synchronized (entries) {
            vector = entries.get(new Key(modelId, query));
        }
        (vector == null ? misses : hits).increment();
        return vector == null ? null : vector.clone();
    }

    void put(String modelId, String query, float[] vector) {
        if (capacity == 0) {
            return;
        }
        float[] copy = vector.clone();
        synchronized (entries) {
            entries.put(new Key(modelId, query), copy);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }
}
