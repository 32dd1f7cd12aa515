package dev.groundwork.api.refresh;

import dev.groundwork.ingest.pipeline.JobQueue;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts and finishes checks, safely from any number of app instances at once. A due roadmap is claimed by locking
 * its row ({@code FOR NO KEY UPDATE SKIP LOCKED}) and moving its {@code next_check_at} in the same transaction, so
 * a second instance either skips the locked row or, once the first committed, finds it no longer due; the unique
 * index on open checks backs that up. A check only queues the roadmap's ordinary ingest jobs (conditional re-fetches,
 * see {@code ResourceIngestor}); whichever worker runs them, the check is finished by the first tick that finds none
 * of the roadmap's jobs open. Blocking JDBC: call from a plain thread or {@code jdbc}.
 */
@Component
class RefreshClaims {

    private static final Logger log = LoggerFactory.getLogger(RefreshClaims.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JobQueue queue;

    RefreshClaims(JdbcClient jdbc, TransactionTemplate transaction, JobQueue queue) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.queue = queue;
    }

    /** Starts a check of up to {@code batch} due roadmaps; returns their ids. */
    List<String> startDue(Instant now, Duration defaultInterval, int batch) {
        return transaction.execute(status -> {
            List<String> due = jdbc.sql("""
                    SELECT r.id FROM roadmap r
                    WHERE r.refresh_enabled
                      AND coalesce(r.next_check_at,
                                   r.imported_at + coalesce(r.refresh_interval, make_interval(secs => ?))) <= ?
                      AND NOT EXISTS (SELECT 1 FROM roadmap_refresh f WHERE f.roadmap_id = r.id AND f.finished_at IS NULL)
                    ORDER BY r.id
                    LIMIT ?
                    FOR NO KEY UPDATE SKIP LOCKED
                    """).params(seconds(defaultInterval), Timestamp.from(now), batch).query(String.class).list();
            List<String> started = new ArrayList<>();
            for (String id : due) {
                if (start(id, now, defaultInterval, "schedule")) {
                    started.add(id);
                }
            }
            return started;
        });
    }

    /**
     * Starts a check of the roadmap now, whatever its schedule, unless one is running.
     *
     * @return {@code false} when the roadmap is unknown
     */
    boolean startNow(String roadmapId, Instant now, Duration defaultInterval) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean exists = !jdbc.sql("SELECT 1 FROM roadmap WHERE id = ? FOR NO KEY UPDATE").param(roadmapId)
                    .query(Integer.class).list().isEmpty();
            if (exists) {
                start(roadmapId, now, defaultInterval, "manual");
            }
            return exists;
        }));
    }

    /** Records the check, moves the next one an interval on and queues the jobs; inside the claim's transaction. */
    private boolean start(String roadmapId, Instant now, Duration defaultInterval, String trigger) {
        boolean recorded = !jdbc.sql("""
                INSERT INTO roadmap_refresh (roadmap_id, trigger, after_job_id, started_at)
                VALUES (?, ?, (SELECT coalesce(max(id), 0) FROM ingest_job), ?)
                ON CONFLICT (roadmap_id) WHERE finished_at IS NULL DO NOTHING
                RETURNING id
                """).params(roadmapId, trigger, Timestamp.from(now)).query(Long.class).list().isEmpty();
        if (!recorded) {
            return false;
        }
        jdbc.sql("""
                UPDATE roadmap SET next_check_at = CAST(? AS timestamptz) + coalesce(refresh_interval, make_interval(secs => ?)) WHERE id = ?
                """).params(Timestamp.from(now), seconds(defaultInterval), roadmapId).update();
        queue.enqueue(roadmapId);
        return true;
    }

    /** A check whose jobs are all done. */
    private record Open(long id, String roadmapId, long afterJobId) {
    }

    /** What the check found for one resource it re-fetched; its title is the roadmap's link text, else the page's. */
    private record Outcome(String title, String url, String state, String reason) {
    }

    /** Finishes every running check none of whose roadmap's jobs is open; returns the roadmaps with changes. */
    List<String> finishDone(Instant now) {
        return transaction.execute(status -> {
            List<Open> done = jdbc.sql("""
                    SELECT f.id, f.roadmap_id, f.after_job_id FROM roadmap_refresh f
                    WHERE f.finished_at IS NULL
                      AND NOT EXISTS (SELECT 1 FROM ingest_job j
                                      WHERE j.roadmap_id = f.roadmap_id AND j.state IN ('queued', 'running'))
                    ORDER BY f.id
                    FOR UPDATE SKIP LOCKED
                    """).query((rs, n) -> new Open(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
            List<String> changed = new ArrayList<>();
            for (Open check : done) {
                if (finish(check, now) > 0) {
                    changed.add(check.roadmapId());
                }
            }
            return changed;
        });
    }

    private int finish(Open check, Instant now) {
        List<Outcome> outcomes = jdbc.sql("""
                SELECT coalesce(nullif((SELECT min(tr.title) FROM topic_resource tr JOIN topic t ON t.id = tr.topic_id
                                        WHERE t.roadmap_id = ? AND tr.resource_id = r.id), r.url),
                                (SELECT d.title FROM document d WHERE d.resource_id = r.id AND d.title IS NOT NULL
                                 ORDER BY d.depth, d.url LIMIT 1),
                                r.url) AS title, r.url, r.state, r.reason
                FROM resource r
                WHERE EXISTS (SELECT 1 FROM ingest_job j WHERE j.resource_id = r.id AND j.roadmap_id = ? AND j.id > ?)
                ORDER BY title, r.url
                """).params(check.roadmapId(), check.roadmapId(), check.afterJobId())
                .query((rs, n) -> new Outcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        List<Freshness.Source> changed = new ArrayList<>();
        List<Freshness.Source> failed = new ArrayList<>();
        for (Outcome o : outcomes) {
            if ("fetched".equals(o.state())) {
                changed.add(new Freshness.Source(o.title(), o.url(), null));
            } else if ("failed".equals(o.state())) {
                failed.add(new Freshness.Source(o.title(), o.url(), o.reason()));
            }
        }
        jdbc.sql("""
                UPDATE roadmap_refresh SET finished_at = ?, checked = ?, unchanged = ?, changed = ?, failed = ?,
                       changed_resources = CAST(? AS jsonb), failed_resources = CAST(? AS jsonb)
                WHERE id = ?
                """).params(Timestamp.from(now), outcomes.size(), outcomes.size() - changed.size() - failed.size(),
                changed.size(), failed.size(), JSON.writeValueAsString(changed), JSON.writeValueAsString(failed),
                check.id()).update();
        log.info("Checked roadmap {}: {} resources, {} changed, {} failed", check.roadmapId(), outcomes.size(),
                changed.size(), failed.size());
        return changed.size();
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
