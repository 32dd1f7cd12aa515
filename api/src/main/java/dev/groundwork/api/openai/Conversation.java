package dev.groundwork.api.openai;

import dev.groundwork.api.generation.GenerationRequest.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The question and the history an OpenAI message list carries: the last {@code user} message is the question;
 * before it, each {@code user} message followed by the {@code assistant} reply is a turn (consecutive user messages
 * are one question). {@code system}, {@code developer} and {@code tool} messages are ignored: Groundwork's own prompt
 * grounds the answer. Messages after the last user message are ignored too.
 *
 * @param messageTexts the text of every message, for estimating prompt tokens
 */
record Conversation(String question, List<Turn> history, List<String> messageTexts) {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    /** Reads the messages, or fails with a {@code 400 invalid_request_error} saying what is wrong. */
    static Conversation of(List<ChatRequest.Message> messages, int maxQuestionLength) {
        if (messages == null || messages.isEmpty()) {
            throw OpenAiException.invalid("missing_required_parameter",
                    "'messages' must hold at least one message with role 'user'.");
        }
        int last = -1;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatRequest.Message message = messages.get(i);
            if (message == null || message.role() == null || !ROLES.contains(message.role())) {
                throw OpenAiException.invalid("invalid_value", "messages[" + i + "].role must be one of "
                        + "system, developer, user, assistant or tool.");
            }
            texts.add(text(message.content()));
            if ("user".equals(message.role())) {
                last = i;
            }
        }
        if (last < 0 || texts.get(last).isBlank()) {
            throw OpenAiException.invalid("missing_user_message",
                    "The messages hold no user message with text to answer.");
        }
        String question = texts.get(last).strip();
        if (question.length() > maxQuestionLength) {
            throw OpenAiException.invalid("string_above_max_length", "The last user message is longer than "
                    + maxQuestionLength + " characters.");
        }
        return new Conversation(question, history(messages, texts, last), List.copyOf(texts));
    }

    private static List<Turn> history(List<ChatRequest.Message> messages, List<String> texts, int last) {
        List<Turn> turns = new ArrayList<>();
        StringBuilder asked = new StringBuilder();
        for (int i = 0; i < last; i++) {
            String role = messages.get(i).role();
            String text = texts.get(i).strip();
            if ("user".equals(role) && !text.isEmpty()) {
                asked.append(asked.isEmpty() ? "" : "\n").append(text);
            } else if ("assistant".equals(role) && !asked.isEmpty()) {
                turns.add(new Turn(asked.toString(), text));
                asked.setLength(0);
            }
        }
        if (!asked.isEmpty()) {
            turns.add(new Turn(asked.toString(), ""));
        }
        return turns;
    }

    /** A message's text: the string, or its {@code text} parts joined by newlines; anything else is no text. */
    static String text(Object content) {
        if (content instanceof String text) {
            return text;
        }
        if (!(content instanceof List<?> parts)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Map<?, ?> map && "text".equals(map.get("type")) && map.get("text") instanceof String t) {
                text.append(text.isEmpty() ? "" : "\n").append(t);
            }
        }
        return text.toString();
    }
}
