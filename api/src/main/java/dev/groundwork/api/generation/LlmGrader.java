package dev.groundwork.api.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.ai.chat.client.ChatClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a language model whether an interview answer covers each rubric point. The candidate's answer goes only into
 * its own delimited block of the prompt, marked as the candidate's words; the model answers one verdict per point and
 * never a score — callers compute scores from the verdicts, so an answer that talks to the grader gains nothing. A
 * model error, a broken stream or silence past the configured timeouts fails the mono so the caller can grade offline.
 */
public class LlmGrader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChatClient chat;
    private final GenerationProperties properties;

    public LlmGrader(ChatClient chat, GenerationProperties properties) {
        this.chat = chat;
        this.properties = properties;
    }

    /** What the model said about one point: 1-based {@code point}, a verdict label, its evidence or {@code null}. */
    public record Verdict(int point, String verdict, String evidence) {
    }

    /** The model's verdicts (possibly incomplete or out of range: the caller checks them) and the model's name. */
    public record Graded(List<Verdict> verdicts, String model) {
    }

    public Mono<Graded> grade(String question, List<String> points, String answer) {
        AtomicReference<String> model = new AtomicReference<>();
        return ModelStreams.guarded(Flux.defer(() -> chat.prompt()
                        .system(Prompts.gradeSystem())
                        .user(Prompts.grade(question, points, answer))
                        .stream().chatResponse()), properties)
                .map(response -> {
                    ModelStreams.rememberModel(response, model);
                    return ModelStreams.text(response);
                })
                .reduce(new StringBuilder(), StringBuilder::append)
                .map(text -> new Graded(parse(text.toString()), model.get()));
    }

    /** Every line that is a verdict object; other lines (prose, fences) are ignored. */
    public static List<Verdict> parse(String text) {
        List<Verdict> verdicts = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip().replaceFirst("^[-*]\\s+", "").replaceFirst(",$", "");
            if (!line.startsWith("{")) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                if (node.isObject() && node.path("point").canConvertToInt() && node.hasNonNull("verdict")) {
                    JsonNode evidence = node.get("evidence");
                    verdicts.add(new Verdict(node.path("point").asInt(),
                            node.path("verdict").asString().strip().toLowerCase(Locale.ROOT),
                            evidence == null || evidence.isNull() ? null : evidence.asString()));
                }
            } catch (RuntimeException notJson) {
                // not a verdict line
            }
        }
        return verdicts;
    }
}
