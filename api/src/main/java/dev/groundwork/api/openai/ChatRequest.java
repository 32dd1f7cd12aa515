package dev.groundwork.api.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The parts of an OpenAI chat completion request that Groundwork reads; every other field (temperature, tools, …)
 * is accepted and ignored. Checked by {@link Conversation}, not by bean validation, so that every mistake gets an
 * OpenAI error with a specific code.
 *
 * @param model         {@code groundwork} or {@code groundwork/<roadmap-id>}
 * @param messages      the conversation; the last {@code user} message is the question
 * @param stream        server-sent {@code chat.completion.chunk}s instead of one {@code chat.completion}
 * @param streamOptions {@code include_usage}: a last chunk with the usage and no choices
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ChatRequest(String model, List<Message> messages, Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions) {

    boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    boolean includeUsage() {
        return streaming() && streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }

    /**
     * One message. {@code content} is a string or an array of parts, of which the {@code text} ones are read.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String role, Object content) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {
    }
}
