package dev.groundwork.api.security;

import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.api.security.SecurityProperties.Imports;
import dev.groundwork.api.security.SecurityProperties.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A learner's own API tokens, and the admin's work: accounts, invitations, settings, the audit log. Every query runs
 * on the {@code jdbc} scheduler; a learner's tokens are read and revoked filtered by that learner.
 */
@Service
class AccountService {

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final Invites invites;
    private final Settings settings;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final SecurityProperties properties;
    private final Scheduler jdbc;

    AccountService(ApiTokens tokens, Accounts accounts, Invites invites, Settings settings, AuditLog audit,
            TransactionTemplate transaction, SecurityProperties properties,
            @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.invites = invites;
        this.settings = settings;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    Mono<List<AuthViews.TokenView>> tokens(Learner learner) {
        return blocking(() -> tokens.list(learner.id()).stream().map(AuthViews.TokenView::of).toList());
    }

    Mono<AuthViews.CreatedToken> createToken(Learner learner, AuthRequests.NewToken request, String client) {
        return blocking(() -> {
            ApiTokens.Created created = tokens.create(learner.id(), request.name().trim(),
                    ApiTokens.Scope.of(request.scope()),
                    request.expiresInDays() == null ? null : Duration.ofDays(request.expiresInDays()));
            audit.record(AuditLog.TOKEN_CREATED, learner.id(), "token:" + created.token().prefix(), client,
                    Map.of("name", created.token().name(), "scope", request.scope()));
            return new AuthViews.CreatedToken(AuthViews.TokenView.of(created.token()), created.secret());
        });
    }

    Mono<Void> revokeToken(Learner learner, UUID id, String client) {
        return blocking(() -> {
            if (!tokens.revoke(learner.id(), id)) {
                throw new NotFound("live token", id.toString());
            }
            audit.record(AuditLog.TOKEN_REVOKED, learner.id(), "token-id:" + id, client, Map.of());
            return id;
        }).then();
    }

    Mono<List<AuthViews.User>> users() {
        return blocking(() -> accounts.list().stream().map(AuthViews.User::of).toList());
    }

    Mono<AuthViews.InviteView> invite(Learner admin, AuthRequests.NewInvite request, String client) {
        Account.Role role = request.role() == null ? Account.Role.LEARNER : Account.Role.of(request.role());
        String email = request.email() == null || request.email().isBlank() ? null : request.email().trim();
        return blocking(() -> {
            Invites.Created created = invites.create(email, role, admin.id(), properties.inviteTtl());
            audit.record(AuditLog.INVITE_CREATED, admin.id(), email, client, Map.of("role", role.slug()));
            return new AuthViews.InviteView(created.code(), "/register?invite=" + created.code(),
                    created.expiresAt());
        });
    }

    /** Disables (ending every session and token at once) or enables an account; never the last enabled admin. */
    Mono<Void> setDisabled(Learner admin, UUID id, boolean disabled, String client) {
        return blocking(() -> transaction.execute(status -> {
            Account target = accounts.byId(id).orElseThrow(() -> new NotFound("account", id.toString()));
            if (disabled && target.admin() && accounts.enabledAdmins() <= 1) {
                throw new ProblemException(HttpStatus.CONFLICT, ProblemType.LAST_ADMIN,
                        "This is the last enabled admin: make another admin first.");
            }
            accounts.setDisabled(id, disabled);
            audit.record(disabled ? AuditLog.LEARNER_DISABLED : AuditLog.LEARNER_ENABLED, admin.id(),
                    target.username(), client, Map.of("learnerId", id.toString()));
            return id;
        })).then();
    }

    Mono<Map<String, String>> settings() {
        return blocking(() -> settings.read().asJson());
    }

    Mono<Map<String, String>> changeSettings(Learner admin, AuthRequests.NewSettings request, String client) {
        Settings.Values values = new Settings.Values(
                Registration.valueOf(request.registration().toUpperCase(Locale.ROOT)),
                Imports.valueOf(request.imports().toUpperCase(Locale.ROOT)));
        return blocking(() -> {
            settings.write(values, admin.id());
            audit.record(AuditLog.SETTINGS_CHANGED, admin.id(), null, client, values.asJson());
            return values.asJson();
        });
    }

    Mono<List<AuthViews.AuditEntry>> audit(int limit) {
        return blocking(() -> audit.latest(Math.max(1, Math.min(limit, 1000))).stream()
                .map(AuthViews.AuditEntry::of).toList());
    }

    private <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(jdbc);
    }
}
