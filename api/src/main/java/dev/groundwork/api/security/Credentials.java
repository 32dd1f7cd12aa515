package dev.groundwork.api.security;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Accounts mode: who a request is, from its {@code Authorization: Bearer} token or else its session cookie, both
 * looked up in PostgreSQL (so every instance agrees, and revoking takes effect at once). One lookup per request:
 * the result is kept on the exchange, however often the security context is read.
 */
final class Credentials implements ServerSecurityContextRepository {

    static final String COOKIE = "GW_SESSION";
    private static final String LOADED = Credentials.class.getName() + ".loaded";

    private final Sessions sessions;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private final SecurityProperties properties;
    private final Clock clock;
    private final Scheduler jdbc;

    Credentials(Sessions sessions, ApiTokens tokens, AuditLog audit, SecurityProperties properties, Clock clock,
            @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return Mono.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return (Mono<SecurityContext>) exchange.getAttributes().computeIfAbsent(LOADED, key -> lookup(exchange).cache());
    }

    private Mono<SecurityContext> lookup(ServerWebExchange exchange) {
        String bearer = bearer(exchange);
        if (bearer != null) {
            return Mono.fromCallable(() -> byToken(bearer, client(exchange))).subscribeOn(jdbc)
                    .flatMap(Mono::justOrEmpty);
        }
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> sessions.resume(cookie.getValue())).subscribeOn(jdbc)
                .flatMap(Mono::justOrEmpty).map(account -> new SecurityContextImpl(SignedIn.session(account)));
    }

    private java.util.Optional<SecurityContext> byToken(String bearer, String client) {
        return tokens.use(bearer).map(used -> {
            if (used.lastUsedBefore() == null
                    || used.lastUsedBefore().isBefore(clock.instant().minus(properties.tokenUseAudit()))) {
                audit.record(AuditLog.TOKEN_USED, used.account().id(), "token:" + ApiTokens.prefixOf(bearer), client,
                        Map.of());
            }
            return new SecurityContextImpl(
                    SignedIn.token(used.account(), used.tokenId(), used.scope() == ApiTokens.Scope.READ));
        });
    }

    /** The bearer value of {@code Authorization}, or null when the request has none. */
    static String bearer(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    static String client(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }
}
