package dev.groundwork.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error body in OpenAI's shape, {@code {"error":{"message","type","param":null,"code"}}}: what OpenAI clients
 * parse on {@code /v1/**}. {@code type} is OpenAI's class of error ({@code invalid_request_error},
 * {@code authentication_error}, {@code permission_error}, {@code rate_limit_error}, {@code server_error}); {@code code}
 * a stable, more specific name ({@code model_not_found}, …). {@code message} is safe to show.
 */
public record OpenAiError(Body error) {

    /** The error itself; {@code param} is always {@code null} here but present, as OpenAI sends it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Body(String message, String type, String param, String code) {
    }

    public static OpenAiError of(String message, String type, String code) {
        return new OpenAiError(new Body(message, type, null, code));
    }
}
