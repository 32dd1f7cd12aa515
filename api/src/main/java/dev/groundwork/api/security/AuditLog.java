package dev.groundwork.api.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log (table {@code audit_event}): sign-ins, failed sign-ins, tokens made and used, and what admins did.
 * Never a password, a token's secret or a session id: a token is named by its prefix. Blocking JDBC, called only from
 * {@code jdbc} tasks.
 */
@Repository
class AuditLog {

    static final String SIGN_IN = "sign-in";
    static final String SIGN_IN_FAILED = "sign-in-failed";
    static final String SIGN_OUT = "sign-out";
    static final String SIGN_OUT_EVERYWHERE = "sign-out-everywhere";
    static final String SETUP = "setup";
    static final String REGISTERED = "registered";
    static final String TOKEN_CREATED = "token-created";
    static final String TOKEN_USED = "token-used";
    static final String TOKEN_REVOKED = "token-revoked";
    static final String INVITE_CREATED = "invite-created";
    static final String LEARNER_DISABLED = "learner-disabled";
    static final String LEARNER_ENABLED = "learner-enabled";
    static final String SETTINGS_CHANGED = "settings-changed";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String action, UUID actor, String subject, String client, Map<String, ?> detail) {
        jdbc.sql("INSERT INTO audit_event (at, action, actor_id, subject, client, detail)"
                        + " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))")
                .params(Timestamp.from(clock.instant()), action, actor, subject, client,
                        JSON.writeValueAsString(detail))
                .update();
    }

    List<Event> latest(int limit) {
        return jdbc.sql("SELECT e.at, e.action, e.actor_id, l.name AS actor_name, e.subject, e.client, e.detail"
                        + " FROM audit_event e LEFT JOIN learner l ON l.id = e.actor_id ORDER BY e.id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Event(Accounts.instant(rs, "at"), rs.getString("action"),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("subject"),
                        rs.getString("client"), JSON.readValue(rs.getString("detail"), new TypeReference<>() {
                        })))
                .list();
    }

    record Event(Instant at, String action, UUID actorId, String actorName, String subject, String client,
            Map<String, Object> detail) {
    }
}
