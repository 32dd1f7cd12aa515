package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.pipeline.IngestEvent.JobFinished;
import dev.groundwork.ingest.pipeline.IngestEvent.JobStarted;
import dev.groundwork.ingest.store.DocumentStore;
import dev.groundwork.ingest.store.IngestionQueries;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ingestion: queues a roadmap's jobs and works them off with {@link IngestProperties#workers()} threads until
 * none is open, also waiting for jobs other processes hold. Safe to run in several processes at once.
 */
public class IngestRun {

    private static final Logger log = LoggerFactory.getLogger(IngestRun.class);

    private final JobQueue queue;
    private final ResourceIngestor resources;
    private final TopicIngestor topics;
    private final DocumentStore documents;
    private final IngestionQueries status;
    private final IngestProperties properties;
    private final String processId = ManagementFactory.getRuntimeMXBean().getName() + "#"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));

    IngestRun(JobQueue queue, ResourceIngestor resources, TopicIngestor topics, DocumentStore documents,
            IngestionQueries status, IngestProperties properties) {
        this.queue = queue;
        this.resources = resources;
        this.topics = topics;
        this.documents = documents;
        this.status = status;
        this.properties = properties;
    }

    /** Queues the roadmap's jobs, works them off and reports. Blocks until the roadmap has no open job. */
    public RunReport run(String roadmapId, IngestListener listener) {
        long start = System.nanoTime();
        queue.enqueue(roadmapId);
        StageTimer timer = new StageTimer();
        AtomicInteger embedded = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(properties.workers());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < properties.workers(); i++) {
                String workerId = processId + "/" + i;
                workers.add(pool.submit(() -> drain(roadmapId, workerId, listener, timer, embedded)));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            while (queue.open(roadmapId) > 0) {   // jobs another process holds, or leases of a dead one
                Thread.sleep(properties.pollInterval().toMillis());
                drain(roadmapId, processId + "/0", listener, timer, embedded);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingestion interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("ingestion worker failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new RunReport(status.status(roadmapId).orElseThrow(), embedded.get(), elapsed, timer);
    }

    /** Claims and runs jobs (of one roadmap, or any with {@code null}) until none is claimable. */
    public void drain(String roadmapId, String workerId, IngestListener listener, StageTimer timer,
            AtomicInteger embedded) {
        while (next(roadmapId, workerId, listener, timer, embedded)) {
            // one job per turn
        }
    }

    /**
     * Claims one job (of one roadmap, or any with {@code null}) and runs it.
     *
     * @return {@code false} when no job was claimable
     */
    public boolean next(String roadmapId, String workerId, IngestListener listener, StageTimer timer,
            AtomicInteger embedded) {
        Optional<IngestJob> next = queue.claim(workerId, properties.lease(), roadmapId);
        if (next.isEmpty()) {
            return false;
        }
        IngestJob job = next.get();
        try {
            embedded.addAndGet(work(job, workerId, listener, timer));
            if (!queue.complete(job)) {
                lost(job);
            }
        } catch (RuntimeException e) {
            log.warn("Ingest job {} failed: {}", job.id(), e.toString());
            if (queue.fail(job, e.getClass().getSimpleName() + ": " + e.getMessage()) && job.resourceId() != null) {
                documents.finishResource(job.resourceId(), "failed", "internal error: " + e.getMessage());
            }
        }
        return true;
    }

    /**
     * Extends the job's lease. A job taken over meanwhile (this worker outlived its lease: a document slower than the
     * lease, a pause) goes on: its steps are idempotent, and only the new holder's claim can finish it.
     */
    private void heartbeat(IngestJob job, String workerId) {
        if (!queue.heartbeat(job, workerId, properties.lease())) {
            log.debug("Ingest job {} outlived its lease; another worker may hold it now", job.id());
        }
    }

    private static void lost(IngestJob job) {
        log.warn("Ingest job {} outlived its lease and another worker took it over; its outcome is theirs", job.id());
    }

    /** This process's name in worker ids ({@code locked_by}): the JVM's, plus what tells contexts in it apart. */
    public String processId() {
        return processId;
    }

    private int work(IngestJob job, String workerId, IngestListener listener, StageTimer timer) {
        if (job.kind() == IngestJob.Kind.TOPICS) {
            listener.on(new JobStarted(job, null));
            int[] counts = topics.ingest(job.roadmapId(), () -> heartbeat(job, workerId));
            listener.on(new JobFinished(job, null, "fetched", null, counts[0], counts[1]));
            return counts[1];
        }
        String url = documents.resourceUrl(job.resourceId()).orElse(null);
        if (url == null) {
            return 0;
        }
        listener.on(new JobStarted(job, url));
        if (job.attempts() > properties.maxAttempts()) {
            String reason = "gave up after " + properties.maxAttempts() + " attempts";
            documents.finishResource(job.resourceId(), "failed", reason);
            listener.on(new JobFinished(job, url, "failed", reason, 0, 0));
            return 0;
        }
        ResourceIngestor.Outcome outcome = resources.ingest(job.resourceId(), url, listener, timer,
                () -> heartbeat(job, workerId));
        listener.on(new JobFinished(job, url, outcome.state(), outcome.reason(), outcome.chunks(), outcome.embedded()));
        return outcome.embedded();
    }
}
