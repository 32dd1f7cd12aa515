package dev.groundwork.ingest.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable ingestion jobs in PostgreSQL. Workers claim with {@code FOR UPDATE SKIP LOCKED}, so any number of
 * them, in any number of processes, share one queue without taking the same job twice. A claim is a lease:
 * a worker that dies (even {@code kill -9}) leaves its job {@code running} with a lease that runs out, after
 * which the job is claimed again. Steps are idempotent, so a retried job redoes nothing that was finished.
 */
@Component
public class JobQueue {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public JobQueue(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Queues a job per web resource or stored content (an upload, pasted text) the roadmap's topics list — none for
     * videos, which are not fetched — and one for its topic texts; a target that already has a queued job is not
     * queued twice. One whose job is running gets another, run after it: the running job may have read the roadmap
     * before the change that queues this.
     *
     * @return how many jobs were queued
     */
    public int enqueue(String roadmapId) {
        int resources = jdbc.sql("""
                INSERT INTO ingest_job (roadmap_id, resource_id, kind)
                SELECT DISTINCT t.roadmap_id, r.id, 'resource'
                FROM topic t JOIN topic_resource tr ON tr.topic_id = t.id JOIN resource r ON r.id = tr.resource_id
                WHERE t.roadmap_id = ? AND r.type <> 'video'
                  AND (r.url IS NOT NULL OR EXISTS (SELECT 1 FROM resource_content c WHERE c.resource_id = r.id))
                ON CONFLICT DO NOTHING
                """).param(roadmapId).update();
        int topics = jdbc.sql("""
                INSERT INTO ingest_job (roadmap_id, kind) VALUES (?, 'topics') ON CONFLICT DO NOTHING
                """).param(roadmapId).update();
        return resources + topics;
    }

    /**
     * Claims the oldest claimable job: queued, or running with an expired lease. A target is worked by one job at a
     * time: a resource (two roadmaps that link one URL each queue a job for it) or a roadmap's topic texts (a
     * re-import queues another while one runs). The later job waits until the earlier is no longer running; it then
     * finds unchanged pages and topics cheap. Claimers serialise on the target's row — the resource, or the roadmap
     * — so two workers claiming at once cannot both start one target.
     *
     * @param roadmapId only jobs of this roadmap, or {@code null} for any
     */
    public Optional<IngestJob> claim(String workerId, Duration lease, String roadmapId) {
        return transaction.execute(status -> {
            List<Long> busy = new ArrayList<>();
            Optional<Candidate> candidate;
            while ((candidate = candidate(roadmapId, busy)).isPresent()) {
                Candidate job = candidate.get();
                if (targetFree(job)) {
                    return Optional.of(take(job.id(), workerId, lease));
                }
                busy.add(job.id());
            }
            return Optional.<IngestJob>empty();
        });
    }

    /** A claimable job, locked until this claim's transaction ends. */
    private record Candidate(long id, String roadmapId, UUID resourceId) {
    }

    private Optional<Candidate> candidate(String roadmapId, List<Long> busy) {
        return jdbc.sql("""
                SELECT j.id, j.roadmap_id, j.resource_id FROM ingest_job j
                WHERE (j.state = 'queued' OR (j.state = 'running' AND j.locked_until < now()))
                  AND (CAST(? AS text) IS NULL OR j.roadmap_id = ?)
                  AND NOT (j.id = ANY (?::bigint[]))
                  AND NOT EXISTS (SELECT 1 FROM ingest_job o
                                  WHERE o.kind = j.kind AND o.id <> j.id AND o.state = 'running'
                                    AND o.locked_until >= now()
                                    AND (o.resource_id = j.resource_id
                                         OR (j.resource_id IS NULL AND o.roadmap_id = j.roadmap_id)))
                ORDER BY j.id
                FOR UPDATE SKIP LOCKED
                LIMIT 1
                """).params(roadmapId, roadmapId, busy.toArray(Long[]::new))
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("roadmap_id"),
                        rs.getObject("resource_id", UUID.class)))
                .optional();
    }

    /**
     * Locks the job's target row — its resource, or for topic texts its roadmap — without waiting (another claimer
     * holding it is taking the target), then checks, in a statement that sees every claim committed before the lock,
     * that no other job runs the target.
     */
    private boolean targetFree(Candidate job) {
        boolean locked = job.resourceId() != null
                ? !jdbc.sql("SELECT 1 FROM resource WHERE id = ? FOR NO KEY UPDATE SKIP LOCKED")
                        .param(job.resourceId()).query(Integer.class).list().isEmpty()
                : !jdbc.sql("SELECT 1 FROM roadmap WHERE id = ? FOR NO KEY UPDATE SKIP LOCKED")
                        .param(job.roadmapId()).query(Integer.class).list().isEmpty();
        return locked && jdbc.sql("""
                SELECT NOT EXISTS (SELECT 1 FROM ingest_job o JOIN ingest_job j ON j.id = ?
                                   WHERE o.kind = j.kind AND o.id <> j.id AND o.state = 'running'
                                     AND o.locked_until >= now()
                                     AND (o.resource_id = j.resource_id
                                          OR (j.resource_id IS NULL AND o.roadmap_id = j.roadmap_id)))
                """).param(job.id()).query(Boolean.class).single();
    }

    private IngestJob take(long id, String workerId, Duration lease) {
        return jdbc.sql("""
                UPDATE ingest_job SET state = 'running', attempts = attempts + 1, locked_by = ?,
                       locked_until = now() + make_interval(secs => ?), updated_at = now()
                WHERE id = ?
                RETURNING id, roadmap_id, resource_id, kind, attempts
                """)
                .params(workerId, lease.toMillis() / 1000.0, id)
                .query((rs, n) -> new IngestJob(rs.getLong("id"), rs.getString("roadmap_id"),
                        rs.getObject("resource_id", UUID.class),
                        IngestJob.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getInt("attempts")))
                .single();
    }

    /**
     * Extends the lease of a job this claim still holds.
     *
     * @return {@code false} when the job is no longer this claim's: its lease ran out and another worker took it
     */
    public boolean heartbeat(IngestJob job, String workerId, Duration lease) {
        return jdbc.sql("""
                UPDATE ingest_job SET locked_until = now() + make_interval(secs => ?), updated_at = now()
                WHERE id = ? AND attempts = ? AND locked_by = ? AND state = 'running'
                """).params(lease.toMillis() / 1000.0, job.id(), job.attempts(), workerId).update() == 1;
    }

    /**
     * Marks the job done, if this claim still holds it: {@link IngestJob#attempts()} is the claim's fencing token, so
     * a worker whose lease ran out (a long pause) cannot finish a job another worker took over and is still running.
     *
     * @return {@code false} when another claim holds the job now; nothing changed
     */
    public boolean complete(IngestJob job) {
        return finish(job, "done", null);
    }

    /** Marks the job failed, if this claim still holds it (see {@link #complete}). */
    public boolean fail(IngestJob job, String error) {
        return finish(job, "failed", error);
    }

    private boolean finish(IngestJob job, String state, String error) {
        return jdbc.sql("""
                UPDATE ingest_job SET state = ?, error = ?, locked_by = NULL, locked_until = NULL, updated_at = now()
                WHERE id = ? AND attempts = ? AND state = 'running'
                """).params(state, error, job.id(), job.attempts()).update() == 1;
    }

    /** Jobs of any roadmap that are not finished yet. */
    public int open() {
        return jdbc.sql("SELECT count(*) FROM ingest_job WHERE state IN ('queued', 'running')").query(Integer.class)
                .single();
    }

    /** Jobs of the roadmap that are not finished yet. */
    public int open(String roadmapId) {
        return jdbc.sql("SELECT count(*) FROM ingest_job WHERE roadmap_id = ? AND state IN ('queued', 'running')")
                .param(roadmapId).query(Integer.class).single();
    }
}
