package dev.groundwork.ingest.pipeline;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Wall time spent per pipeline stage, summed over all workers. Thread-safe. */
public final class StageTimer {

    public enum Stage { FETCH, EXTRACT, CHUNK, EMBED, STORE }

    private final Map<Stage, AtomicLong> nanos = new EnumMap<>(Stage.class);

    public StageTimer() {
        for (Stage stage : Stage.values()) {
            nanos.put(stage, new AtomicLong());
        }
    }

    <T> T time(Stage stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.get(stage).addAndGet(System.nanoTime() - start);
        }
    }

    void add(Stage stage, long elapsedNanos) {
        nanos.get(stage).addAndGet(elapsedNanos);
    }

    public double seconds(Stage stage) {
        return nanos.get(stage).get() / 1e9;
    }
}
