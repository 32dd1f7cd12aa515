package dev.groundwork.api.embedding;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code embedding_model} table: which model is active, which one is building and how far. Every change of state
 * runs under one transaction-scoped advisory lock, so instances starting together agree. Blocking JDBC; the caller
 * holds the transaction.
 */
final class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    /** One row. */
    record Entry(String id, int dimensions, boolean base, String state, int done, int total, Instant startedAt,
            Instant finishedAt) {
    }

    private final JdbcClient jdbc;

    ModelRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the registry agree with this instance's configuration: the base model is registered (active on a new
     * database); a configured model that is not active becomes the one building — or active at once when it is the
     * base model, whose vectors are always complete; a build of another model stops.
     */
    void reconcile(RetrievalModel base, RetrievalModel configured) {
        lock();
        jdbc.sql("INSERT INTO embedding_model (id, dimensions, base, state, finished_at) VALUES (?, ?, true,"
                        + " CASE WHEN EXISTS (SELECT 1 FROM embedding_model WHERE state = 'active') THEN 'retired'"
                        + " ELSE 'active' END, now()) ON CONFLICT (id) DO NOTHING")
                .param(base.id()).param(base.dimensions()).update();
        String active = active().orElseThrow();
        if (configured.id().equals(active)) {
            stopBuilding(configured.id());
            return;
        }
        stopBuilding(configured.id());
        if (configured.base()) {
            activate(configured.id());
            log.info("Retrieval searches the base model {} again (its vectors are always complete)", configured.id());
            return;
        }
        int updated = jdbc.sql("UPDATE embedding_model SET state = 'building', done = 0, started_at = now(),"
                        + " finished_at = NULL, total = (SELECT count(*) FROM chunks) WHERE id = ? AND state <> 'building'")
                .param(configured.id()).update();
        int inserted = jdbc.sql("INSERT INTO embedding_model (id, dimensions, base, state, total) VALUES (?, ?, false,"
                        + " 'building', (SELECT count(*) FROM chunks)) ON CONFLICT (id) DO NOTHING")
                .param(configured.id()).param(configured.dimensions()).update();
        if (updated + inserted > 0) {
            log.info("Embedding model {} configured while {} is active: building its vectors in the background",
                    configured.id(), active);
        }
    }

    /** Takes or renews the claim on building {@code id}; {@code false} while another process holds it. */
    boolean claim(String id, String owner, Duration lease) {
        return jdbc.sql("UPDATE embedding_model SET claimed_by = ?, claimed_until = now() + make_interval(secs => ?)"
                        + " WHERE id = ? AND (claimed_until IS NULL OR claimed_until < now() OR claimed_by = ?)")
                .param(owner).param(lease.toMillis() / 1000.0).param(id).param(owner).update() == 1;
    }

    /** Gives up every claim of {@code owner}, so that the next process need not wait for the lease to run out. */
    void release(String owner) {
        jdbc.sql("UPDATE embedding_model SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?")
                .param(owner).update();
    }

    void progress(String id, int done, int total) {
        jdbc.sql("UPDATE embedding_model SET done = ?, total = ? WHERE id = ?").param(done).param(total).param(id)
                .update();
    }

    /** Makes {@code id} the active model and retires the one that was; returns the retired one. */
    Optional<Entry> activate(String id) {
        lock();
        Optional<Entry> previous = entries().stream().filter(e -> e.state().equals("active")).findFirst();
        jdbc.sql("UPDATE embedding_model SET state = 'retired' WHERE state = 'active'").update();
        jdbc.sql("UPDATE embedding_model SET state = 'active', finished_at = now(), claimed_by = NULL,"
                + " claimed_until = NULL WHERE id = ?").param(id).update();
        return previous.filter(e -> !e.id().equals(id));
    }

    Optional<String> active() {
        return jdbc.sql("SELECT id FROM embedding_model WHERE state = 'active'").query(String.class).optional();
    }

    Optional<String> building() {
        return jdbc.sql("SELECT id FROM embedding_model WHERE state = 'building'").query(String.class).optional();
    }

    List<Entry> entries() {
        return jdbc.sql("SELECT * FROM embedding_model ORDER BY started_at").query((rs, row) -> new Entry(
                rs.getString("id"), rs.getInt("dimensions"), rs.getBoolean("base"), rs.getString("state"),
                rs.getInt("done"), rs.getInt("total"), instant(rs.getObject("started_at", OffsetDateTime.class)),
                instant(rs.getObject("finished_at", OffsetDateTime.class)))).list();
    }

    private void stopBuilding(String except) {
        jdbc.sql("UPDATE embedding_model SET state = 'retired', finished_at = now(), claimed_by = NULL,"
                + " claimed_until = NULL WHERE state = 'building' AND id <> ?").param(except).update();
    }

    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('groundwork:embedding-model'))").query().singleValue();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
