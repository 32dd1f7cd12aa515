package dev.groundwork.api.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Personal API tokens in table {@code api_token}. A token reads {@code gw_<prefix>_<secret>}: the prefix finds the
 * row and is shown in lists, the secret's SHA-256 is all that is stored. Blocking JDBC, called only from
 * {@code jdbc} tasks.
 */
@Repository
class ApiTokens {

    private static final Pattern FORMAT = Pattern.compile("gw_([A-Za-z0-9]{10})_([A-Za-z0-9_-]{43})");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token; the returned secret is the only time the whole token exists outside the caller's hands. */
    Created create(UUID learner, String name, Scope scope, Duration lifetime) {
        String prefix = prefix();
        String secret = Secrets.random(32);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = lifetime == null ? null : now.plus(lifetime);
        jdbc.sql("INSERT INTO api_token (id, learner_id, name, prefix, secret_hash, scope, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, learner, name, prefix, Secrets.sha256(secret), scope.slug, Timestamp.from(now),
                        expires == null ? null : Timestamp.from(expires))
                .update();
        return new Created(new Token(id, name, prefix, scope, now, null, expires, null),
                "gw_" + prefix + "_" + secret);
    }

    List<Token> list(UUID learner) {
        return jdbc.sql("SELECT id, name, prefix, scope, created_at, last_used_at, expires_at, revoked_at"
                        + " FROM api_token WHERE learner_id = ? ORDER BY created_at DESC")
                .param(learner)
                .query((rs, n) -> new Token(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("prefix"), Scope.of(rs.getString("scope")), Accounts.instant(rs, "created_at"),
                        Accounts.instant(rs, "last_used_at"), Accounts.instant(rs, "expires_at"),
                        Accounts.instant(rs, "revoked_at")))
                .list();
    }

    /** Revokes one of {@code learner}'s tokens; false when they have no such live token. */
    boolean revoke(UUID learner, UUID id) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND learner_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), id, learner).update() > 0;
    }

    /**
     * The account and token for a bearer value, marking the token used. Empty when the value is malformed, unknown,
     * wrong, revoked, expired, or its account disabled.
     */
    Optional<Used> use(String bearer) {
        Matcher m = FORMAT.matcher(bearer);
        if (!m.matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.sql("WITH hit AS (SELECT t.id, t.last_used_at FROM api_token t WHERE t.prefix = :prefix"
                        + " AND t.secret_hash = :hash AND t.revoked_at IS NULL"
                        + " AND (t.expires_at IS NULL OR t.expires_at > :now))"
                        + " UPDATE api_token t SET last_used_at = :now FROM hit, learner l"
                        + " WHERE t.id = hit.id AND l.id = t.learner_id AND l.disabled_at IS NULL"
                        + " RETURNING " + Accounts.COLUMNS + ", t.id AS token_id, t.scope, hit.last_used_at AS before")
                .param("prefix", m.group(1)).param("hash", Secrets.sha256(m.group(2)))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Used(Accounts.account(rs), rs.getObject("token_id", UUID.class),
                        Scope.of(rs.getString("scope")), Accounts.instant(rs, "before")))
                .optional();
    }

    /** The prefix of a bearer value, for the audit log of a failed use (never the secret). */
    static String prefixOf(String bearer) {
        Matcher m = FORMAT.matcher(bearer);
        return m.matches() ? m.group(1) : null;
    }

    /** Ten characters of an alphabet without look-alikes (no l, o, 0, 1): easy to read back from a list. */
    private static String prefix() {
        return Secrets.random(10, ALPHABET);
    }

    enum Scope {
        READ("read"), READ_WRITE("read-write");

        final String slug;

        Scope(String slug) {
            this.slug = slug;
        }

        static Scope of(String slug) {
            for (Scope scope : values()) {
                if (scope.slug.equals(slug)) {
                    return scope;
                }
            }
            throw new IllegalArgumentException("unknown scope " + slug);
        }
    }

    record Token(UUID id, String name, String prefix, Scope scope, Instant createdAt, Instant lastUsedAt,
            Instant expiresAt, Instant revokedAt) {
    }

    record Created(Token token, String secret) {
    }

    record Used(Account account, UUID tokenId, Scope scope, Instant lastUsedBefore) {
    }
}
