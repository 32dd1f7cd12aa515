package dev.groundwork.api.problem;

import org.springframework.http.HttpStatus;

/** A failure a feature reports with its own status, problem type and a detail that is safe to show. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final ProblemType type;

    public ProblemException(HttpStatus status, ProblemType type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }
}
