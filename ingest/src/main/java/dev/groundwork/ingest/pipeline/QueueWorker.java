package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.pipeline.IngestEvent.JobFinished;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker role ({@code groundwork-ingest work}): {@link IngestProperties#workers()} threads that claim jobs of
 * every roadmap from the durable queue, the same way the app's background workers do, so that any number of worker
 * processes and app instances share one database. It queues nothing: roadmaps are imported elsewhere.
 *
 * <p>One {@link #work} per instance: {@link #stop()} ends it for good. A stop lets every thread finish the job it
 * holds and claim no other; a job left by a worker that died is taken again once its lease runs out. Blocking.
 */
public class QueueWorker {

    private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);

    private final IngestRun run;
    private final JobQueue queue;
    private final IngestProperties properties;
    private final CountDownLatch stopped = new CountDownLatch(1);

    QueueWorker(IngestRun run, JobQueue queue, IngestProperties properties) {
        this.run = run;
        this.queue = queue;
        this.properties = properties;
    }

    /** What a {@link #work} did: the jobs it finished, the chunks it embedded, how long it worked. */
    public record WorkReport(int jobs, int embedded, Duration elapsed) {
    }

    /**
     * Works the queue. Without {@code watch} it returns once no job of any roadmap is queued or running (waiting, like
     * {@code ingest}, for jobs another process holds); with {@code watch} it keeps polling every
     * {@link IngestProperties#pollInterval()} until {@link #stop()} or an interrupt of the calling thread.
     *
     * @throws IllegalStateException when a worker thread failed (the database went away, without {@code watch})
     */
    public WorkReport work(boolean watch, IngestListener listener) {
        long start = System.nanoTime();
        AtomicInteger jobs = new AtomicInteger();
        AtomicInteger embedded = new AtomicInteger();
        StageTimer timer = new StageTimer();
        IngestListener counting = event -> {
            if (event instanceof JobFinished) {
                jobs.incrementAndGet();
            }
            listener.on(event);
        };
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(properties.workers(),
                r -> new Thread(r, "work-" + names.incrementAndGet()));
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 1; i <= properties.workers(); i++) {
                String workerId = run.processId() + "/work-" + i;
                workers.add(pool.submit(() -> {
                    loop(workerId, watch, counting, timer, embedded);
                    return null;
                }));
            }
            awaitAll(workers);
        } finally {
            pool.shutdown();
        }
        return new WorkReport(jobs.get(), embedded.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Ends {@link #work}: each thread finishes its current job and claims no other. Returns at once. */
    public void stop() {
        stopped.countDown();
    }

    private void loop(String workerId, boolean watch, IngestListener listener, StageTimer timer,
            AtomicInteger embedded) throws InterruptedException {
        while (stopped.getCount() > 0) {
            try {
                if (run.next(null, workerId, listener, timer, embedded)) {
                    continue;
                }
                if (!watch && queue.open() == 0) {
                    return;
                }
            } catch (RuntimeException e) {
                if (!watch) {
                    throw e;
                }
                log.warn("Worker {} could not reach the queue, trying again: {}", workerId, e.toString());
            }
            stopped.await(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Waits for every thread; an interrupt is a {@link #stop()}, a failed thread stops the others. */
    private void awaitAll(List<Future<?>> workers) {
        boolean interrupted = false;
        Throwable failure = null;
        for (Future<?> worker : workers) {
            while (true) {
                try {
                    worker.get();
                    break;
                } catch (InterruptedException e) {   // let the jobs in hand finish
                    interrupted = true;
                    stop();
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                    stop();
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new IllegalStateException("ingestion worker failed: " + failure.getMessage(), failure);
        }
    }
}
