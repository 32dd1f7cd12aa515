package dev.groundwork.api.answer;

import dev.groundwork.api.generation.GenerationRequest.Turn;
import java.util.List;

/**
 * A question whose conversation the caller keeps (as OpenAI-style clients do): the earlier turns come with it and
 * nothing is stored. Scope: {@code roadmapId}, else everything.
 *
 * @param text      the question, already checked by the caller (not blank, within its limits)
 * @param roadmapId the roadmap to answer from, or {@code null} for the whole knowledge base
 * @param history   earlier turns, oldest first; only the last {@link AnswerProperties#historyTurns()} are used
 */
public record Question(String text, String roadmapId, List<Turn> history) {

    public Question {
        history = List.copyOf(history);
    }
}
