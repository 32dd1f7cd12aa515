package dev.groundwork.api.testing;

import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.pipeline.IngestListener;
import dev.groundwork.ingest.pipeline.QueueWorker;
import dev.groundwork.ingest.testdb.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * An ingest worker in the worker role, as {@code groundwork-ingest work --watch} runs it, inside the test JVM: its
 * own Spring context (the CLI's components, its own connection pool) on {@code db}, embedding with the deterministic
 * hashing model, working the queue on a thread of its own until {@link #close()}.
 */
public final class IngestWorker implements AutoCloseable {

    /** The context of {@code groundwork-ingest}: ingest components, auto-configured JDBC and Flyway. */
    @EnableAutoConfiguration
    @ComponentScan({"dev.groundwork.ingest.store", "dev.groundwork.ingest.pipeline"})
    @Import(HashingEmbeddingConfiguration.class)
    static class WorkerApp {
    }

    private final ConfigurableApplicationContext context;
    private final QueueWorker worker;
    private final ExecutorService thread;
    private final CompletableFuture<QueueWorker.WorkReport> report;

    private IngestWorker(ConfigurableApplicationContext context, String name, IngestListener listener) {
        this.context = context;
        this.worker = context.getBean(QueueWorker.class);
        this.thread = Executors.newSingleThreadExecutor(r -> new Thread(r, name));
        this.report = CompletableFuture.supplyAsync(() -> worker.work(true, listener), thread);
    }

    /** Starts a worker on {@code db}; {@code properties} add to or override the defaults (warnings-only logging). */
    public static IngestWorker start(String name, TestDatabase db, Map<String, Object> properties,
            IngestListener listener) {
        Map<String, Object> all = new HashMap<>();
        all.put("spring.datasource.url", db.jdbcUrl());
        all.put("spring.datasource.username", db.username());
        all.put("spring.datasource.password", db.password());
        all.put("logging.level.root", "WARN");
        all.putAll(properties);
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkerApp.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(args);
        return new IngestWorker(context, name, listener);
    }

    /** Stops the worker (the jobs in hand finish first, waited for at most {@code limit}), then its context. */
    public QueueWorker.WorkReport stop(Duration limit) throws Exception {
        worker.stop();
        try {
            return report.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            thread.shutdownNow();
            context.close();
        }
    }

    @Override
    public void close() throws Exception {
        if (context.isActive()) {
            stop(Duration.ofSeconds(30));
        }
    }
}
