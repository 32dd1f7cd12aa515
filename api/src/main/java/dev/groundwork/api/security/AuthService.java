package dev.groundwork.api.security;

import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.api.security.SecurityProperties.Mode;
import dev.groundwork.api.security.SecurityProperties.Registration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Signing in and out, first-run setup and registration. Password hashing and every query run on the {@code jdbc}
 * scheduler. A successful sign-in starts a session in PostgreSQL and sets its cookie.
 */
@Service
class AuthService {

    /**
     * Compared against when the login is unknown, so that an unknown login costs as long as a wrong password: the
     * bcrypt hash (cost 10, the encoder's) of a random string nobody kept.
     */
    private static final String NOBODY = "{bcrypt}$2a$10$qMMaSAXXHXwEpRfmr0vQe.5ix1UhKhv83qodPg6Syspfg5j9XmWLu";

    private final Accounts accounts;
    private final Sessions sessions;
    private final Invites invites;
    private final Settings settings;
    private final AuditLog audit;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;
    private final SecurityProperties properties;
    private final ObjectProvider<ReactiveClientRegistrationRepository> registrations;
    private final LoginThrottle throttle;
    private final Scheduler jdbc;

    AuthService(Accounts accounts, Sessions sessions, Invites invites, Settings settings, AuditLog audit,
            PasswordEncoder passwords, TransactionTemplate transaction, SecurityProperties properties,
            ObjectProvider<ReactiveClientRegistrationRepository> registrations, LoginThrottle throttle,
            @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.invites = invites;
        this.settings = settings;
        this.audit = audit;
        this.passwords = passwords;
        this.transaction = transaction;
        this.properties = properties;
        this.registrations = registrations;
        this.throttle = throttle;
        this.jdbc = jdbc;
    }

    Mono<AuthViews.State> state() {
        Mono<Optional<Account>> me = ReactiveSecurityContextHolder.getContext()
                .map(c -> c.getAuthentication() instanceof SignedIn s ? Optional.of(s.account()) : Optional.<Account>empty())
                .defaultIfEmpty(Optional.empty());
        return me.flatMap(account -> Mono.fromCallable(() -> {
            boolean accountsMode = properties.mode() == Mode.ACCOUNTS;
            return new AuthViews.State(accountsMode ? "accounts" : "single-user",
                    accountsMode && !accounts.anyAdmin(),
                    settings.read().registration() == Registration.OPEN ? "open" : "invite", providers(),
                    account.map(AuthViews.Me::of).orElse(null));
        }).subscribeOn(jdbc));
    }

    Mono<Account> setup(AuthRequests.Setup request, ServerWebExchange exchange) {
        requireAccountsMode();
        String client = Credentials.client(exchange);
        return Mono.fromCallable(() -> {
            String hash = passwords.encode(request.password());
            Account admin = transaction.execute(status -> {
                accounts.lockForSetup();
                if (accounts.anyAdmin()) {
                    throw new ProblemException(HttpStatus.CONFLICT, ProblemType.SETUP_DONE,
                            "Setup is done: an admin exists. Sign in instead.");
                }
                return accounts.create(request.username(), blankToNull(request.email()), hash, Account.Role.ADMIN);
            });
            audit.record(AuditLog.SETUP, admin.id(), admin.username(), client, Map.of());
            return admin;
        }).subscribeOn(jdbc).flatMap(admin -> startSession(admin, exchange));
    }

    Mono<Account> login(AuthRequests.Login request, ServerWebExchange exchange) {
        requireAccountsMode();
        String client = Credentials.client(exchange);
        return throttle.check(request.login(), client, exchange).then(Mono.fromCallable(() -> {
            Optional<Accounts.Stored> stored = accounts.byLogin(request.login());
            boolean matches = passwords.matches(request.password(), stored.map(Accounts.Stored::passwordHash)
                    .orElse(NOBODY));
            if (stored.isEmpty() || !matches || stored.get().disabled()) {
                audit.record(AuditLog.SIGN_IN_FAILED, stored.map(s -> s.account().id()).orElse(null),
                        request.login(), client, Map.of("reason", stored.isEmpty() ? "unknown-login"
                                : !matches ? "wrong-password" : "disabled"));
                return Optional.<Account>empty();
            }
            audit.record(AuditLog.SIGN_IN, stored.get().account().id(), request.login(), client,
                    Map.of("method", "password"));
            return stored.map(Accounts.Stored::account);
        }).subscribeOn(jdbc)).flatMap(account -> account.isPresent() ? startSession(account.get(), exchange)
                : throttle.failed(request.login(), client).then(Mono.error(new ProblemException(HttpStatus.UNAUTHORIZED,
                        ProblemType.BAD_CREDENTIALS, "That login and password do not match an enabled account."))));
    }

