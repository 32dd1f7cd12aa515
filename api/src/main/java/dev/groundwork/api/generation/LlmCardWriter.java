package dev.groundwork.api.generation;

import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.ai.chat.client.ChatClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes cards with a language model: the passages go, numbered, into the prompt's delimited context block; the
 * model answers one JSON object per line, and each line becomes a {@link Line} as soon as it is complete, so cards
 * stream while the model writes. Cancelling closes the model request (off the event loop); a model error, a broken
 * stream or silence past the configured timeouts fails the flux so the caller can fall back.
 */
public class LlmCardWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChatClient chat;
    private final GenerationProperties properties;

    public LlmCardWriter(ChatClient chat, GenerationProperties properties) {
        this.chat = chat;
        this.properties = properties;
    }

    /** One line the model wrote: a card, or something that was not one. */
    public sealed interface Line {
    }

    /** A parsed card and the model that wrote it. */
    public record Written(CardCandidate candidate, String model) implements Line {
    }

    /** A line that is not a card object (its text, shortened). */
    public record Malformed(String text) implements Line {
    }

    public Flux<Line> write(String topic, List<String> concepts, List<RetrievedChunk> passages, int count,
            Collection<String> types) {
        AtomicReference<String> model = new AtomicReference<>();
        StringBuilder pending = new StringBuilder();
        Flux<String> text = ModelStreams.guarded(Flux.defer(() -> chat.prompt()
                        .system(Prompts.cardsSystem())
                        .user(Prompts.cards(topic, concepts, passages, count, types))
                        .stream().chatResponse()), properties)
                .concatMapIterable(response -> {
                    ModelStreams.rememberModel(response, model);
                    String delta = ModelStreams.text(response);
                    return delta.isEmpty() ? List.<String>of() : List.of(delta);
                });
        return text.concatMapIterable(delta -> {
                    pending.append(delta);
                    List<String> lines = new ArrayList<>();
                    for (int nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
                        lines.add(pending.substring(0, nl));
                        pending.delete(0, nl + 1);
                    }
                    return lines;
                })
                .concatWith(Mono.fromSupplier(() -> pending.toString()))
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("```"))
                .map(line -> parse(line, model.get()));
    }

    /** A line as a card: {@code {"passage", "type", "front", "back", "text", "quote"}}. */
    static Line parse(String line, String model) {
        String json = line.replaceFirst("^[-*]\\s+", "").replaceFirst(",$", "");
        try {
            JsonNode node = JSON.readTree(json);
            if (!node.isObject() || !node.path("passage").canConvertToInt() || !node.hasNonNull("type")) {
                return new Malformed(shorten(line));
            }
            return new Written(new CardCandidate(node.path("type").asString().strip().toLowerCase(java.util.Locale.ROOT),
                    text(node, "front"), text(node, "back"), text(node, "text"), node.path("passage").asInt(),
                    text(node, "quote"), null, 0), model);
        } catch (RuntimeException notJson) {
            return new Malformed(shorten(line));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    private static String shorten(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "…";
    }
}
