package dev.groundwork.api.problem;

/** The thing a request names does not exist. Answered with 404 and type {@code not-found}. */
public class NotFound extends RuntimeException {

    public NotFound(String what, String id) {
        super("No " + what + " with id '" + id + "'.");
    }
}
