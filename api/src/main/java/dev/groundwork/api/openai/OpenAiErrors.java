package dev.groundwork.api.openai;

import dev.groundwork.api.problem.OpenAiError;
import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every failure of the OpenAI-compatible controller as an {@link OpenAiError}, not a problem detail: ordered before
 * the app's {@code ApiProblems} and scoped to {@link OpenAiController}. Nothing of an exception's internals reaches
 * the client.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = OpenAiController.class)
class OpenAiErrors {

    private static final Logger log = LoggerFactory.getLogger(OpenAiErrors.class);

    @ExceptionHandler(OpenAiException.class)
    ResponseEntity<OpenAiError> reported(OpenAiException e) {
        return respond(e.status(), e.body());
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<OpenAiError> problem(ProblemException e) {
        String code = e.type().slug().replace('-', '_');
        return respond(e.status(), OpenAiError.of(e.getMessage(), typeFor(e.status()), code));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<OpenAiError> notFound(NotFound e) {
        return respond(HttpStatus.NOT_FOUND, OpenAiError.of(e.getMessage(), OpenAiException.INVALID_REQUEST,
                "not_found"));
    }

    /** A body that is not JSON, or not a chat completion request's JSON. */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<OpenAiError> unreadable(ServerWebInputException e) {
        return respond(HttpStatus.BAD_REQUEST, OpenAiError.of("The request body must be a JSON chat completion"
                + " request: {\"model\": \"groundwork\", \"messages\": [{\"role\": \"user\", \"content\": \"…\"}]}.",
                OpenAiException.INVALID_REQUEST, "invalid_body"));
    }

    /** Unsupported media type, oversize body and the like: the framework's status, a safe message. */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<OpenAiError> status(ResponseStatusException e) {
        HttpStatusCode status = e.getStatusCode();
        String reason = HttpStatus.resolve(status.value()) == null ? "Request failed"
                : HttpStatus.resolve(status.value()).getReasonPhrase();
        return respond(status, OpenAiError.of(reason + ".", typeFor(status),
                reason.toLowerCase(java.util.Locale.ROOT).replace(' ', '_')));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<OpenAiError> unexpected(Exception e) {
        log.error("Unhandled failure of an OpenAI-compatible request", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, OpenAiError.of("Something went wrong on our side. Try again;"
                + " if it keeps failing, the server log has the details.", "server_error", "internal_error"));
    }

    /** OpenAI's error {@code type} for an HTTP status. */
    static String typeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 429 -> "rate_limit_error";
            default -> status.is5xxServerError() ? "server_error" : OpenAiException.INVALID_REQUEST;
        };
    }

    private static ResponseEntity<OpenAiError> respond(HttpStatusCode status, OpenAiError body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
