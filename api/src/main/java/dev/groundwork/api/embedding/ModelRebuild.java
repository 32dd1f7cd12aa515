package dev.groundwork.api.embedding;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.groundwork.ingest.pipeline.IngestEvent;
import dev.groundwork.ingest.pipeline.IngestListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every chunk a vector of the configured model when it is not the base one, on one daemon thread
 * ({@code embedding-rebuild}), every {@code rebuild.interval}: while the model is building (the active model keeps
 * serving), and after it became active, for chunks ingested since. A batch of {@code rebuild.batch-size} chunks is
 * embedded in one request and stored in one transaction, so a restart resumes where the vectors end. One process
 * builds at a time: a claim with a lease in the registry, renewed every batch and released on shutdown. The build
 * ends by activating the model, in a transaction that blocks chunk writes ({@code LOCK chunks IN SHARE MODE}) and
 * first checks that no chunk lacks a vector; the retired model's vectors are then deleted (never the base ones).
 * A job of this process's ingestion that embedded chunks triggers a pass at once, so that its chunks do not wait for
 * the interval; chunks stored by other processes are found by the next pass.
 */
final class ModelRebuild implements InitializingBean, DisposableBean, IngestListener {

    private static final Logger log = LoggerFactory.getLogger(ModelRebuild.class);

    private final RetrievalModels models;
    private final ModelRegistry registry;
    private final VectorTables tables;
    private final TransactionTemplate transaction;
    private final EmbeddingModelProperties.Rebuild properties;
    private final String owner;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean woken = new AtomicBoolean();
    private boolean tableReady;

    ModelRebuild(RetrievalModels models, JdbcClient jdbc, TransactionTemplate transaction,
            EmbeddingModelProperties.Rebuild properties, String owner) {
        this.models = models;
        this.registry = new ModelRegistry(jdbc);
        this.tables = new VectorTables(jdbc);
        this.transaction = transaction;
        this.properties = properties;
        this.owner = owner;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedding-rebuild");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void afterPropertiesSet() {
        transaction.executeWithoutResult(status -> registry.reconcile(models.base(), models.configured()));
        String active = registry.active().orElseThrow();
        models.activated(active);
        log.info("Retrieval searches embedding model {}; configured: {}", models.serving().id(),
                models.configured().id());
        if (!models.configured().base()) {
            thread.scheduleWithFixedDelay(this::step, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void on(IngestEvent event) {
        if (event instanceof IngestEvent.JobFinished finished && finished.embedded() > 0
                && !models.configured().base() && woken.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    woken.set(false);
                    step();
                });
            } catch (RejectedExecutionException shuttingDown) {
                woken.set(false);
            }
        }
    }

    /** One pass: fills missing vectors of the configured model, then activates it if it was building. */
    void step() {
        RetrievalModel model = models.configured();
        try {
            boolean building = registry.building().filter(model.id()::equals).isPresent();
            boolean active = registry.active().filter(model.id()::equals).isPresent();
            if (!building && !active || !registry.claim(model.id(), owner, properties.lease())) {
                return;
            }
            if (!tableReady) {
                transaction.executeWithoutResult(status -> tables.ensure(model));
                tableReady = true;
            }
            fill(model, building);
            if (building) {
                finish(model);
            }
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return;     // shutting down
            }
            log.warn("Embedding model {}: vectors not built this time, trying again in {}: {}", model.id(),
                    properties.interval(), e.toString());
        }
    }

    private void fill(RetrievalModel model, boolean building) {
        int stored = 0;
        List<VectorTables.Pending> batch;
        while (!Thread.currentThread().isInterrupted()
                && !(batch = tables.missing(model, properties.batchSize())).isEmpty()) {
            List<float[]> vectors = model.model().embed(batch.stream().map(VectorTables.Pending::content).toList());
            for (float[] vector : vectors) {
                if (vector.length != model.dimensions()) {
                    throw new IllegalStateException("the model returned a " + vector.length
                            + "-dimensional vector, not " + model.dimensions());
                }
            }
            List<VectorTables.Pending> chunks = batch;
            transaction.executeWithoutResult(status -> {
                tables.store(model, chunks, vectors);
                registry.progress(model.id(), tables.count(model), tables.chunks());
            });
            stored += batch.size();
            if (building) {
                log.info("Embedding model {}: {} chunks embedded", model.id(), tables.count(model));
            }
            if (!registry.claim(model.id(), owner, properties.lease())) {
                log.info("Embedding model {}: another process took over the build", model.id());
                return;
            }
        }
        if (!building && stored > 0) {
            log.debug("Embedding model {}: {} new chunks embedded", model.id(), stored);
        }
    }

    private void finish(RetrievalModel model) {
        Optional<ModelRegistry.Entry> retired = transaction.execute(status -> {
            tables.blockChunkWrites();
            if (tables.anyMissing(model)) {
                return null;
            }
            registry.progress(model.id(), tables.count(model), tables.chunks());
            return registry.activate(model.id());
        });
        if (retired == null) {
            return;
        }
        models.activated(model.id());
        log.info("Embedding model {} is complete and now serves retrieval", model.id());
        retired.filter(entry -> !entry.base()).ifPresent(entry -> log.info("Deleted {} vectors of retired model {}",
                tables.delete(entry.id(), entry.dimensions()), entry.id()));
    }

    @Override
    public void destroy() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
        // Only a process configured with another model can hold a claim. Asking for a connection otherwise costs up
        // to the pool's timeout when the database went first (a test database dropped by its own hook: Surefire then
        // killed the JVM)
        if (models.configured().base()) {
            return;
        }
        try {
            registry.release(owner);
        } catch (RuntimeException e) {
            log.debug("Embedding rebuild claim not released: {}", e.toString());
        }
    }
}
