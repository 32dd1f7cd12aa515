package dev.groundwork.api.ingestion;

import dev.groundwork.ingest.pipeline.IngestListener;
import dev.groundwork.ingest.pipeline.IngestProperties;
import dev.groundwork.ingest.pipeline.IngestRun;
import dev.groundwork.ingest.pipeline.StageTimer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The app's ingestion workers: {@link IngestProperties#workers()} threads that claim jobs of any roadmap from the
 * durable queue. Woken when a roadmap is imported, and every few poll intervals anyway, so jobs left by a process
 * that died are picked up once their lease runs out. Plain blocking threads, never the event loop. The
 * {@link IngestListener} beans of the context hear what they do.
 */
class BackgroundIngestion implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundIngestion.class);

    private final IngestRun run;
    private final IngestProperties properties;
    private final ScheduledExecutorService workers;
    private final Semaphore idle;
    private final IngestListener listener;
    private final AtomicInteger next = new AtomicInteger();

    BackgroundIngestion(IngestRun run, IngestProperties properties, IngestListener listener) {
        this.run = run;
        this.listener = listener;
        this.properties = properties;
        this.workers = Executors.newScheduledThreadPool(properties.workers(), r -> {
            Thread thread = new Thread(r, "ingest-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.idle = new Semaphore(properties.workers());
    }

    @Override
    public void afterPropertiesSet() {
        long every = Math.max(1000, properties.pollInterval().toMillis() * 5);
        workers.scheduleWithFixedDelay(this::wake, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Sets idle workers to drain the queue; returns at once. */
    void wake() {
        while (idle.tryAcquire()) {
            try {
                workers.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                idle.release();
                return;
            }
        }
    }

    private void drain() {
        try {
            run.drain(null, run.processId() + "/" + Thread.currentThread().getName(), listener, new StageTimer(),
                    new AtomicInteger());
        } catch (RuntimeException e) {
            log.warn("Ingestion worker stopped: {}", e.toString());
        } finally {
            idle.release();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
