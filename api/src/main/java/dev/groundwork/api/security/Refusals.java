package dev.groundwork.api.security;

import dev.groundwork.api.problem.OpenAiError;
import dev.groundwork.api.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the answer of a request a filter refuses before any controller runs: an RFC 9457 problem, or on
 * {@code /v1/**} OpenAI's error shape {@code {"error":{"message","type","param":null,"code"}}}.
 */
final class Refusals {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Refusals() {
    }

    /**
     * Answers {@code status} with a problem of {@code type} (or, on {@code /v1/**}, an OpenAI error with
     * {@code openAiType} and {@code openAiCode}); headers already set on the response are kept.
     */
    static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, ProblemType type, String detail,
            String openAiType, String openAiCode) {
        ServerHttpResponse response = exchange.getResponse();
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        Object body;
        if (path.startsWith("/v1/")) {
            body = OpenAiError.of(detail, openAiType, openAiCode);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        } else {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", type.uri().toString());
            problem.put("title", type.title());
            problem.put("status", status.value());
            problem.put("detail", detail);
            problem.put("instance", path);
            body = problem;
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
