package dev.groundwork.api.openai;

import dev.groundwork.api.problem.OpenAiError;
import dev.groundwork.api.openai.OpenAiResponses.Model;
import dev.groundwork.api.openai.OpenAiResponses.ModelList;
import dev.groundwork.api.security.Learner;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible API: {@code GET /v1/models}, {@code GET /v1/models/{id}} and
 * {@code POST /v1/chat/completions} (any other {@code /v1} path is OpenAI's {@code 404}), streaming ({@code data: {chunk}} lines ending with {@code data: [DONE]}, no
 * event names, as OpenAI sends them) or not. Errors are {@link OpenAiError}s ({@link OpenAiErrors}): before the
 * first byte with their HTTP status, after it (a stream already under way) as a last {@code data: {"error":…}} line.
 * A client that disconnects cancels the answer.
 */
@RestController
class OpenAiController {

    private static final Logger log = LoggerFactory.getLogger(OpenAiController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ModelCatalog models;
    private final ChatCompletions completions;

    OpenAiController(ModelCatalog models, ChatCompletions completions) {
        this.models = models;
        this.completions = completions;
    }

    @GetMapping(path = "/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ModelList> models() {
        return models.list();
    }

    /** A model's id holds a slash ({@code groundwork/<roadmap-id>}): the rest of the path is the id. */
    @GetMapping(path = "/v1/models/{*id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Model> model(@PathVariable String id) {
        return models.find(id.startsWith("/") ? id.substring(1) : id);
    }

    @PostMapping(path = "/v1/chat/completions")
    Mono<Void> complete(@RequestBody ChatRequest request, Learner learner, ServerHttpResponse response) {
        if (!request.streaming()) {
            return completions.complete(request, learner).flatMap(completion -> {
                response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
                return response.writeWith(Mono.just(response.bufferFactory().wrap(JSON.writeValueAsBytes(completion))));
            });
        }
        AtomicBoolean started = new AtomicBoolean();
        Flux<String> frames = completions.stream(request, learner)
                .map(chunk -> "data: " + JSON.writeValueAsString(chunk) + "\n\n")
                .doOnNext(frame -> started.set(true))
                .concatWithValues("data: [DONE]\n\n")
                .onErrorResume(e -> started.get() ? Flux.just(failed(e)) : Flux.error(e));
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.TEXT_EVENT_STREAM);
        headers.setCacheControl("no-cache");
        headers.set("X-Accel-Buffering", "no");
        return response.writeAndFlushWith(frames.map(frame ->
                Mono.just(response.bufferFactory().wrap(frame.getBytes(StandardCharsets.UTF_8)))));
    }

    /**
     * Any other {@code /v1} path: OpenAI's {@code 404} in OpenAI's shape, so that a client calling an endpoint
     * Groundwork lacks (embeddings, images, …) reports it as such.
     */
    @RequestMapping(path = "/v1/**", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE})
    Mono<Void> unknown(ServerHttpRequest request) {
        return Mono.error(new OpenAiException(HttpStatus.NOT_FOUND, OpenAiException.INVALID_REQUEST, "unknown_url",
                "Groundwork has no " + request.getMethod() + " " + request.getPath().value() + "; it offers GET"
                        + " /v1/models and POST /v1/chat/completions."));
    }

    /** The last line of a stream that failed after it started: OpenAI's error object, no {@code [DONE]}. */
    private static String failed(Throwable e) {
        log.error("A chat completion stream failed", e);
        OpenAiError error = OpenAiError.of("The answer could not be completed. Try again; if it keeps failing, the"
                + " server log has the details.", "server_error", "internal_error");
        return "data: " + JSON.writeValueAsString(error) + "\n\n";
    }
}
