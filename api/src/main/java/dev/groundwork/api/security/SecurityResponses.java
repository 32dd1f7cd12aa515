package dev.groundwork.api.security;

import dev.groundwork.api.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of the security layer itself: {@code 401} and {@code 403} as problem details, or in OpenAI's error
 * shape on the OpenAI-compatible paths ({@code /v1/**}), whose clients read that.
 */
final class SecurityResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SecurityResponses() {
    }

    static Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException ignored) {
        boolean bearer = Credentials.bearer(exchange) != null;
        String detail = bearer ? "The API token is unknown, revoked or expired."
                : "Sign in first, or send a personal API token as \"Authorization: Bearer gw_…\".";
        if (openAi(exchange)) {
            return openAiError(exchange, HttpStatus.UNAUTHORIZED, detail, "invalid_request_error", "invalid_api_key");
        }
        exchange.getResponse().getHeaders().set("WWW-Authenticate", bearer ? "Bearer error=\"invalid_token\"" : "Bearer");
        return problem(exchange, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED, detail);
    }

    static Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException denied) {
        if (denied instanceof CsrfException) {
            return problem(exchange, HttpStatus.FORBIDDEN, ProblemType.CSRF, "This change needs the X-XSRF-TOKEN"
                    + " header with the value of the XSRF-TOKEN cookie (or a personal API token instead of the"
                    + " session cookie).");
        }
        String detail = "Your account may not do this.";
        if (openAi(exchange)) {
            return openAiError(exchange, HttpStatus.FORBIDDEN, detail, "invalid_request_error", "forbidden");
        }
        return problem(exchange, HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, detail);
    }

    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, ProblemType type, String detail) {
        ProblemDetail problem = type.detail(status, detail);
        problem.setInstance(exchange.getRequest().getURI());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", exchange.getRequest().getPath().value());
        return write(exchange.getResponse(), status, MediaType.APPLICATION_PROBLEM_JSON, body);
    }

    private static Mono<Void> openAiError(ServerWebExchange exchange, HttpStatus status, String message, String type,
            String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", null);
        error.put("code", code);
        return write(exchange.getResponse(), status, MediaType.APPLICATION_JSON, Map.of("error", error));
    }

    private static Mono<Void> write(ServerHttpResponse response, HttpStatus status, MediaType type, Object body) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(type);
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }

    static boolean openAi(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/v1/");
    }
}
