package dev.groundwork.api.answer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A question. Scope: {@code topicId} (the topic, its subtopics, their resources), else {@code roadmapId}, else
 * everything. {@code conversationId} continues a conversation that an earlier answer started.
 */
public record AnswerRequest(
        @NotBlank @Size(max = 2000) String question,
        @Size(max = 64) String topicId,
        @Size(max = 200) String roadmapId,
        @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be a conversation id from an earlier answer")
        String conversationId) {
}
