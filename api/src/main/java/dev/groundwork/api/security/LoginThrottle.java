package dev.groundwork.api.security;

import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Throttles password guessing: failed sign-ins are counted per account (the login as typed, case-insensitive) and
 * per client address in shared {@link RateLimiter} windows; once either is full, sign-in answers {@code 429} with
 * {@code Retry-After} before any password is checked.
 */
@Component
class LoginThrottle {

    private final RateLimiter limiter;
    private final LimitProperties limits;

    LoginThrottle(RateLimiter limiter, LimitProperties limits) {
        this.limiter = limiter;
        this.limits = limits;
    }

    Mono<Void> check(String login, String client, ServerWebExchange exchange) {
        return Mono.zip(limiter.peek(account(login), limits.loginPerAccount(), limits.loginWindow()),
                limiter.peek(address(client), limits.loginPerAddress(), limits.loginWindow())).flatMap(both -> {
                    if (both.getT1().allowed() && both.getT2().allowed()) {
                        return Mono.<Void>empty();
                    }
                    long wait = Math.max(both.getT1().allowed() ? 0 : both.getT1().retryAfterSeconds(),
                            both.getT2().allowed() ? 0 : both.getT2().retryAfterSeconds());
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
                    return Mono.error(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemType.RATE_LIMITED,
                            "Too many failed sign-ins. Try again in " + wait + " seconds."));
                });
    }

    Mono<Void> failed(String login, String client) {
        return Mono.when(limiter.hit(account(login), limits.loginPerAccount(), limits.loginWindow()),
                limiter.hit(address(client), limits.loginPerAddress(), limits.loginWindow()));
    }

    private static String account(String login) {
        return "login-account:" + login.trim().toLowerCase(Locale.ROOT);
    }

    private static String address(String client) {
        return "login-client:" + (client == null ? "unknown" : client);
    }
}
