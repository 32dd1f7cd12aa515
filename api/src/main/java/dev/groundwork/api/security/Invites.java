package dev.groundwork.api.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitations (table {@code invite}): the code's SHA-256 only, one use, an expiry. Blocking JDBC. */
@Repository
class Invites {

    private final JdbcClient jdbc;
    private final Clock clock;

    Invites(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Created create(String email, Account.Role role, UUID by, java.time.Duration ttl) {
        String code = Secrets.random(24);
        Instant expires = clock.instant().plus(ttl);
        jdbc.sql("INSERT INTO invite (code_hash, email, role, created_by, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(Secrets.sha256(code), email, role.slug(), by, Timestamp.from(clock.instant()),
                        Timestamp.from(expires))
                .update();
        return new Created(code, expires);
    }

    /**
     * Uses an invitation for {@code email} (an invitation made for an address only admits that address); empty
     * when the code is unknown, used, expired or for someone else. Call inside the transaction that creates the
     * account, then {@link #markUsed}.
     */
    Optional<Account.Role> claim(String code, String email) {
        return jdbc.sql("SELECT role FROM invite WHERE code_hash = :hash AND used_at IS NULL AND expires_at > :now"
                        + " AND (email IS NULL OR lower(email) = lower(CAST(:email AS text))) FOR UPDATE")
                .param("hash", Secrets.sha256(code)).param("now", Timestamp.from(clock.instant()))
                .param("email", email)
                .query((rs, n) -> Account.Role.of(rs.getString("role"))).optional();
    }

    void markUsed(String code, UUID by) {
        jdbc.sql("UPDATE invite SET used_at = ?, used_by = ? WHERE code_hash = ?")
                .params(Timestamp.from(clock.instant()), by, Secrets.sha256(code)).update();
    }

    record Created(String code, Instant expiresAt) {
    }
}
