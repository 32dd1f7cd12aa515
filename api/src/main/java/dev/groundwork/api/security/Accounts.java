package dev.groundwork.api.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts in table {@code learner}: blocking JDBC, called only from {@code jdbc} tasks (see THREADING.md). An
 * account is a learner with a password or a single sign-on identity; the built-in local learner is none.
 */
@Repository
class Accounts {

    static final String COLUMNS = "l.id, l.name, l.username, l.email, l.role";
    /** Learner {@code l} can sign in: by password or through a single sign-on identity. */
    private static final String IS_ACCOUNT = "(l.password_hash IS NOT NULL"
            + " OR EXISTS (SELECT 1 FROM learner_identity i WHERE i.learner_id = l.id))";

    private final JdbcClient jdbc;
    private final Clock clock;

    Accounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An account with a password, by username or e-mail (case-insensitive), enabled or not. */
    Optional<Stored> byLogin(String login) {
        return jdbc.sql("SELECT " + COLUMNS + ", l.password_hash, l.disabled_at FROM learner l"
                        + " WHERE l.password_hash IS NOT NULL AND (lower(l.username) = lower(:login)"
                        + " OR lower(l.email) = lower(:login))")
                .param("login", login).query((rs, n) -> new Stored(account(rs), rs.getString("password_hash"),
                        rs.getObject("disabled_at") != null)).optional();
    }

    Optional<Account> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM learner l WHERE l.id = ? AND " + IS_ACCOUNT)
                .param(id).query((rs, n) -> account(rs)).optional();
    }

    /** Serialises first-run setups (inside their transaction): only one of two racing ones creates the admin. */
    void lockForSetup() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('groundwork-first-run-setup'))").query().singleValue();
    }

    /** Whether first-run setup is done: an admin exists (learners who came by single sign-on do not count). */
    boolean anyAdmin() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM learner l WHERE l.role = 'admin' AND " + IS_ACCOUNT + ")")
                .query(Boolean.class).single();
    }

    /**
     * The account of a single sign-on identity: the one linked to ({@code provider}, {@code subject}); else the
     * account with that e-mail, linked now, but only when the provider verified the address (linking on an
     * unverified one would hand over someone else's account); else a new learner, linked. Inside a transaction.
     */
    Sso byIdentity(String provider, String subject, String email, boolean emailVerified, String name) {
        Optional<Sso> linked = jdbc.sql("SELECT " + COLUMNS + ", l.disabled_at FROM learner_identity i"
                        + " JOIN learner l ON l.id = i.learner_id WHERE i.provider = ? AND i.subject = ?")
                .params(provider, subject)
                .query((rs, n) -> new Sso(account(rs), rs.getObject("disabled_at") != null, false)).optional();
        if (linked.isPresent()) {
            return linked.get();
        }
        Optional<Sso> byEmail = !emailVerified || email == null ? Optional.empty()
                : jdbc.sql("SELECT " + COLUMNS + ", l.disabled_at FROM learner l WHERE lower(l.email) = lower(?)")
                        .param(email)
                        .query((rs, n) -> new Sso(account(rs), rs.getObject("disabled_at") != null, false)).optional();
        Sso sso = byEmail.orElseGet(() -> {
            UUID id = UUID.randomUUID();
            String display = name != null && !name.isBlank() ? name : email != null ? email : "SSO learner";
            boolean emailFree = email != null && emailVerified && !taken(null, email);
            jdbc.sql("INSERT INTO learner (id, name, email, role) VALUES (?, ?, ?, 'learner')")
                    .params(id, display, emailFree ? email : null).update();
            return new Sso(new Account(id, display, null, emailFree ? email : null, Account.Role.LEARNER), false,
                    true);
        });
        jdbc.sql("INSERT INTO learner_identity (provider, subject, learner_id) VALUES (?, ?, ?)")
                .params(provider, subject, sso.account().id()).update();
        return sso;
    }

    boolean taken(String username, String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM learner WHERE lower(username) = lower(:u)"
                        + " OR (CAST(:e AS text) IS NOT NULL AND lower(email) = lower(CAST(:e AS text))))")
                .param("u", username).param("e", email).query(Boolean.class).single();
    }

    Account create(String username, String email, String passwordHash, Account.Role role) {
        UUID id = UUID.randomUUID();
        String name = username != null ? username : email;
        jdbc.sql("INSERT INTO learner (id, name, username, email, password_hash, role) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, name, username, email, passwordHash, role.slug()).update();
        return new Account(id, name, username, email, role);
    }

    /** Every account, newest first, with when it was last seen through a session or a token. */
    List<Listed> list() {
        return jdbc.sql("SELECT " + COLUMNS + ", l.disabled_at, l.created_at,"
                        + " GREATEST((SELECT max(s.last_seen_at) FROM web_session s WHERE s.learner_id = l.id),"
                        + " (SELECT max(t.last_used_at) FROM api_token t WHERE t.learner_id = l.id)) AS last_seen"
                        + " FROM learner l WHERE " + IS_ACCOUNT
                        + " ORDER BY l.created_at DESC")
                .query((rs, n) -> new Listed(account(rs), rs.getObject("disabled_at") != null,
                        instant(rs, "created_at"), instant(rs, "last_seen")))
                .list();
    }

    long enabledAdmins() {
        return jdbc.sql("SELECT count(*) FROM learner l WHERE l.role = 'admin' AND l.disabled_at IS NULL AND "
                + IS_ACCOUNT).query(Long.class).single();
    }

    /**
     * Disables or enables the account {@code id} (found by {@link #byId} first). Disabling ends every session and
     * revokes every token at once, in the same transaction as the caller's.
     */
    void setDisabled(UUID id, boolean disabled) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE learner SET disabled_at = CASE WHEN :disabled THEN COALESCE(disabled_at, :now) ELSE NULL END"
                        + " WHERE id = :id")
                .param("disabled", disabled).param("now", now).param("id", id).update();
        if (disabled) {
            jdbc.sql("DELETE FROM web_session WHERE learner_id = ?").param(id).update();
            jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE learner_id = ? AND revoked_at IS NULL")
                    .params(now, id).update();
        }
    }

    static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("username"),
                rs.getString("email"), Account.Role.of(rs.getString("role")));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The account a single sign-on reached; {@code created} when it was made for this sign-in. */
    record Sso(Account account, boolean disabled, boolean created) {
    }

    /** An account with what signing in checks. */
    record Stored(Account account, String passwordHash, boolean disabled) {
    }

    record Listed(Account account, boolean disabled, Instant createdAt, Instant lastSeenAt) {
    }
}
