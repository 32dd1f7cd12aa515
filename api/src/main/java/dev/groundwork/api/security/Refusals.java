package dev.groundwork.api.security;

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
        Map<String, Object> body = new LinkedHashMap<>();
        if (path.startsWith("/v1/")) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", detail);
            error.put("type", openAiType);
            error.put("param", null);
            error.put("code", openAiCode);
            body.put("error", error);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        } else {
            body.put("type", type.uri().toString());
            body.put("title", type.title());
            body.put("status", status.value());
            body.put("detail", detail);
            body.put("instance", path);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
