package dev.groundwork.api.security;

import dev.groundwork.api.security.SecurityProperties.Imports;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Who may do what on {@code /api/**} and {@code /v1/**}, beyond being signed in: a {@code read} token reads and
 * asks, nothing else; importing a roadmap or adding a source to a topic (each starts an ingestion), and changing a
 * roadmap's refresh, is for admins only when the admin setting says so.
 */
final class AccessRules implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final AuthorizationResult GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationResult DENIED = new AuthorizationDecision(false);

    private final Settings settings;
    private final Scheduler jdbc;

    AccessRules(Settings settings, @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        return authentication.filter(SignedIn.class::isInstance).cast(SignedIn.class)
                .flatMap(signedIn -> decide(signedIn, request))
                .defaultIfEmpty(DENIED);
    }

    private Mono<AuthorizationResult> decide(SignedIn signedIn, ServerHttpRequest request) {
        if (signedIn.readOnly() && !readsOrAsks(request)) {
            return Mono.just(DENIED);
        }
        if ((importsRoadmap(request) || addsSource(request)) && !signedIn.account().admin()) {
            return Mono.<AuthorizationResult>fromCallable(() -> settings.read().imports() == Imports.LEARNERS ? GRANTED : DENIED)
                    .subscribeOn(jdbc);
        }
        return Mono.just(GRANTED);
    }

    /** What a {@code read} token may do: read anything, and ask (an answer, a chat completion). */
    static boolean readsOrAsks(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        String path = request.getPath().pathWithinApplication().value();
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                || HttpMethod.POST.equals(method) && (path.equals("/api/answers") || path.equals("/v1/chat/completions"));
    }

    /** Adding a source to a topic, {@code POST /api/topics/{id}/resources}: it is ingested like an import. */
    static boolean addsSource(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod())
                && request.getPath().pathWithinApplication().value().matches("/api/topics/[^/]+/resources");
    }

    /**
     * Importing or re-importing a roadmap: {@code POST /api/roadmaps}, {@code PUT /api/roadmaps/{id}}; and what is
     * decided for the whole roadmap like it, its refresh setting and a check now ({@code PUT} and {@code POST}
     * {@code /api/roadmaps/{id}/refresh}).
     */
    static boolean importsRoadmap(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        return HttpMethod.POST.equals(request.getMethod()) && path.equals("/api/roadmaps")
                || HttpMethod.PUT.equals(request.getMethod()) && path.matches("/api/roadmaps/[^/]+")
                || (HttpMethod.PUT.equals(request.getMethod()) || HttpMethod.POST.equals(request.getMethod()))
                        && path.matches("/api/roadmaps/[^/]+/refresh");
    }
}
