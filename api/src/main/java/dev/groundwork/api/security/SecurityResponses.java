package dev.groundwork.api.security;

import dev.groundwork.api.problem.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The filter chain's own refusals: {@code 401} (no or a bad credential) and {@code 403} (not allowed, or a missing
 * CSRF token), written by {@link Refusals} as problem details, or in OpenAI's error shape on {@code /v1/**}.
 */
final class SecurityResponses {

    private SecurityResponses() {
    }

    static Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException ignored) {
        boolean bearer = Credentials.bearer(exchange) != null;
        exchange.getResponse().getHeaders().set("WWW-Authenticate", bearer ? "Bearer error=\"invalid_token\"" : "Bearer");
        return Refusals.refuse(exchange, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED,
                bearer ? "The API token is unknown, revoked or expired."
                        : "Sign in first, or send a personal API token as \"Authorization: Bearer gw_…\".",
                "authentication_error", "invalid_api_key");
    }

    static Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException denied) {
        if (denied instanceof CsrfException) {
            return csrf(exchange, "This change needs the X-XSRF-TOKEN header with the value of the XSRF-TOKEN"
                    + " cookie (or a personal API token instead of the session cookie).");
        }
        return Refusals.refuse(exchange, HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN,
                "Your account (or this token's scope) may not do this.", "permission_error", "forbidden");
    }

    static Mono<Void> csrf(ServerWebExchange exchange, String detail) {
        return Refusals.refuse(exchange, HttpStatus.FORBIDDEN, ProblemType.CSRF, detail, "permission_error", "csrf");
    }
}
