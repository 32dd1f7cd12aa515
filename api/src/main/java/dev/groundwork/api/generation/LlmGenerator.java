package dev.groundwork.api.generation;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers with a language model through Spring AI's {@link ChatClient} (any OpenAI-compatible server). The prompt
 * comes from the templates in {@code resources/prompts}; the sources go only into its delimited context block.
 * Fails — so that the caller can fall back — when the model errs, sends a malformed stream, or stays silent past
 * {@link GenerationProperties#firstTokenTimeout()} or {@link GenerationProperties#idleTimeout()}.
 *
 * <p>Cancelling the subscription closes the model request; the close runs off the event loop, because the HTTP
 * client may block while it drains the connection.
 */
public class LlmGenerator implements Generator {

    private final ChatClient chat;
    private final GenerationProperties properties;

    public LlmGenerator(ChatClient chat, GenerationProperties properties) {
        this.chat = chat;
        this.properties = properties;
    }

    @Override
    public String mode() {
        return "llm";
    }

    @Override
    public Flux<GenerationEvent> generate(GenerationRequest request) {
        AtomicReference<String> model = new AtomicReference<>();
        AtomicReference<TokenUsage> usage = new AtomicReference<>();
        Flux<GenerationEvent> tokens = ModelStreams.guarded(Flux.defer(() -> chat.prompt()
                        .system(Prompts.system())
                        .user(Prompts.answer(request))
                        .stream().chatResponse()), properties)
                .concatMapIterable(response -> {
                    remember(response, model, usage);
                    String text = ModelStreams.text(response);
                    return text.isEmpty() ? List.of() : List.of(new GenerationEvent.Token(text));
                });
        return tokens.concatWith(Mono.fromSupplier(() -> new GenerationEvent.Completed(model.get(), usage.get())));
    }

    /** Rewrites a follow-up question as a standalone one, using the conversation so far. */
    public Mono<String> condense(List<GenerationRequest.Turn> history, String question) {
        return ModelStreams.guarded(Flux.defer(() -> chat.prompt().user(Prompts.condense(history, question)).stream()
                        .chatResponse()), properties)
                .map(ModelStreams::text)
                .reduce(String::concat)
                .map(String::strip)
                .filter(standalone -> !standalone.isEmpty());
    }

    private static void remember(ChatResponse response, AtomicReference<String> model,
            AtomicReference<TokenUsage> usage) {
        ModelStreams.rememberModel(response, model);
        if (response.getMetadata() == null) {
            return;
        }
        Usage reported = response.getMetadata().getUsage();
        if (reported != null && reported.getTotalTokens() != null && reported.getTotalTokens() > 0) {
            usage.set(new TokenUsage(reported.getPromptTokens(), reported.getCompletionTokens(),
                    reported.getTotalTokens()));
        }
    }
}
