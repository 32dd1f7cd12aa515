package dev.groundwork.api.embedding;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The base model (the {@code EmbeddingModel} bean, vectors in {@code chunks.embedding}), the configured one, and which
 * of them retrieval uses now: the configured model once the registry says it is active, the base model until then — or
 * whenever the active model is one this instance cannot embed with, since the base vectors are always complete.
 * Thread-safe; {@link #serving()} may read the registry (JDBC), at most once per {@code rebuild.interval}.
 */
public final class RetrievalModels {

    private final RetrievalModel base;
    private final RetrievalModel configured;
    private final Supplier<String> registryActive;
    private final long refreshNanos;
    private volatile String active;
    private volatile long readAt;

    /** @param registryActive reads the registry's active model id (blocking) */
    RetrievalModels(RetrievalModel base, RetrievalModel configured, Supplier<String> registryActive,
            Duration refresh) {
        this.base = base;
        this.configured = configured;
        this.registryActive = registryActive;
        this.refreshNanos = refresh.toNanos();
    }

    public RetrievalModel base() {
        return base;
    }

    public RetrievalModel configured() {
        return configured;
    }

    /** The model queries are embedded with and chunks searched in. Blocking (a registry read now and then). */
    public RetrievalModel serving() {
        if (configured.base()) {
            return base;
        }
        long now = System.nanoTime();
        if (active == null || now - readAt > refreshNanos) {
            active = registryActive.get();
            readAt = now;
        }
        return configured.id().equals(active) ? configured : base;
    }

    /** The registry's active model changed in this process. */
    void activated(String id) {
        active = id;
        readAt = System.nanoTime();
    }
}
