package dev.groundwork.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the sign-in, token and admin endpoints answer. Enum values are written as lower-case slugs. */
final class AuthViews {

    private AuthViews() {
    }

    record Me(UUID id, String name, String username, String email, String role) {

        static Me of(Account account) {
            return new Me(account.id(), account.name(), account.username(), account.email(), account.role().slug());
        }
    }

    record SignedInView(Me learner) {
    }

    record Provider(String id, String name, String loginUrl) {
    }

    record State(String mode, boolean setupRequired, String registration, List<Provider> ssoProviders, Me learner) {
    }

    record TokenView(UUID id, String name, String prefix, String scope, Instant createdAt, Instant lastUsedAt,
            Instant expiresAt, Instant revokedAt) {

        static TokenView of(ApiTokens.Token token) {
            return new TokenView(token.id(), token.name(), token.prefix(), token.scope().slug, token.createdAt(),
                    token.lastUsedAt(), token.expiresAt(), token.revokedAt());
        }
    }

    record CreatedToken(TokenView token, String secret) {
    }

    record User(UUID id, String name, String username, String email, String role, boolean disabled,
            Instant createdAt, Instant lastSeenAt) {

        static User of(Accounts.Listed listed) {
            Account a = listed.account();
            return new User(a.id(), a.name(), a.username(), a.email(), a.role().slug(), listed.disabled(),
                    listed.createdAt(), listed.lastSeenAt());
        }
    }

    record InviteView(String code, String path, Instant expiresAt) {
    }

    record AuditEntry(Instant at, String action, UUID actorId, String actorName, String subject, String client,
            Map<String, Object> detail) {

        static AuditEntry of(AuditLog.Event e) {
            return new AuditEntry(e.at(), e.action(), e.actorId(), e.actorName(), e.subject(), e.client(), e.detail());
        }
    }
}
