package dev.groundwork.api.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Web sessions in table {@code web_session}, shared by every app instance and surviving restarts. The cookie holds
 * a random id; only its SHA-256 is stored. Blocking JDBC, called only from {@code jdbc} tasks.
 */
@Repository
class Sessions {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityProperties properties;

    Sessions(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Starts a session for {@code learner}; returns the cookie's value. The learner's sessions that went idle are
     * dropped on the way (they could never be resumed), so the table does not grow with forgotten browsers.
     */
    String start(UUID learner, String client, String userAgent) {
        jdbc.sql("DELETE FROM web_session WHERE learner_id = ? AND last_seen_at <= ?")
                .params(learner, Timestamp.from(clock.instant().minus(properties.sessionIdleTimeout()))).update();
        String id = Secrets.random(32);
        jdbc.sql("INSERT INTO web_session (id_hash, learner_id, created_at, last_seen_at, client, user_agent)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(Secrets.sha256(id), learner, now(), now(), client, truncate(userAgent)).update();
        return id;
    }

    /**
     * The account of a live session, touching it: one statement that checks the idle timeout and that the account
     * is enabled. Empty for an unknown, idle, or disabled account's session.
     */
    Optional<Account> resume(String id) {
        Instant now = clock.instant();
        return jdbc.sql("UPDATE web_session s SET last_seen_at = :now FROM learner l"
                        + " WHERE s.id_hash = :hash AND l.id = s.learner_id AND l.disabled_at IS NULL"
                        + " AND s.last_seen_at > :idleSince RETURNING " + Accounts.COLUMNS)
                .param("now", Timestamp.from(now)).param("hash", Secrets.sha256(id))
                .param("idleSince", Timestamp.from(now.minus(properties.sessionIdleTimeout())))
                .query((rs, n) -> Accounts.account(rs)).optional();
    }

    void end(String id) {
        jdbc.sql("DELETE FROM web_session WHERE id_hash = ?").param(Secrets.sha256(id)).update();
    }

    /** Ends every session of {@code learner}: "log out everywhere". */
    int endAll(UUID learner) {
        return jdbc.sql("DELETE FROM web_session WHERE learner_id = ?").param(learner).update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String truncate(String userAgent) {
        return userAgent == null || userAgent.length() <= 300 ? userAgent : userAgent.substring(0, 300);
    }
}