    Mono<Account> register(AuthRequests.Register request, ServerWebExchange exchange) {
        requireAccountsMode();
        String client = Credentials.client(exchange);
        String email = blankToNull(request.email());
        return Mono.fromCallable(() -> {
            String hash = passwords.encode(request.password());
            Account created = transaction.execute(status -> {
                Account.Role role = Account.Role.LEARNER;
                String invite = blankToNull(request.invite());
                if (invite != null) {
                    role = invites.claim(invite, email).orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN,
                            ProblemType.REGISTRATION_CLOSED, "This invitation is unknown, used, expired, or made"
                            + " for another e-mail address. Ask an admin for a new one."));
                } else if (settings.read().registration() != Registration.OPEN) {
                    throw new ProblemException(HttpStatus.FORBIDDEN, ProblemType.REGISTRATION_CLOSED,
                            "Registration is by invitation: ask an admin for an invitation link.");
                }
                if (accounts.taken(request.username(), email)) {
                    throw new ProblemException(HttpStatus.CONFLICT, ProblemType.ACCOUNT_EXISTS,
                            "That username or e-mail address already has an account.");
                }
                Account account = accounts.create(request.username(), email, hash, role);
                if (invite != null) {
                    invites.markUsed(invite, account.id());
                }
                return account;
            });
            audit.record(AuditLog.REGISTERED, created.id(), created.username(), client,
                    Map.of("invited", request.invite() != null && !request.invite().isBlank()));
            return created;
        }).subscribeOn(jdbc).flatMap(account -> startSession(account, exchange));
    }

    /** Ends this browser's session and clears its cookie. */
    Mono<Void> logout(Learner learner, ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(Credentials.COOKIE);
        clearCookie(exchange);
        String client = Credentials.client(exchange);
        return Mono.fromRunnable(() -> {
            if (cookie != null) {
                sessions.end(cookie.getValue());
            }
            audit.record(AuditLog.SIGN_OUT, learner.id(), null, client, Map.of());
        }).subscribeOn(jdbc).then();
    }

    /** Ends every session of the learner, this one included. Tokens stay: they are revoked one by one. */
    Mono<Void> logoutEverywhere(Learner learner, ServerWebExchange exchange) {
        clearCookie(exchange);
        String client = Credentials.client(exchange);
        return Mono.fromRunnable(() -> {
            int ended = sessions.endAll(learner.id());
            audit.record(AuditLog.SIGN_OUT_EVERYWHERE, learner.id(), null, client, Map.of("sessions", ended));
        }).subscribeOn(jdbc).then();
    }

    /** Starts a session for {@code account} and sets its cookie on the response. */
    Mono<Account> startSession(Account account, ServerWebExchange exchange) {
        String client = Credentials.client(exchange);
        String agent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
        return Mono.fromCallable(() -> sessions.start(account.id(), client, agent)).subscribeOn(jdbc).map(id -> {
            setCookie(exchange, id, properties.sessionCookieMaxAge());
            return account;
        });
    }

    private static void clearCookie(ServerWebExchange exchange) {
        setCookie(exchange, "", Duration.ZERO);
    }

    private static void setCookie(ServerWebExchange exchange, String value, Duration maxAge) {
        exchange.getResponse().addCookie(ResponseCookie.from(Credentials.COOKIE, value).httpOnly(true)
                .secure(https(exchange)).sameSite("Lax").path("/").maxAge(maxAge).build());
    }

    private List<AuthViews.Provider> providers() {
        List<AuthViews.Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                if (registration instanceof ClientRegistration r) {
                    providers.add(new AuthViews.Provider(r.getRegistrationId(), r.getClientName(),
                            "/oauth2/authorization/" + r.getRegistrationId()));
                }
            }
        }
        return providers;
    }

    private void requireAccountsMode() {
        if (properties.mode() != Mode.ACCOUNTS) {
            throw new ProblemException(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
                    "Single-user mode has no accounts: there is nothing to sign in to.");
        }
    }

    /** Whether the request came over HTTPS (directly, or per forwarded headers): cookies are then {@code Secure}. */
    static boolean https(ServerWebExchange exchange) {
        return exchange.getRequest().getSslInfo() != null
                || "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
