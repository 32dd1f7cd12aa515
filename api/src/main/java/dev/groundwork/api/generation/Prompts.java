package dev.groundwork.api.generation;

import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.prompt.PromptTemplate;
import org.springframework.core.io.ClassPathResource;

/**
 * The prompt texts, from the templates in {@code resources/prompts}. Retrieved text goes only into the delimited
 * {@code <context>} block of the user message, numbered, and can never close that block early.
 */
final class Prompts {

    private static final String SYSTEM = read("prompts/answer-system.st");
    private static final PromptTemplate ANSWER = new PromptTemplate(new ClassPathResource("prompts/answer-user.st"));
    private static final PromptTemplate CONDENSE = new PromptTemplate(new ClassPathResource("prompts/condense.st"));
    private static final String CARDS_SYSTEM = read("prompts/cards-system.st");
    private static final PromptTemplate CARDS = new PromptTemplate(new ClassPathResource("prompts/cards-user.st"));
    private static final String GRADE_SYSTEM = read("prompts/interview-grade-system.st");
    private static final PromptTemplate GRADE = new PromptTemplate(new ClassPathResource(
            "prompts/interview-grade-user.st"));
    private static final String CARD_EXAMPLE = "{\"passage\": 1, \"type\": \"basic\", \"front\": \"What is …?\", "
            + "\"back\": \"…\", \"text\": null, \"quote\": \"…\"}";

    private Prompts() {
    }

    static String system() {
        return SYSTEM;
    }

    static String answer(GenerationRequest request) {
        return ANSWER.render(Map.of("history", history(request.history(), true), "context", context(request.sources()),
                "question", request.question()));
    }

    static String cardsSystem() {
        return CARDS_SYSTEM;
    }

    /** The card request: the topic, the concepts to cover first, the numbered passages, how many and which types. */
    static String cards(String topic, List<String> concepts, List<RetrievedChunk> passages, int count,
            java.util.Collection<String> types) {
        String conceptLines = concepts.isEmpty() ? "" : "Concepts to cover first: " + inert(String.join("; ", concepts))
                + "\n";
        return CARDS.render(Map.of("topic", inert(topic), "concepts", conceptLines, "context", context(passages),
                "count", count, "types", String.join(", ", types), "example", CARD_EXAMPLE));
    }

    static String gradeSystem() {
        return GRADE_SYSTEM;
    }

    /**
     * The grading request: the question, the numbered rubric points, and the candidate's answer in its own delimited
     * block, which the answer cannot close.
     */
    static String grade(String question, List<String> points, String answer) {
        StringBuilder rubric = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            rubric.append(i + 1).append(". ").append(inert(points.get(i)).replaceAll("\\s+", " ").strip()).append('\n');
        }
        return GRADE.render(Map.of("question", inert(question), "rubric", rubric.toString().strip(),
                "answer", candidate(answer), "count", points.size()));
    }

    /** The candidate's words cannot open or close their block. */
    static String candidate(String answer) {
        return answer == null ? "" : answer.replaceAll("(?i)</?\\s*candidate_answer\\s*>", "[candidate_answer]");
    }

    static String condense(List<GenerationRequest.Turn> history, String question) {
        return CONDENSE.render(Map.of("history", history(history, false), "question", question));
    }

    /** The numbered passages: {@code [n] title — heading › path (p. 3)} then the passage. */
    static String context(List<RetrievedChunk> sources) {
        if (sources.isEmpty()) {
            return "(no passages were found)";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            RetrievedChunk source = sources.get(i);
            out.append('[').append(i + 1).append("] ").append(inert(source.title()));
            if (!source.headingPath().isEmpty()) {
                out.append(" — ").append(inert(String.join(" › ", source.headingPath())));
            }
            if (source.page() != null) {
                out.append(" (p. ").append(source.page()).append(')');
            }
            out.append('\n').append(inert(source.text())).append("\n\n");
        }
        return out.toString().strip();
    }

    private static String history(List<GenerationRequest.Turn> turns, boolean asSection) {
        if (turns.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(asSection ? "Earlier in this conversation:\n" : "");
        for (GenerationRequest.Turn turn : turns) {
            out.append("Learner: ").append(turn.question().strip()).append('\n')
                    .append("Groundwork: ").append(turn.answer().strip()).append('\n');
        }
        return out.append(asSection ? "\n" : "").toString();
    }

    /** Fetched text cannot open or close the context block. */
    private static String inert(String text) {
        return text == null ? "" : text.replaceAll("(?i)</?context>", "[context]");
    }

    private static String read(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("missing prompt " + resource, e);
        }
    }
}
