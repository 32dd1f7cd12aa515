package dev.groundwork.api.security;

import dev.groundwork.api.problem.ProblemType;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Per-learner rate limits on the expensive endpoints ({@link Bucket}), counted by {@link RateLimiter} under
 * {@code <bucket>:<learner id>} so that every app instance counts together. Over the limit: {@code 429} with
 * {@code Retry-After} and the problem {@code rate-limited} (on {@code /v1/**} OpenAI's error shape with code
 * {@code rate_limit_exceeded}). Allowed responses carry {@code RateLimit-Limit} and {@code RateLimit-Remaining}.
 *
 * <p>Ordered after Spring Security's filter chain (-100), so the learner is the authenticated one; without a
 * security chain (single-user mode) the {@link LearnerResolver} answers the local learner. A request whose learner
 * cannot be resolved passes on: it is refused further on, where the learner is needed.
 *
 * <p>Threading: composes publishers only; the counting runs on {@code jdbc}.
 */
@Component
@Order(0)
class RateLimits implements WebFilter {

    private final RateLimiter limiter;
    private final ObjectProvider<LearnerResolver> resolver;
    private final LimitProperties limits;

    RateLimits(RateLimiter limiter, ObjectProvider<LearnerResolver> resolver, LimitProperties limits) {
        this.limiter = limiter;
        this.resolver = resolver;
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<Bucket> bucket = Bucket.of(exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().pathWithinApplication().value());
        if (bucket.isEmpty()) {
            return chain.filter(exchange);
        }
        int limit = bucket.get().limit.applyAsInt(limits);
        return resolver.getObject().resolve(exchange)
                .map(Optional::of)
                .onErrorResume(e -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(learner -> learner.isEmpty() ? chain.filter(exchange)
                        : limiter.hit(bucket.get().key + ":" + learner.get().id(), limit, limits.window())
                                .flatMap(decision -> apply(decision, exchange, chain)));
    }

    private Mono<Void> apply(RateDecision decision, ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Limit", Integer.toString(decision.limit()));
        headers.set("RateLimit-Remaining", Integer.toString(decision.remaining()));
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        return Refusals.refuse(exchange, HttpStatus.TOO_MANY_REQUESTS, ProblemType.RATE_LIMITED,
                "Too many requests: at most %d per %d seconds. Try again in %d seconds.".formatted(decision.limit(),
                        limits.window().toSeconds(), decision.retryAfterSeconds()),
                "requests", "rate_limit_exceeded");
    }

    /** The expensive endpoints, grouped into the buckets a learner's requests are counted in. */
    enum Bucket {
        ANSWERS("answers", LimitProperties::answers),
        CARDS("cards", LimitProperties::cards),
        INTERVIEWS("interviews", LimitProperties::interviews),
        IMPORTS("imports", LimitProperties::imports);

        private final String key;
        private final ToIntFunction<LimitProperties> limit;

        Bucket(String key, ToIntFunction<LimitProperties> limit) {
            this.key = key;
            this.limit = limit;
        }

        /** The bucket of {@code method path}; empty for a request that is not rate limited. */
        static Optional<Bucket> of(HttpMethod method, String path) {
            String[] s = path.split("/", -1);
            if (HttpMethod.PUT.equals(method)) {
                return s.length == 4 && path.startsWith("/api/roadmaps/") && !s[3].isEmpty()
                        ? Optional.of(IMPORTS) : Optional.empty();
            }
            if (!HttpMethod.POST.equals(method)) {
                return Optional.empty();
            }
            if (path.equals("/api/answers") || path.equals("/v1/chat/completions")) {
                return Optional.of(ANSWERS);
            }
            if (path.equals("/api/interviews")
                    || s.length == 7 && s[2].equals("interviews") && s[4].equals("questions") && s[6].equals("answer")) {
                return Optional.of(INTERVIEWS);
            }
            if (path.equals("/api/roadmaps")
                    || s.length == 5 && s[2].equals("topics") && s[4].equals("resources")
                    || s.length == 6 && (s[2].equals("roadmaps") || s[2].equals("topics")) && s[4].equals("cards")
                            && s[5].equals("import")) {
                return Optional.of(IMPORTS);
            }
            if (s.length == 6 && s[2].equals("topics") && s[4].equals("cards") && s[5].equals("generate")) {
                return Optional.of(CARDS);
            }
            return Optional.empty();
        }
    }
}
