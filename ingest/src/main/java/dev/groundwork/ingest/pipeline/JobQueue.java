package dev.groundwork.ingest.pipeline;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Durable ingestion jobs in PostgreSQL. Workers claim with {@code FOR UPDATE SKIP LOCKED}, so any number of
 * them, in any number of processes, share one queue without taking the same job twice. A claim is a lease:
 * a worker that dies (even {@code kill -9}) leaves its job {@code running} with a lease that runs out, after
 * which the job is claimed again. Steps are idempotent, so a retried job redoes nothing that was finished.
 */
@Component
public class JobQueue {

    private final JdbcClient jdbc;

    public JobQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues a job per web resource the roadmap links, and one for its topic texts; targets that already have an
     * open job are not queued twice.
     *
     * @return how many jobs were queued
     */
    public int enqueue(String roadmapId) {
        int resources = jdbc.sql("""
                INSERT INTO ingest_job (roadmap_id, resource_id, kind)
                SELECT DISTINCT t.roadmap_id, r.id, 'resource'
                FROM topic t JOIN topic_resource tr ON tr.topic_id = t.id JOIN resource r ON r.id = tr.resource_id
                WHERE t.roadmap_id = ? AND r.url IS NOT NULL
                ON CONFLICT DO NOTHING
                """).param(roadmapId).update();
        int topics = jdbc.sql("""
                INSERT INTO ingest_job (roadmap_id, kind) VALUES (?, 'topics') ON CONFLICT DO NOTHING
                """).param(roadmapId).update();
        return resources + topics;
    }

    /**
     * Claims the oldest claimable job: queued, or running with an expired lease.
     *
     * @param roadmapId only jobs of this roadmap, or {@code null} for any
     */
    public Optional<IngestJob> claim(String workerId, Duration lease, String roadmapId) {
        return jdbc.sql("""
                UPDATE ingest_job SET state = 'running', attempts = attempts + 1, locked_by = :worker,
                       locked_until = now() + make_interval(secs => :lease), updated_at = now()
                WHERE id = (SELECT id FROM ingest_job
                            WHERE (state = 'queued' OR (state = 'running' AND locked_until < now()))
                              AND (CAST(:roadmap AS text) IS NULL OR roadmap_id = :roadmap)
                            ORDER BY id
                            FOR UPDATE SKIP LOCKED
                            LIMIT 1)
                RETURNING id, roadmap_id, resource_id, kind, attempts
                """)
                .param("worker", workerId).param("lease", lease.toMillis() / 1000.0).param("roadmap", roadmapId)
                .query((rs, n) -> new IngestJob(rs.getLong("id"), rs.getString("roadmap_id"),
                        rs.getObject("resource_id", UUID.class),
                        IngestJob.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getInt("attempts")))
                .optional();
    }

    /** Extends the lease of a job this worker still holds. */
    public void heartbeat(IngestJob job, String workerId, Duration lease) {
        jdbc.sql("""
                UPDATE ingest_job SET locked_until = now() + make_interval(secs => ?), updated_at = now()
                WHERE id = ? AND locked_by = ? AND state = 'running'
                """).params(lease.toMillis() / 1000.0, job.id(), workerId).update();
    }

    public void complete(IngestJob job) {
        finish(job, "done", null);
    }

    public void fail(IngestJob job, String error) {
        finish(job, "failed", error);
    }

    private void finish(IngestJob job, String state, String error) {
        jdbc.sql("""
                UPDATE ingest_job SET state = ?, error = ?, locked_by = NULL, locked_until = NULL, updated_at = now()
                WHERE id = ?
                """).params(state, error, job.id()).update();
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
