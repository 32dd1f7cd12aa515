package dev.groundwork.api.generation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.openai.OpenAiChatOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What every streamed model request of this package shares: the configured timeouts, a cancel that closes the request
 * off the event loop (the HTTP client may block while it drains the connection), and reading each response's text and
 * the model that wrote it.
 */
final class ModelStreams {

    private ModelStreams() {
    }

    /**
     * A client of {@code model} whose requests the SDK bounds by {@code callTimeout} as a whole. Spring AI's OpenAI
     * model sends its options' timeout with every request, 60 s unless set, and OkHttp applies it to the whole call,
     * a streamed answer included: longer answers were cut off mid-stream.
     */
    static ChatClient client(ChatModel model, Duration callTimeout) {
        ChatClient.Builder builder = ChatClient.builder(model);
        if (model.getDefaultOptions() instanceof OpenAiChatOptions defaults) {
            builder.defaultOptions(defaults.mutate().timeout(callTimeout));
        }
        return builder.build();
    }

    /**
     * The responses, failing when the first one takes longer than {@link GenerationProperties#firstTokenTimeout()} or
     * a later one longer than {@link GenerationProperties#idleTimeout()}; cancelling runs on {@code boundedElastic}.
     */
    static Flux<ChatResponse> guarded(Flux<ChatResponse> responses, GenerationProperties properties) {
        return responses
                .timeout(Mono.delay(properties.firstTokenTimeout()), next -> Mono.delay(properties.idleTimeout()))
                .cancelOn(Schedulers.boundedElastic());
    }

    /** The response's piece of text, or {@code ""}. */
    static String text(ChatResponse response) {
        String text = response.getResult() == null ? null : response.getResult().getOutput().getText();
        return text == null ? "" : text;
    }

    /** Keeps the model's name when the response reports one. */
    static void rememberModel(ChatResponse response, AtomicReference<String> model) {
        if (response.getMetadata() != null && response.getMetadata().getModel() != null
                && !response.getMetadata().getModel().isEmpty()) {
            model.set(response.getMetadata().getModel());
        }
    }
}
