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

    /** A request the API cannot take as it is: {@code 400 bad-request} with {@code detail}. */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.BAD_REQUEST, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }
}
