package dev.groundwork.api.openai;

import dev.groundwork.api.problem.OpenAiError;
import org.springframework.http.HttpStatus;

/** A request to {@code /v1/**} that fails with an OpenAI error: the status and the body's fields. */
final class OpenAiException extends RuntimeException {

    static final String INVALID_REQUEST = "invalid_request_error";

    private final HttpStatus status;
    private final String type;
    private final String code;

    OpenAiException(HttpStatus status, String type, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
    }

    /** {@code 400 invalid_request_error} with a specific {@code code}. */
    static OpenAiException invalid(String code, String message) {
        return new OpenAiException(HttpStatus.BAD_REQUEST, INVALID_REQUEST, code, message);
    }

    /** {@code 404 invalid_request_error / model_not_found}, as OpenAI answers an unknown model. */
    static OpenAiException modelNotFound(String model) {
        return new OpenAiException(HttpStatus.NOT_FOUND, INVALID_REQUEST, "model_not_found",
                "The model '" + model + "' does not exist. GET /v1/models lists them: groundwork (everything) and"
                        + " groundwork/<roadmap-id>.");
    }

    HttpStatus status() {
        return status;
    }

    OpenAiError body() {
        return OpenAiError.of(getMessage(), type, code);
    }
}
