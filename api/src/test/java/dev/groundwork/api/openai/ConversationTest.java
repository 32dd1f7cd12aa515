package dev.groundwork.api.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.api.generation.GenerationRequest.Turn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationTest {

    static ChatRequest.Message message(String role, Object content) {
        return new ChatRequest.Message(role, content);
    }

    @Test
    void lastUserMessageIsTheQuestionAndEarlierExchangesAreTheHistory() {
        Conversation conversation = Conversation.of(List.of(
                message("system", "You are a pirate."),
                message("user", "What is Redis?"),
                message("assistant", "An in-memory store [1]."),
                message("user", "  How do I install it?  "),
                message("assistant", "prefill that comes after the question")), 2000);

        assertThat(conversation.question()).isEqualTo("How do I install it?");
        assertThat(conversation.history()).containsExactly(new Turn("What is Redis?", "An in-memory store [1]."));
    }

    @Test
    void consecutiveUserMessagesAreOneQuestionAndAnUnansweredOneStillCounts() {
        Conversation conversation = Conversation.of(List.of(
                message("user", "I use Redis 7."),
                message("user", "It is on Linux."),
                message("assistant", "Noted."),
                message("user", "Something unanswered"),
                message("user", "What is AOF?")), 2000);

        assertThat(conversation.history()).containsExactly(new Turn("I use Redis 7.\nIt is on Linux.", "Noted."),
                new Turn("Something unanswered", ""));
        assertThat(conversation.question()).isEqualTo("What is AOF?");
    }

    @Test
    void readsTheTextPartsOfArrayContent() {
        Conversation conversation = Conversation.of(List.of(message("user", List.of(
                Map.of("type", "text", "text", "What is"),
                Map.of("type", "image_url", "image_url", Map.of("url", "https://example.com/a.png")),
                Map.of("type", "text", "text", "Redis?")))), 2000);

        assertThat(conversation.question()).isEqualTo("What is\nRedis?");
    }

    @Test
    void rejectsMessagesWithoutAUserQuestion() {
        assertInvalid(List.of(), "missing_required_parameter");
        assertInvalid(null, "missing_required_parameter");
        assertInvalid(List.of(message("system", "Be brief."), message("assistant", "Hi")), "missing_user_message");
        assertInvalid(List.of(message("user", "  ")), "missing_user_message");
        assertInvalid(List.of(message("user", List.of(Map.of("type", "image_url")))), "missing_user_message");
    }

    @Test
    void rejectsUnknownRolesAndTooLongQuestions() {
        assertInvalid(List.of(message("wizard", "hi"), message("user", "What?")), "invalid_value");
        assertThatThrownBy(() -> Conversation.of(List.of(message("user", "x".repeat(11))), 10))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.body().error().code()).isEqualTo("string_above_max_length");
                });
    }

    @Test
    void modelNamesPickTheScope() {
        assertThat(ModelCatalog.roadmapOf("groundwork")).isNull();
        assertThat(ModelCatalog.roadmapOf("groundwork/4f7c")).isEqualTo("4f7c");
        for (String unknown : List.of("gpt-4o", "groundwork/", "groundwork/ ", "Groundwork")) {
            assertThatThrownBy(() -> ModelCatalog.roadmapOf(unknown)).isInstanceOfSatisfying(OpenAiException.class,
                    e -> assertThat(e.body().error().code()).isEqualTo("model_not_found"));
        }
    }

    private static void assertInvalid(List<ChatRequest.Message> messages, String code) {
        assertThatThrownBy(() -> Conversation.of(messages, 2000)).isInstanceOfSatisfying(OpenAiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.body().error().type()).isEqualTo("invalid_request_error");
            assertThat(e.body().error().code()).isEqualTo(code);
        });
    }
}
