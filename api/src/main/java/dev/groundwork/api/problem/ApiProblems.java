package dev.groundwork.api.problem;

import dev.groundwork.ingest.pipeline.RoadmapProperties;
import dev.groundwork.ingest.roadmap.RoadmapRejected;
import dev.groundwork.ingest.store.RoadmapExists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * Turns failures into RFC 9457 problem details. Framework errors (400, 404, 405, 406, 415, …) keep Spring's
 * handling and get a stable {@code type}; nothing from an exception's internals reaches the client.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final long maxRoadmapBytes;

    ApiProblems(RoadmapProperties roadmap) {
        this.maxRoadmapBytes = roadmap.maxSize().toBytes();
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return respond(problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> reported(ProblemException e) {
        return respond(problem(e.status(), e.type(), e.getMessage()));
    }

    @ExceptionHandler(RoadmapRejected.class)
    ResponseEntity<ProblemDetail> rejected(RoadmapRejected e) {
        ProblemType type = switch (e.reason()) {
            case EMPTY -> ProblemType.ROADMAP_EMPTY;
            case BINARY -> ProblemType.ROADMAP_BINARY;
            case NOT_UTF8 -> ProblemType.ROADMAP_NOT_UTF8;
            case TOO_LARGE -> ProblemType.ROADMAP_TOO_LARGE;
            case NO_TOPICS -> ProblemType.ROADMAP_WITHOUT_TOPICS;
        };
        HttpStatus status = e.reason() == RoadmapRejected.Reason.TOO_LARGE
                ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
        return respond(problem(status, type, e.getMessage()));
    }

    /** A different roadmap has the title: names it, so that the client can offer to update it or import anew. */
    @ExceptionHandler(RoadmapExists.class)
    ResponseEntity<ProblemDetail> exists(RoadmapExists e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemType.ROADMAP_EXISTS, ("A different roadmap"
                + " titled \"%s\" is already stored. Update it with this document (PUT /api/roadmaps/%s), or import"
                + " the document as a new roadmap (POST /api/roadmaps?as=new).")
                .formatted(e.existingTitle(), e.existingId()));
        problem.setProperty("existingId", e.existingId());
        problem.setProperty("existingTitle", e.existingTitle());
        return respond(problem);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e) {
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, ProblemType.ROADMAP_TOO_LARGE,
                "The roadmap is larger than the limit of " + maxRoadmapBytes + " bytes."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unhandled failure", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL,
                "Something went wrong on our side. Try again; if it keeps failing, the server log has the details."));
    }

    /** Gives Spring's own problem details (bad request, unsupported media type, …) a stable type. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        return super.handleExceptionInternal(ex, body, headers, status, exchange).map(entity -> {
            if (!(entity.getBody() instanceof ProblemDetail detail)) {
                return entity;
            }
            if (isBlank(detail)) {
                detail.setType(typeOf(ex, status).uri());
            }
            HttpHeaders problemHeaders = new HttpHeaders();
            problemHeaders.putAll(entity.getHeaders());
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(detail, problemHeaders, entity.getStatusCode());
        });
    }

    private static ProblemType typeOf(Exception ex, HttpStatusCode status) {
        return ex instanceof UnsupportedMediaTypeStatusException ? ProblemType.UNSUPPORTED_MEDIA_TYPE
                : status.value() == 404 ? ProblemType.NOT_FOUND
                : status.is4xxClientError() ? ProblemType.BAD_REQUEST : ProblemType.INTERNAL;
    }

    /**
     * Always {@code application/problem+json}, whatever the request accepted: a client of an event stream gets
     * the problem as JSON too, not framed as an event.
     */
    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ProblemDetail problem(HttpStatus status, ProblemType type, String detail) {
        return type.detail(status, detail);
    }

    private static boolean isBlank(ProblemDetail detail) {
        return detail.getType() == null || "about:blank".equals(detail.getType().toString());
    }
}
